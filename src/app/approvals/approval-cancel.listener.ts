import type { Clock } from '../../ports/clock';
import type { PimRequest } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { CancelListener } from '../requests/cancel-request.use-case';
import type { Actor } from '../shared/actor';
import type { ApprovalLog, ApprovalMessenger } from './approval-messenger';
import { approvalView, readApprovalRecord, withApprovalRecord } from './approval-record';
import { RequestStatuses } from '../../domain/activation/request-status';

/**
 * The requester cancelled a pending request in Elevate: every approver's copy of the card now says
 * "Cancelled by <requester>" and loses its buttons. (The requester already has the cancel answer.)
 */
export class ApprovalCancelListener implements CancelListener {
  constructor(
    private readonly deps: {
      trackedRequests: TrackedRequestRepository;
      messenger: ApprovalMessenger;
      clock: Clock;
      log: ApprovalLog;
    },
  ) {}

  async onCancelled(request: PimRequest, actor: Actor): Promise<void> {
    try {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const tracked = await this.deps.trackedRequests.get(request.id);
        const record = tracked && readApprovalRecord(tracked);
        if (!tracked || !record) return;
        if (record.decision) return; // already closed (and shown) by someone else
        const closed = {
          ...record,
          claim: undefined,
          decision: {
            state: 'cancelled' as const,
            byName: actor.displayName,
            byId: actor.userId,
            at: this.deps.clock.now().toUTC().toISO()!,
          },
        };
        const data = withApprovalRecord(tracked.data, closed);
        const patch = { status: RequestStatuses.Canceled, data };
        if (await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, patch)) {
          await this.deps.messenger.updateAllCopies(approvalView({ ...tracked, ...patch }, closed));
          return;
        }
      }
    } catch (error) {
      this.deps.log.warn(
        { err: error, requestId: request.id },
        'could not mark the approval cards cancelled',
      );
    }
  }
}
