import { createHash } from 'node:crypto';
import { Duration, type DateTime } from 'luxon';
import type { Clock } from '../../ports/clock';
import { isDomainError } from '../../domain/errors';
import type { PimRequests, PimRoles, PimTenantReads } from '../../ports/pim-gateway';
import type {
  ChannelRouteRepository,
  NewWorkItem,
  TrackedRequest,
  TrackedRequestRepository,
  WorkItemRepository,
} from '../../ports/stores';
import type { ReminderLead } from '../reminders/reminder-lead';
import {
  announcePendingWork,
  boardWork,
  eligibilityWork,
  requestStatusWork,
  WorkKinds,
} from '../reminders/work-items';
import type { WorkLog } from '../reminders/work-log';
import type { ActivationSnapshot } from './activation-snapshot';
import { sweepActivations } from './activation-sweep';
import {
  isAwaitingApproval,
  isSettled,
  OPEN_REQUEST_STATUSES,
  RequestStatuses,
  statusIs,
} from '../../domain/activation/request-status';
import { KnownWork } from './known-work';
import { trackPendingMadeElsewhere, type PendingMadeElsewhereDeps } from './pending-made-elsewhere';

/** Eligibilities ending within this window get reminders (selfExtend is allowed within 14 days). */
export const ELIGIBILITY_WINDOW = Duration.fromObject({ days: 14 });
/** Eligibility reminders: 14 days and 1 day before the end. */
export const ELIGIBILITY_REMINDER_DAYS = [14, 1] as const;

export interface ReconcileDeps {
  pim: PimRoles & PimRequests & PimTenantReads;
  workItems: WorkItemRepository;
  trackedRequests: TrackedRequestRepository;
  reminderLead: ReminderLead;
  clock: Clock;
  /** The tenant whose users are reminded (conversations and settings are stored per tenant). */
  tenantId: string;
  /** How often an active activation is checked for having ended (the reconcile interval). */
  recheckEvery: Duration;
  log: WorkLog;
  /** When some conversation is subscribed, activations and pending requests are announced. */
  channelRoutes?: Pick<ChannelRouteRepository, 'listConversations'>;
  /** Names of people and groups in requests made outside Elevate. */
  directory?: PendingMadeElsewhereDeps['directory'];
}

export interface ReconcileResult {
  snapshot: ActivationSnapshot;
  scheduled: number;
  statusChanges: number;
}

/**
 * One reconcile pass, run by every instance: lists activated assignments tenant-wide (app-only,
 * every page), time-bound eligibilities ending within 14 days and the requests Elevate tracks,
 * and turns what it sees into durable work items. Scheduling is insert-if-absent on keys every
 * instance computes the same way, so instances never schedule the same work twice.
 */
export class ReconcileUseCase {
  /** Work items this process knows are stored (and reminders' due times): not sent again. */
  private readonly known = new KnownWork();
  /** What the boards showed at the last pass, and since when (see scheduleBoards). */
  private boardState?: { fingerprint: string; since: DateTime };

  constructor(private readonly deps: ReconcileDeps) {}

  /** Insert-if-absent, skipping the round trip for keys already known to exist. True when inserted. */
  private async schedule(item: NewWorkItem): Promise<boolean> {
    return (await this.scheduleAll([item])) > 0;
  }

  /**
   * Insert-if-absent for a batch (one page of the sweep): a few statements. Returns how many were
   * new, or (reminders) made due earlier. A running activation's reminder planned at the holder's
   * old lead is brought forward by a longer lead set since ("remind me 30m before") in the same
   * statement, in the store, so a restart or another instance cannot lose it; a shorter lead is
   * honoured by the reminder handler, which waits until the new time. The keys this process has
   * written (and each reminder's due time) spare the store the items that did not change.
   */
  private async scheduleAll(items: readonly NewWorkItem[]): Promise<number> {
    const unknown = this.known.unknown(items);
    const reminders = unknown.filter((item) => item.kind === WorkKinds.expiryReminder);
    const others = unknown.filter((item) => item.kind !== WorkKinds.expiryReminder);
    let scheduled = 0;
    if (others.length > 0) scheduled += await this.deps.workItems.scheduleAllIfAbsent(others);
    if (reminders.length > 0) scheduled += await this.deps.workItems.scheduleAllOrBringForward(reminders);
    this.known.remember(unknown);
    return scheduled;
  }

  async run(): Promise<ReconcileResult> {
    const now = this.deps.clock.now();
    this.known.startPass();
    const subscribed = await this.subscribedConversations();
    const announcing = subscribed.length > 0;
    const sweep = await sweepActivations(
      {
        pim: this.deps.pim,
        reminderLead: this.deps.reminderLead,
        tenantId: this.deps.tenantId,
        recheckEvery: this.deps.recheckEvery,
        log: this.deps.log,
        scheduleAll: (items) => this.scheduleAll(items),
      },
      now,
      announcing,
    );
    const { snapshot } = sweep;
    let scheduled = sweep.scheduled;
    scheduled += await this.scheduleEligibilities(now);
    // Requests made outside Elevate that wait for approval are tracked, so they are announced too.
    if (announcing) await trackPendingMadeElsewhere(this.deps);
    const statusChanges = await this.checkTrackedRequests(now, announcing);
    if (announcing) scheduled += await this.scheduleBoards(subscribed, snapshot, now);
    return { snapshot, scheduled, statusChanges };
  }

