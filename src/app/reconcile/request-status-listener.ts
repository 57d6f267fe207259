import type { DateTime } from 'luxon';

/**
 * Told when a tracked request's status changed outside Elevate (decided in the portal, the
 * 24-hour approval expiry, cancelled elsewhere). Implemented by the approvals use case
 * `RequestStatusChangedUseCase` (src/app/approvals), which updates every approval card copy and
 * tells the requester. Must be idempotent: the scheduler may call it again after a crash.
 */
export interface RequestStatusListener {
  execute(input: {
    requestId: string;
    status: string;
    decidedByName?: string;
    reason?: string;
    at: DateTime;
  }): Promise<unknown>;
}
