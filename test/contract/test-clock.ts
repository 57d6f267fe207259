import { DateTime, type Duration } from 'luxon';
import type { Clock } from '../../src/ports/clock';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current: DateTime = DateTime.fromISO('2026-03-01T09:00:00.000Z', { zone: 'utc' })) {}

  now(): DateTime {
    return this.current;
  }

  advance(by: Duration): DateTime {
    this.current = this.current.plus(by);
    return this.current;
  }
}
