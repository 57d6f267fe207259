import type { DateTime } from 'luxon';
import type { Clock } from '../../ports/clock';
import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import type { AuditEvent, AuditLog } from '../../ports/audit-log';
import { AuditActions, SYSTEM_ACTOR } from '../../domain/audit/audit-actions';
import type { ApprovalLog, ApprovalMessenger } from './approval-messenger';
import {
  approvalView,
  readApprovalRecord,
  withApprovalRecord,
  type ApprovalRecord,
  type ApprovalView,
} from './approval-record';
import { approvalStateOf } from './approval-state';

export interface RequestStatusChange {
  requestId: string;
  /** PIM request status as Graph reports it ('Provisioned', 'Denied', 'Canceled', 'TimedOut', …). */
  status: string;
  decidedByName?: string;
  /** The approver's (or canceller's) reason, when there is one. */
  reason?: string;
  at: DateTime;
}

const MAX_ATTEMPTS = 8;

/**
 * A tracked request's status changed: through an approver in Elevate, in the Entra portal, by the
 * 24-hour expiry, or by cancellation. Records it with a compare-and-swap on the tracked request
 * (so of several callers only one acts), then updates every copy of the approval card and tells
 * the requester. Calling it again with the same status, or with a status that means the same
 * outcome (Granted → Provisioned), changes no card and sends nothing.
 */
export class RequestStatusChangedUseCase {
  constructor(
    private readonly deps: {
      trackedRequests: TrackedRequestRepository;
      messenger: ApprovalMessenger;
      audit: AuditLog;
      clock: Clock;
      log: ApprovalLog;
      /**
       * Runs once an approval outcome is recorded (by a decision in Teams, in the portal, or the
       * 24-hour expiry): the reconciler keeps the request's channel thread current from it.
       */
      onClosed?: (change: RequestStatusChange, tracked: TrackedRequest) => Promise<void>;
    },
  ) {}

  async execute(input: RequestStatusChange): Promise<void> {
    await this.apply(input);
  }

  /**
   * As `execute`; also returns the view after the change (or as it stood, when nothing changed),
   * and whether this call was the one that recorded the outcome.
   */
  async apply(
    input: RequestStatusChange & { decidedById?: string },
  ): Promise<{ view?: ApprovalView; changed: boolean }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const tracked = await this.deps.trackedRequests.get(input.requestId);
      if (!tracked) return { changed: false };
      const record = readApprovalRecord(tracked);
      const after = approvalStateOf(input.status);
      // An approval record without a decision is still pending on its cards, even when the status was
      // already written elsewhere (the cancel use case, a crashed earlier attempt): close it now.
      const before = record ? (record.decision?.state ?? 'pending') : approvalStateOf(tracked.status);
      const cardsBehind =
        record !== undefined && before === 'pending' && after !== undefined && after !== 'pending';
      if (tracked.status === input.status && !cardsBehind)
        return { view: record && approvalView(tracked, record), changed: false };
      if (after === undefined || after === 'pending' || after === before || !record) {
        // Same outcome in other words (Granted → Provisioned), or no approval to show: record it quietly.
        if (
          await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, {
            status: input.status,
          })
        ) {
          const updated = { ...tracked, status: input.status };
          return { view: record && approvalView(updated, record), changed: false };
        }
        continue;
      }
      if (before !== 'pending' && before !== undefined) {
        // A closed approval does not reopen or change outcome; keep the first outcome on the cards.
        if (
          await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, {
            status: input.status,
          })
        )
          return { view: approvalView({ ...tracked, status: input.status }, record), changed: false };
        continue;
      }
      const closed: ApprovalRecord = {
        ...record,
        claim: undefined,
        decision: {
          state: after,
          byName: input.decidedByName,
          byId: input.decidedById,
          reason: input.reason?.trim() || undefined,
          at: input.at.toUTC().toISO()!,
        },
      };
      const data = withApprovalRecord(tracked.data, closed);
      if (
        !(await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, {
          status: input.status,
          data,
        }))
      )
        continue;
      const view = approvalView({ ...tracked, status: input.status, data }, closed);
      await this.announce(tracked, view, input);
      return { view, changed: true };
    }
    this.deps.log.warn(
      { requestId: input.requestId, status: input.status },
      'gave up recording a request status change after repeated conflicts',
    );
    return { changed: false };
  }

  private async announce(
    tracked: TrackedRequest,
    view: ApprovalView,
    input: RequestStatusChange,
  ): Promise<void> {
    await this.deps.audit
      .record(closedApprovalEvent(tracked, view.scopeName, view.state, input))
      .catch((error: unknown) =>
        this.deps.log.warn({ err: error, requestId: tracked.id }, 'could not audit the approval outcome'),
      );
    try {
      await this.deps.messenger.updateAllCopies(view);
    } catch (error) {
      this.deps.log.warn({ err: error, requestId: tracked.id }, 'could not update every approval card');
    }
    await this.deps
      .onClosed?.(input, tracked)
      .catch((error: unknown) =>
        this.deps.log.warn(
          { err: error, requestId: tracked.id },
          'could not schedule the channel thread update',
        ),
      );
    try {
      await this.deps.messenger.tellRequester(view);
    } catch (error) {
      this.deps.log.warn({ err: error, requestId: tracked.id }, 'could not tell the requester the outcome');
    }
  }
}

/**
 * How a request that waited for approval closed: decided (in Elevate or in the portal), expired
 * unanswered, or cancelled outside Elevate (a cancel in Elevate is audited by the cancel use case).
 */
function closedApprovalEvent(
  tracked: TrackedRequest,
  scopeName: string,
  state: string,
  input: RequestStatusChange & { decidedById?: string },
): AuditEvent {
  const base = {
    actorId: input.decidedById ?? SYSTEM_ACTOR,
    actorName: input.decidedByName,
    principalId: tracked.principalId,
    principalName: typeof tracked.data.requesterName === 'string' ? tracked.data.requesterName : undefined,
    role: { id: tracked.roleId, name: tracked.roleName, kind: tracked.kind },
    scope: { id: tracked.directoryScopeId, name: scopeName },
    requestId: tracked.id,
    justification: typeof tracked.data.justification === 'string' ? tracked.data.justification : undefined,
    ticket: typeof tracked.data.ticket === 'string' ? tracked.data.ticket : undefined,
    conversationId: tracked.originConversationId ?? undefined,
    details: { status: input.status, decidedIn: input.decidedById ? 'Elevate' : 'PIM' },
  };
  if (state === 'approved' || state === 'denied') {
    return {
      ...base,
      action: AuditActions.approvalDecided,
      outcome: state,
      reason: input.reason?.trim() || undefined,
    };
  }
  if (state === 'expired') {
    return {
      ...base,
      action: AuditActions.activationDenied,
      outcome: 'denied',
      reason: 'No approver decided in time; PIM closed the request',
    };
  }
  return {
    ...base,
    action: AuditActions.activationCancelled,
    outcome: 'succeeded',
    reason: input.reason?.trim() || undefined,
  };
}