  private async subscribedConversations(): Promise<string[]> {
    if (!this.deps.channelRoutes) return [];
    try {
      return await this.deps.channelRoutes.listConversations('announce');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'reconcile: could not read subscriptions; announcing next pass');
      return [];
    }
  }

  /**
   * Boards of subscribed conversations are redrawn when what they show changed: the fingerprint of
   * the activations listed and the requests pending approval keys one work item per conversation.
   */
  private async scheduleBoards(
    conversations: string[],
    snapshot: ActivationSnapshot,
    now: DateTime,
  ): Promise<number> {
    if (snapshot.listed.size === 0) return 0;
    let pending: TrackedRequest[];
    try {
      pending = await this.deps.trackedRequests.listByStatus([RequestStatuses.PendingApproval]);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'reconcile: could not list pending requests for boards');
      return 0;
    }
    const parts = [snapshot.active.fingerprint, ...pending.map((r) => `p:${r.id}`).sort()];
    const fingerprint = createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
    // What the boards show can come back to an earlier state (nobody holds anything, again): the
    // key also says since when this process sees it, so the return is drawn too. Instances that
    // notice a change at different moments each redraw once (an edit in place, never a post).
    if (this.boardState?.fingerprint !== fingerprint) this.boardState = { fingerprint, since: now };
    const key = `${fingerprint}-${this.boardState.since.toMillis().toString(36)}`;
    let scheduled = 0;
    for (const conversationId of conversations) {
      if (await this.schedule(boardWork(conversationId, key, now))) scheduled += 1;
    }
    return scheduled;
  }

  private async scheduleEligibilities(now: DateTime): Promise<number> {
    let eligibilities;
    try {
      eligibilities = await this.deps.pim.listEligibilitiesEndingBefore(now.plus(ELIGIBILITY_WINDOW));
    } catch (error) {
      this.deps.log.warn({ err: error }, 'reconcile: could not list ending eligibilities');
      return 0;
    }
    let scheduled = 0;
    for (const e of eligibilities) {
      const end = e.endDateTime;
      if (!end || end <= now) continue;
      for (const [index, days] of ELIGIBILITY_REMINDER_DAYS.entries()) {
        // Skip a threshold whose next, closer one is already due: one reminder, not two at once.
        const closer = ELIGIBILITY_REMINDER_DAYS[index + 1];
        if (closer !== undefined && end.minus({ days: closer }) <= now) continue;
        const facts = { ...e, endAt: end, daysBefore: days };
        if (await this.schedule(eligibilityWork(facts, end.minus({ days })))) scheduled += 1;
      }
    }
    return scheduled;
  }

  /**
   * A tracked request whose PIM status moved on (approved or denied in the portal, expired after
   * 24 hours, cancelled elsewhere, a scheduled start that came) becomes durable work keyed by
   * request and status, so every instance that notices it schedules the same single item.
   */
  private async checkTrackedRequests(now: DateTime, announcing: boolean): Promise<number> {
    let open: TrackedRequest[];
    try {
      open = await this.deps.trackedRequests.listByStatus(OPEN_REQUEST_STATUSES);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'reconcile: could not list tracked requests');
      return 0;
    }
    let changes = 0;
    for (const tracked of open) {
      let status: string;
      try {
        status = (await this.deps.pim.getRequest({ kind: tracked.kind, requestId: tracked.id })).status;
      } catch (error) {
        if (isDomainError(error) && error.details.status === 404) {
          // PIM no longer has it (deleted 30 days after cancellation, or never visible to this app):
          // close it like any other change, once, instead of asking about it on every pass.
          this.deps.log.warn({ requestId: tracked.id }, 'reconcile: a tracked request is gone from PIM');
          const gone = { requestId: tracked.id, status: RequestStatuses.Gone, at: now };
          if (await this.schedule(requestStatusWork(gone))) changes += 1;
          continue;
        }
        this.deps.log.warn(
          { err: error, requestId: tracked.id },
          'reconcile: could not read a tracked request',
        );
        continue;
      }
      if (statusIs(status, tracked.status)) {
        if (announcing && isAwaitingApproval(status))
          await this.schedule(announcePendingWork(tracked.id, now));
        continue;
      }
      // PIM is still working (PendingScheduleCreation, ScheduleCreated, PendingProvisioning, or a value
      // we do not know): not a change to record, or the request would leave the open set before it
      // settles. Look again on the next pass.
      if (!isSettled(status)) continue;
      // The handler records the new status (through the approvals use case); until it has, each
      // pass sees the change again and the insert-if-absent key keeps it to one work item.
      if (await this.schedule(requestStatusWork({ requestId: tracked.id, status, at: now }))) changes += 1;
    }
    return changes;
  }
}
