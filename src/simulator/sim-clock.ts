import { setTimeout as wait } from 'node:timers/promises';
import { DateTime, Duration } from 'luxon';
import type { Clock } from '../ports/clock';

/**
 * The simulator's own clock: real time plus an offset that the control API can advance
 * (`POST /_sim/clock/advance`) or set. Token expiry, schedule starts/ends and the 24-hour approval
 * expiry are all judged against it.
 */
export class SimClock implements Clock {
  private offsetMs = 0;

  now(): DateTime {
    // fromMillis: the same instant as utc().plus(), without luxon's calendar arithmetic.
    return DateTime.fromMillis(Date.now() + this.offsetMs, { zone: 'utc' });
  }

  /** Real time passes; the offset stays (the bot follows this clock in demo mode). */
  async sleep(ms: number): Promise<void> {
    await wait(Math.max(0, ms));
  }

  advance(by: Duration): DateTime {
    this.offsetMs += by.as('milliseconds');
    return this.now();
  }

  set(to: DateTime): DateTime {
    this.offsetMs = to.toMillis() - Date.now();
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
