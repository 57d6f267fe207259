import { Duration, type DateTime } from 'luxon';
import type { Clock } from '../../ports/clock';
import type { WorkItem, WorkItemRepository } from '../../ports/stores';
import type { ActivationSnapshot } from '../reconcile/activation-snapshot';
import type { WorkHandler } from './work-handler';
import type { WorkLog } from './work-log';

export interface DispatchDueWorkDeps {
  workItems: WorkItemRepository;
  clock: Clock;
  /** This instance's lease owner name (unique per process). */
  owner: string;
  /** How long a claim holds; an item not completed by then is picked up again by any instance. */
  lease: Duration;
  /** Handlers by work item kind. */
  handlers: ReadonlyMap<string, WorkHandler>;
  log: WorkLog;
  /** Items claimed per store round trip; default 100. */
  batchSize?: number;
  /** Concurrent items (of handlers marked `concurrent`) in flight at once; default 8. */
  concurrency?: number;
  /** Attempts after which a failing item is given up (and logged); default 8. */
  maxAttempts?: number;
  /** Told when an item is first picked up (and how late) and when it is done (metrics). */
  observer?: WorkObserver;
}

export interface WorkObserver {
  /** First pickup of an item; `lateBy` is how long after its due time (zero or more). */
  due(kind: string, lateBy: Duration): void;
  /** The item's handler finished it (its messages were accepted). */
  done(kind: string): void;
}

export interface DispatchSummary {
  claimed: number;
  completed: number;
  released: number;
  failed: number;
}

const MAX_BATCHES_PER_RUN = 200;

/**
 * Claims due work under a lease and handles it in due-time order (reminders several at a time). An
 * item is completed only after its handler finished (for messages: after the connector accepted
 * them), so a crash leaves it claimed and another instance takes it over when the lease runs
 * out; in-flight work at a crash is at most `concurrency` items per instance (that many duplicates).
 */
export class DispatchDueWorkUseCase {
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;

  constructor(private readonly deps: DispatchDueWorkDeps) {
    this.batchSize = deps.batchSize ?? 100;
    this.concurrency = deps.concurrency ?? 8;
    this.maxAttempts = deps.maxAttempts ?? 8;
  }

  /**
   * Claims and handles due work in batches until none is left. `shouldStop` gives back what is
   * not yet started; `options.kinds` claims only items of those kinds, and `options.moreBatches`
   * (asked before each claim) ends the run after the batch in hand, which is finished, not given back.
   */
  async run(
    snapshot?: ActivationSnapshot,
    shouldStop: () => boolean = () => false,
    options: { kinds?: readonly string[]; moreBatches?: () => boolean } = {},
  ): Promise<DispatchSummary> {
    const summary: DispatchSummary = { claimed: 0, completed: 0, released: 0, failed: 0 };
    const seen = new Set<string>();
    const moreBatches = options.moreBatches ?? (() => true);
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !shouldStop() && moreBatches(); batch += 1) {
      const items = await this.deps.workItems.claimDue(
        this.deps.clock.now(),
        this.deps.owner,
        this.deps.lease,
        this.batchSize,
        options.kinds,
      );
      if (items.length === 0) break;
      summary.claimed += items.length;
      const { stopped, fresh } = await this.handleBatch(items, snapshot, summary, shouldStop, seen);
      if (stopped) return summary;
      if (fresh === 0) break;
    }
    return summary;
  }

  /**
   * Handles one claimed batch in due order. Items whose handler is `concurrent` (reminders: one
   * message to one person each) run up to `concurrency` at a time, so the send pace, not each
   * message's round trip, bounds a burst; any other item waits for those in flight and runs alone.
   * Written by hand (a dozen lines) because the ordering rule is the scheduler's own.
   */
  private async handleBatch(
    items: WorkItem[],
    snapshot: ActivationSnapshot | undefined,
    summary: DispatchSummary,
    shouldStop: () => boolean,
    seen: Set<string>,
  ): Promise<{ stopped: boolean; fresh: number }> {
    // Never send on a lease that may have run out (another instance could hold the item by then).
    const leaseHalfway = this.deps.clock.now().plus(this.deps.lease.as('milliseconds') / 2);
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    const settle = async () => {
      await Promise.all(inFlight);
      if (failure !== undefined) throw failure;
    };
    let fresh = 0;
    for (const [index, item] of items.entries()) {
      const stopping = shouldStop();
      if (stopping || this.deps.clock.now() >= leaseHalfway) {
        await settle();
        // Give the rest back at once rather than making others wait for the lease.
        for (const rest of items.slice(index)) await this.giveBack(rest, rest.dueAt, summary);
        return { stopped: stopping, fresh };
      }
      if (!seen.has(item.key)) fresh += 1;
      seen.add(item.key);
      if (this.deps.handlers.get(item.kind)?.concurrent !== true) {
        await settle();
        await this.handleOne(item, snapshot, summary);
        continue;
      }
      while (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      const running: Promise<void> = this.handleOne(item, snapshot, summary)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    await settle();
    return { stopped: false, fresh };
  }

  private async handleOne(
    item: WorkItem,
    snapshot: ActivationSnapshot | undefined,
    summary: DispatchSummary,
  ): Promise<void> {
    const handler = this.deps.handlers.get(item.kind);
    if (!handler) {
      // Not ours (another component's work, or a newer version's): hand it back, due a second
      // later so this pass does not claim it again.
      const later = this.deps.clock.now().plus({ seconds: 1 });
      await this.giveBack(item, item.dueAt > later ? item.dueAt : later, summary);
      return;
    }
    if (item.attempts === 1) {
      const lateBy = this.deps.clock.now().diff(item.dueAt);
      this.deps.observer?.due(item.kind, lateBy.toMillis() > 0 ? lateBy : Duration.fromMillis(0));
    }
    try {
      const outcome = await handler.handle(item, { snapshot });
      if (outcome.type === 'done') {
        this.deps.observer?.done(item.kind);
        if (await this.deps.workItems.complete(item.key, this.deps.owner)) summary.completed += 1;
        else this.deps.log.warn({ key: item.key }, 'work item lease was lost before it could be completed');
        this.deps.log.info({ key: item.key, note: outcome.note }, 'work item done');
      } else {
        await this.giveBack(item, outcome.at, summary);
      }
    } catch (error) {
      const now = this.deps.clock.now();
      if (item.attempts >= this.maxAttempts) {
        summary.failed += 1;
        this.deps.log.error(
          { err: error, key: item.key, attempts: item.attempts },
          'work item failed too often; giving up',
        );
        await this.deps.workItems.complete(item.key, this.deps.owner);
        return;
      }
      const at = now.plus(backoff(item.attempts));
      this.deps.log.warn(
        { err: error, key: item.key, attempts: item.attempts, retryAt: at.toISO() },
        'work item failed; will retry',
      );
      await this.giveBack(item, at, summary);
    }
  }

  private async giveBack(item: WorkItem, at: DateTime, summary: DispatchSummary): Promise<void> {
    if (await this.deps.workItems.release(item.key, this.deps.owner, at)) summary.released += 1;
  }
}

/** 15 s, 30 s, 1 min, … capped at 15 minutes. */
export function backoff(attempts: number): Duration {
  const seconds = Math.min(15 * 2 ** Math.max(0, attempts - 1), 15 * 60);
  return Duration.fromObject({ seconds });
}
