/**
 * One global pace for proactive messages (Teams throttles bots per app and per conversation).
 * Callers wait for a slot; waiting callers are served by priority (lower first: the due time of
 * the work the message belongs to), then in arrival order. `pauseUntil` holds every slot back
 * until a connector's Retry-After has passed.
 *
 * Written by hand because it is a few lines over a sorted queue, and the priority order (due
 * time) is what the scheduler needs; general-purpose limiters serve waiters first come, first served.
 *
 * Slots are kept on a schedule while callers wait: when the timer fires late (the event loop was
 * busy rendering or writing), the slots that passed meanwhile are used at once, up to 50 ms worth,
 * instead of being lost. Losing them held a 400/s burst to the pace of the loop's timer (each late
 * tick released one caller and restarted the schedule from then). The same holds when nobody
 * waited for a moment (a dispatcher between two batches: restarting the schedule there lost 3.5 %
 * of a 400/s burst). A limiter that sat idle for longer starts its schedule afresh from the first
 * new caller: no burst after a quiet spell.
 */
export interface SendRateLimiterOptions {
  /** Messages per second, > 0. */
  ratePerSecond: number;
  /** Wall-clock milliseconds (injectable for tests). */
  now?: () => number;
}

/** How far behind its schedule the limiter may catch up after a late timer. */
const CATCH_UP_MS = 50;

interface Waiter {
  priority: number;
  seq: number;
  resolve: () => void;
}

export class SendRateLimiter {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly queue: Waiter[] = [];
  private nextSlotAt = 0;
  private pausedUntil = 0;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: SendRateLimiterOptions) {
    if (!(options.ratePerSecond > 0) || !Number.isFinite(options.ratePerSecond)) {
      throw new Error(`ratePerSecond must be a positive number; got ${options.ratePerSecond}`);
    }
    this.intervalMs = 1000 / options.ratePerSecond;
    this.now = options.now ?? Date.now;
  }

  /** Resolves when this caller may send. Lower `priority` goes first. */
  acquire(priority: number = Number.MAX_SAFE_INTEGER): Promise<void> {
    return new Promise((resolve) => {
      // After a quiet spell (nobody waiting for longer than the catch-up) the schedule starts
      // again from now. A shorter gap (a dispatcher claiming its next batch) keeps the schedule,
      // so its slots are caught up like a late timer's (at most CATCH_UP_MS worth).
      const now = this.now();
      if (this.queue.length === 0 && this.nextSlotAt < now - CATCH_UP_MS) this.nextSlotAt = now;
      const waiter: Waiter = { priority, seq: this.seq++, resolve };
      const index = this.queue.findIndex(
        (w) => w.priority > priority || (w.priority === priority && w.seq > waiter.seq),
      );
      if (index < 0) this.queue.push(waiter);
      else this.queue.splice(index, 0, waiter);
      this.pump();
    });
  }

  /** Holds every send back until `untilMs` (wall-clock ms), e.g. after a 429 with Retry-After. */
  pauseUntil(untilMs: number): void {
    if (untilMs <= this.pausedUntil) return;
    this.pausedUntil = untilMs;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pump();
  }

  /** Milliseconds until sending may resume after a pause (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /** Number of callers waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    if (this.timer || this.queue.length === 0) return;
    const now = this.now();
    if (this.pausedUntil > now) {
      this.schedule(this.pausedUntil - now);
      return;
    }
    // Slots that passed while the loop was busy are used now, at most CATCH_UP_MS worth.
    this.nextSlotAt = Math.max(this.nextSlotAt, now - CATCH_UP_MS, this.pausedUntil);
    while (this.queue.length > 0 && this.nextSlotAt <= now) {
      const next = this.queue.shift() as Waiter;
      this.nextSlotAt += this.intervalMs;
      next.resolve();
    }
    if (this.queue.length > 0) this.schedule(this.nextSlotAt - now);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, Math.ceil(delayMs)),
    );
    this.timer.unref?.();
  }
}
