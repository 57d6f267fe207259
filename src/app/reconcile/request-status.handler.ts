import type { Clock } from '../../ports/clock';
import type { PimRequest, PimRequests } from '../../ports/pim-gateway';
import type { DateTime } from 'luxon';
import type { TrackedRequest, TrackedRequestRepository, WorkItem } from '../../ports/stores';
import type { ChannelThreadState, ReminderNotifier } from '../reminders/reminder-notifier';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';
import { readRequestStatusFacts, type RequestStatusFacts } from '../reminders/work-items';
import { requestPhase } from '../../domain/activation/request-status';
import type { RequestStatusListener } from './request-status-listener';

/** The channel thread state a request status leads to; undefined when the thread stays as it is. */
export function threadStateFor(
  status: string,
  request?: PimRequest,
  now?: PimRequest['createdAt'],
): ChannelThreadState | undefined {
  switch (requestPhase(status)) {
    case 'active':
      return 'active';
    case 'scheduled':
      return request?.startAt && now && request.startAt > now ? 'scheduled' : 'active';
    case 'denied':
      return 'denied';
    case 'canceled':
    case 'timedOut':
    case 'failed':
    case 'revoked':
      return 'cancelled';
    default:
      return undefined;
  }
}

/**
 * A start the user asked for came: the request waited for it (Granted, or approved for then) and
 * PIM now reports the assignment provisioned. Its status has not been recorded yet, so the first
 * handling of this change is the one that tells the requester.
 */
export function scheduledStartCame(tracked: TrackedRequest, status: string): boolean {
  return (
    typeof tracked.data.scheduledFor === 'string' &&
    requestPhase(status) === 'active' &&
    requestPhase(tracked.status) !== 'active'
  );
}

/**
 * A tracked request changed status outside Elevate: tells the approvals use case (approval card
 * copies, the requester) and keeps the channel thread the request came from current.
 */
export class RequestStatusHandler implements WorkHandler {
  constructor(
    private readonly deps: {
      trackedRequests: TrackedRequestRepository;
      pim: PimRequests;
      notifier: ReminderNotifier;
      clock: Clock;
      /** The approvals use case: records the status and keeps every approval card current. */
      listener?: RequestStatusListener;
    },
  ) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const facts = readRequestStatusFacts(item.key, item.payload);
    const tracked = await this.deps.trackedRequests.get(facts.requestId);
    if (!tracked) return done('request is not tracked');
    const request = await this.deps.pim
      .getRequest({ kind: tracked.kind, requestId: tracked.id })
      .catch(() => undefined);
    await this.updateChannelThread(tracked, facts, request, item.dueAt);
    if (scheduledStartCame(tracked, facts.status)) {
      const startedAt = request?.startAt ?? facts.at;
      const endsAt = request?.endAt ?? (request?.duration ? startedAt.plus(request.duration) : undefined);
      await this.deps.notifier.scheduledStarted({ request: tracked, startedAt, endsAt }, item.dueAt);
    }
    const { listener } = this.deps;
    if (listener) await listener.execute({ requestId: facts.requestId, status: facts.status, at: facts.at });
    else await this.recordStatus(facts.requestId, facts.status);
    return done(`status ${facts.status} handled`);
  }

  /**
   * Redraws the request's channel thread for a change already recorded (a decision made in Teams),
   * at once rather than at the reconciler's next pass. The work item scheduled for the same change
   * draws the same card again later (an update in place, no new message).
   */
  async showInThreads(change: RequestStatusFacts): Promise<void> {
    const tracked = await this.deps.trackedRequests.get(change.requestId);
    if (!tracked) return;
    const request = await this.deps.pim
      .getRequest({ kind: tracked.kind, requestId: tracked.id })
      .catch(() => undefined);
    await this.updateChannelThread(tracked, change, request, this.deps.clock.now());
  }

  /**
   * The announcements go first (the thread the request came from, and subscribed conversations):
   * an idempotent update that stays current even when the approvals use case fails.
   */
  private async updateChannelThread(
    tracked: TrackedRequest,
    facts: RequestStatusFacts,
    request: PimRequest | undefined,
    dueAt: DateTime,
  ): Promise<void> {
    const state = threadStateFor(facts.status, request, this.deps.clock.now());
    if (!state) return;
    const startedAt = request?.startAt ?? request?.completedAt;
    await this.deps.notifier.channelThread(
      {
        request: tracked,
        state,
        startedAt,
        endsAt:
          request?.endAt ?? (startedAt && request?.duration ? startedAt.plus(request.duration) : undefined),
        endedAt: state === 'denied' || state === 'cancelled' ? (request?.completedAt ?? facts.at) : undefined,
      },
      dueAt,
    );
  }

  /** Without the approvals use case, the new status is recorded here (compare-and-swap). */
  private async recordStatus(requestId: string, status: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const tracked = await this.deps.trackedRequests.get(requestId);
      if (!tracked || tracked.status === status) return;
      if (await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, { status })) return;
    }
  }
}
