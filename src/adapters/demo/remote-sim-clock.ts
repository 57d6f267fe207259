import { setTimeout as wait } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { utcFromMillis } from '../../domain/schedule/utc-instant';
import type { Clock } from '../../ports/clock';

/**
 * The clock of a simulator in another process: real time plus the simulator's offset, which is
 * read again every `refreshMs` (the control API moves it: POST /_sim/clock/advance). Between reads
 * the bot may lag a move by up to `refreshMs`, which demo mode tolerates (the reconciler runs once
 * a minute anyway).
 */
export class RemoteSimClock implements Clock {
  private offsetMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly readOffset: () => Promise<number>,
    initialOffsetMs: number,
  ) {
    this.offsetMs = initialOffsetMs;
  }

  now(): DateTime {
    // From milliseconds: the same instant as utc().plus(), without luxon's calendar arithmetic.
    return utcFromMillis(Date.now() + this.offsetMs);
  }

  /** Real time passes; the offset stays. */
  async sleep(ms: number): Promise<void> {
    await wait(Math.max(0, ms));
  }

  async refresh(): Promise<void> {
    this.offsetMs = await this.readOffset();
  }

  /** Polls the offset; a failed read keeps the last one (the Graph calls will report the outage). */
  start(refreshMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
