import type { Duration } from 'luxon';
import type { DispatchDueWorkUseCase, DispatchSummary } from '../app/reminders/dispatch-due-work.use-case';
import type { ReconcileResult, ReconcileUseCase } from '../app/reconcile/reconcile.use-case';
import type { WorkLog } from '../app/reminders/work-log';
import type { ActivationSnapshot } from '../app/reconcile/activation-snapshot';

const NONE: DispatchSummary = { claimed: 0, completed: 0, released: 0, failed: 0 };

export interface ReconcileSchedulerDeps {
  reconcile: ReconcileUseCase;
  dispatch: DispatchDueWorkUseCase;
  /** Time between passes (RECONCILE_INTERVAL_SECONDS). */
  interval: Duration;
  /** Each wait is the interval ± this fraction, so instances drift apart; default 0.2. */
  jitter?: number;
  log: WorkLog;
  random?: () => number;
  /**
   * Kinds of work sent while a pass reads PIM (expiry reminders), judged by the previous pass's
   * snapshot; none when absent.
   */
  duringSweep?: readonly string[];
}

export interface PassResult {
  reconcile?: ReconcileResult;
  dispatch: DispatchSummary;
}

/**
 * The reconciler loop that runs in every instance: reconcile (list PIM, schedule work), then
 * claim and send due work. Passes never overlap within an instance; several instances coordinate
 * through the store (insert-if-absent scheduling, leased claims). Timing is wall-clock: the
 * interval is an operational pace, while what is due is judged by the injected Clock.
 */
export class ReconcileScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassResult> | undefined;
  private stopped = true;
  private shuttingDown = false;
  private readonly jitter: number;
  private readonly random: () => number;
  /** What the last pass that read PIM saw (for the work sent while the next one reads). */
  private lastSnapshot: ActivationSnapshot | undefined;

  constructor(private readonly deps: ReconcileSchedulerDeps) {
    this.jitter = Math.min(Math.max(deps.jitter ?? 0.2, 0), 0.9);
    this.random = deps.random ?? Math.random;
  }

  /**
   * Starts the loop. The first pass comes one jittered interval after start, like every later one,
   * so instances started together drift apart and a restart does not hit Graph at once.
   */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.shuttingDown = false;
    this.schedule(this.nextDelay());
  }

  /** Stops the loop and waits for a running pass to finish (it stops claiming new work at once). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shuttingDown = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Runs one pass now (or joins the one running). */
  runOnce(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Reads PIM (reconcile), then sends what is due. Reading all of PIM takes seconds in a large
   * tenant, so expiry reminders already due start leaving while it reads, judged by the previous
   * pass's snapshot as another instance's dispatcher would; none in a process's first pass. That
   * early run only claims reminders (concurrent among themselves), finishes the batch in hand when
   * the read ends; then the reminders still due are sent by the new snapshot, and the full
   * dispatch starts after them: an item of another kind still never runs beside anything, and at
   * most `concurrency` items are in flight at any moment.
   */
  private async pass(): Promise<PassResult> {
    let reading = true;
    const early = this.duringSweep(() => reading);
    let reconcile: ReconcileResult | undefined;
    try {
      reconcile = await this.deps.reconcile.run();
      this.lastSnapshot = reconcile.snapshot;
    } catch (error) {
      this.deps.log.error({ err: error }, 'reconcile pass failed');
    } finally {
      reading = false;
    }
    const during = await early;
    // Then the rest of the due reminders, by the new snapshot, before any other kind: a rechecked
    // "ended" watch is due every minute for each activation and would otherwise hold every
    // reminder of a burst behind it (10,000 of them took 1.4 s in the bench's burst).
    const first = reconcile ? await this.reminders(reconcile.snapshot) : NONE;
    const after = await this.deps.dispatch.run(reconcile?.snapshot, () => this.shuttingDown);
    const dispatch = {
      claimed: during.claimed + first.claimed + after.claimed,
      completed: during.completed + first.completed + after.completed,
      released: during.released + first.released + after.released,
      failed: during.failed + first.failed + after.failed,
    };
    return { reconcile, dispatch };
  }

  private async duringSweep(reading: () => boolean): Promise<DispatchSummary> {
    if (!this.lastSnapshot) return NONE;
    return this.reminders(this.lastSnapshot, reading);
  }

  /** Claims only the kinds sent while PIM is read (reminders), until none is due or `more` says stop. */
  private async reminders(snapshot: ActivationSnapshot, more?: () => boolean): Promise<DispatchSummary> {
    const kinds = this.deps.duringSweep;
    if (!kinds || kinds.length === 0) return NONE;
    try {
      return await this.deps.dispatch.run(snapshot, () => this.shuttingDown, { kinds, moreBatches: more });
    } catch (error) {
      this.deps.log.error(
        { err: error },
        more ? 'sending reminders while reading PIM failed' : 'sending reminders failed',
      );
      return NONE;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runOnce()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'scheduler pass failed'))
        .finally(() => this.schedule(this.nextDelay()));
    }, delayMs);
    this.timer.unref?.();
  }

  private nextDelay(): number {
    const base = this.deps.interval.as('milliseconds');
    return Math.max(50, base * (1 + (this.random() * 2 - 1) * this.jitter));
  }
}
