import { DateTime, type Duration } from 'luxon';
import type { Clock } from '../../src/ports/clock';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: DateTime = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' })) {}

  now(): DateTime {
    return this.current;
  }

  /** Sleeping moves this clock instead of waiting. */
  async sleep(ms: number): Promise<void> {
    this.current = this.current.plus({ milliseconds: ms });
    await Promise.resolve();
  }

  advance(by: Duration): DateTime {
    this.current = this.current.plus(by);
    return this.current;
  }
}
