import type { Duration } from 'luxon';
import type { EligibleRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimPolicies } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions } from '../../domain/audit/audit-actions';
import { roleFields } from '../audit/activation-events';
import type { ActivateRolesInput, ActivationListener } from '../activation/activate-roles.use-case';
import type { ActivationOutcome, NamedPerson } from '../activation/activation-outcome';
import type { ApprovalChannels } from '../channels/approval-channels';
import type { ApprovalLog, ApprovalMessenger } from './approval-messenger';
import { approvalView, withApprovalRecord, type ApprovalRecord, type ApprovalView } from './approval-record';
import { RequestStatuses } from '../../domain/activation/request-status';

export interface ApprovalRequestInput {
  requestId: string;
  requester: NamedPerson;
  role: EligibleRole;
  /** Everyone who may decide (single users and expanded group members). */
  approvers: NamedPerson[];
  duration: Duration;
}

export interface ApprovalFanOut {
  view: ApprovalView;
  reached: NamedPerson[];
  unreachable: NamedPerson[];
  channel: boolean;
}

/**
 * A request is waiting for approval: remember who may decide (and whether PIM wants their
 * reason), post the approval card to each approver's personal chat and to the role's approvals
 * channels (the default one and those that said `approvals here`),
 * and name anyone who could not be reached, so nobody waits in silence. The requester is never
 * asked to approve their own request.
 */
export class RequestApprovalUseCase implements ActivationListener {
  constructor(
    private readonly deps: {
      pim: PimPolicies;
      trackedRequests: TrackedRequestRepository;
      messenger: ApprovalMessenger;
      /** The default approvals channel and the conversations routed for the role (`approvals here`). */
      channels: Pick<ApprovalChannels, 'forRole'>;
      audit: AuditLog;
      clock: Clock;
      log: ApprovalLog;
    },
  ) {}

  async onActivationOutcome(outcome: ActivationOutcome, input: ActivateRolesInput): Promise<void> {
    if (outcome.kind !== 'pendingApproval') return;
    try {
      await this.execute({
        requestId: outcome.requestId,
        requester: { id: input.actor.userId, displayName: input.actor.displayName },
        role: outcome.role,
        approvers: outcome.approvers,
        duration: outcome.duration,
      });
    } catch (error) {
      this.deps.log.warn({ err: error, requestId: outcome.requestId }, 'could not send the approval cards');
    }
  }

  async execute(input: ApprovalRequestInput): Promise<ApprovalFanOut | undefined> {
    const rules = await this.deps.pim
      .getActivationRules({ kind: input.role.kind, roleId: input.role.roleId })
      .catch(() => undefined);
    const record: ApprovalRecord = {
      approvers: input.approvers,
      // When the policy cannot be read, ask for a reason: PIM refuses a missing one, never an extra one.
      reasonRequired: rules?.approverJustificationRequired ?? true,
      duration: input.duration.toISO() ?? 'PT1H',
      requestedAt: this.deps.clock.now().toUTC().toISO()!,
    };
    const view = await this.remember(input, record);
    if (!view) return undefined;

    // Each approver has their own chat, so the cards go out together (approvers decide in seconds).
    const others = input.approvers.filter((a) => a.id !== input.requester.id);
    const delivered = await Promise.all(
      others.map((approver) =>
        this.deps.messenger.sendToApprover(view, approver).catch((error: unknown) => {
          this.deps.log.warn(
            { err: error, requestId: input.requestId, approverId: approver.id },
            'approval card not delivered',
          );
          return false;
        }),
      ),
    );
    const reached = others.filter((_, index) => delivered[index]);
    const unreachable = others.filter((_, index) => !delivered[index]);
    const channel = await this.postToChannels(view);
    if (unreachable.length > 0 || reached.length === 0) {
      await this.deps.messenger.reportUnreachable(view, unreachable);
    }
    await this.deps.audit.record({
      actorId: input.requester.id,
      actorName: input.requester.displayName,
      ...roleFields(input.role),
      action: AuditActions.approvalRequested,
      outcome: reached.length > 0 || channel ? 'succeeded' : 'failed',
      requestId: input.requestId,
      reason:
        unreachable.length > 0
          ? `${unreachable.length} approver(s) could not be reached in Teams`
          : undefined,
      details: { approversReached: reached.length, approversUnreachable: unreachable.length, channel },
    });
    return { view, reached, unreachable, channel };
  }

  /** One shared copy in each approvals channel of the role; true when at least one was posted. */
  private async postToChannels(view: ApprovalView): Promise<boolean> {
    let posted = false;
    for (const conversationId of await this.deps.channels.forRole(view.roleId)) {
      const sent = await this.deps.messenger.sendToChannel(view, conversationId).catch((error: unknown) => {
        this.deps.log.warn(
          { err: error, requestId: view.requestId, conversationId },
          'approval card not posted to an approvals channel',
        );
        return false;
      });
      posted ||= sent;
    }
    return posted;
  }

  /** Stores the approval record on the tracked request (activation inserted it; insert it if not). */
  private async remember(
    input: ApprovalRequestInput,
    record: ApprovalRecord,
  ): Promise<ApprovalView | undefined> {
    const { trackedRequests } = this.deps;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const tracked = await trackedRequests.get(input.requestId);
      if (!tracked) {
        await trackedRequests.insertIfAbsent({
          id: input.requestId,
          kind: input.role.kind,
          principalId: input.requester.id,
          roleId: input.role.roleId,
          roleName: input.role.roleName,
          directoryScopeId: input.role.directoryScopeId,
          status: RequestStatuses.PendingApproval,
          data: { scopeName: input.role.scopeName, requesterName: input.requester.displayName },
        });
        continue;
      }
      const data = withApprovalRecord(tracked.data, record);
      if (await trackedRequests.compareAndSwap(tracked.id, tracked.version, { data })) {
        return approvalView({ ...tracked, data }, record);
      }
    }
    this.deps.log.warn(
      { requestId: input.requestId },
      'could not record the approval after repeated conflicts',
    );
    return undefined;
  }
}
