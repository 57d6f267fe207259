import type { CloudAdapter } from 'botbuilder';
import type { ApproverResolver } from '../../../app/activation/approver-resolver';
import { ApprovalCancelListener } from '../../../app/approvals/approval-cancel.listener';
import { DecideApprovalUseCase } from '../../../app/approvals/decide-approval.use-case';
import { ListApprovalsUseCase } from '../../../app/approvals/list-approvals.use-case';
import { RequestApprovalUseCase } from '../../../app/approvals/request-approval.use-case';
import { RequestStatusChangedUseCase } from '../../../app/approvals/request-status-changed.use-case';
import { ApprovalChannels } from '../../../app/channels/approval-channels';
import type { Clock } from '../../../ports/clock';
import type { Directory } from '../../../ports/directory';
import type { AuditLog } from '../../../ports/audit-log';
import type { PimGateway } from '../../../ports/pim-gateway';
import type { Store } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import { TeamsApprovalMessenger } from './teams-approval-messenger';

/** The approval use cases others call (activate, cancel, the step-up resume, the reconciler). */
export interface ApprovalsModule {
  statusChanged: RequestStatusChangedUseCase;
  request: RequestApprovalUseCase;
  decide: DecideApprovalUseCase;
  list: ListApprovalsUseCase;
  /** Closes the approval cards of a request its requester cancelled. */
  cancelled: ApprovalCancelListener;
  messenger: TeamsApprovalMessenger;
  /** The approval routing (default channel, per-role channels), for the settings card. */
  channels: ApprovalChannels;
}

export interface ApprovalsDeps {
  pim: PimGateway;
  clock: Clock;
  logger: Logger;
  signer: CardActionSigner;
  approvers: ApproverResolver;
  adapter: CloudAdapter;
  appId: string;
  proactive: ProactiveMessenger;
  store: Store;
  auditLog: AuditLog;
  directory: Directory;
  tenantId: string;
  approvalsChannelId?: string;
  /** Called once an approval outcome is recorded (see RequestStatusChangedUseCase). */
  onClosed?: ConstructorParameters<typeof RequestStatusChangedUseCase>[0]['onClosed'];
}

/**
 * Approvals in Teams, built before the use cases that call them (no late binding): approval cards
 * for a request that waits for approval, decisions, the approvals list, "cancelled by requester",
 * and the status-change use case for the reconciler. Routes are registered by the bot.
 */
export function buildApprovals(deps: ApprovalsDeps): ApprovalsModule {
  const { store, clock, pim } = deps;
  const log = deps.logger;
  const messenger = new TeamsApprovalMessenger({
    adapter: deps.adapter,
    appId: deps.appId,
    messenger: deps.proactive,
    conversations: store.conversations,
    users: store.users,
    cardCopies: store.cardCopies,
    signer: deps.signer,
    clock,
    tenantId: deps.tenantId,
    approvalsChannelId: deps.approvalsChannelId,
    logger: log,
  });
  // Where approval cards go besides personal chats: the default channel and `approvals here`.
  const channels = new ApprovalChannels({
    routes: store.channelRoutes,
    defaultChannelId: deps.approvalsChannelId,
  });
  const statusChanged = new RequestStatusChangedUseCase({
    trackedRequests: store.trackedRequests,
    messenger,
    audit: deps.auditLog,
    clock,
    log,
    onClosed: deps.onClosed,
  });
  const request = new RequestApprovalUseCase({
    pim,
    trackedRequests: store.trackedRequests,
    messenger,
    channels,
    audit: deps.auditLog,
    clock,
    log,
  });
  const decide = new DecideApprovalUseCase({
    pim,
    trackedRequests: store.trackedRequests,
    statusChanged,
    clock,
  });
  const list = new ListApprovalsUseCase({
    pim,
    directory: deps.directory,
    approvers: deps.approvers,
    trackedRequests: store.trackedRequests,
    clock,
  });
  const cancelled = new ApprovalCancelListener({
    trackedRequests: store.trackedRequests,
    messenger,
    clock,
    log,
  });
  return { statusChanged, request, decide, list, cancelled, messenger, channels };
}
