import type { CloudAdapter } from 'botbuilder';
import { ApprovalCancelListener } from '../../../app/approvals/approval-cancel.listener';
import { DecideApprovalUseCase } from '../../../app/approvals/decide-approval.use-case';
import { ListApprovalsUseCase } from '../../../app/approvals/list-approvals.use-case';
import { RequestApprovalUseCase } from '../../../app/approvals/request-approval.use-case';
import { RequestStatusChangedUseCase } from '../../../app/approvals/request-status-changed.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { ApprovalChannels } from '../../../app/channels/approval-channels';
import type { Directory } from '../../../ports/directory';
import type { AuditLog } from '../../../ports/audit-log';
import type { Store } from '../../../ports/stores';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { RouteServices } from '../routes/route-services';
import type { TeamsTurn } from '../teams-turn';
import { registerApprovalRoutes } from './approval.routes';
import { TeamsApprovalMessenger } from './teams-approval-messenger';

/** The approval use cases others call (the reconciler calls `statusChanged`). */
export interface ApprovalsModule {
  statusChanged: RequestStatusChangedUseCase;
  request: RequestApprovalUseCase;
  decide: DecideApprovalUseCase;
  list: ListApprovalsUseCase;
  messenger: TeamsApprovalMessenger;
  /** The approval routing (default channel, per-role channels), for the settings card. */
  channels: ApprovalChannels;
}

export interface WireApprovalsDeps {
  services: RouteServices;
  commands: CommandRouter<TeamsTurn>;
  verbs: VerbRouter<TeamsTurn>;
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
 * Approvals in Teams: approval cards on every PendingApproval outcome (activation listener), the
 * Approve / Deny buttons and the `approvals` command, "cancelled by requester" on cancel, and the
 * status-change use case for the reconciler.
 */
export function wireApprovals(deps: WireApprovalsDeps): ApprovalsModule {
  const { services, store } = deps;
  const { clock, logger: log, pim } = services;
  const messenger = new TeamsApprovalMessenger({
    adapter: deps.adapter,
    appId: deps.appId,
    messenger: deps.proactive,
    conversations: store.conversations,
    users: store.users,
    cardCopies: store.cardCopies,
    signer: services.signer,
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
    approvers: services.approvers,
    trackedRequests: store.trackedRequests,
    clock,
  });
  services.activate.addListener(request);
  services.cancel.addListener(
    new ApprovalCancelListener({ trackedRequests: store.trackedRequests, messenger, clock, log }),
  );
  registerApprovalRoutes(services, { decide, list, oneTimeKeys: store.oneTimeKeys }, deps.verbs);
  return { statusChanged, request, decide, list, messenger, channels };
}
