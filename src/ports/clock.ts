import type { DateTime } from 'luxon';

/** The only source of "now" and of waiting for domain, use cases and the scheduler. */
export interface Clock {
  now(): DateTime;
  /** Waits `ms` milliseconds (real time; a test clock may move itself instead). */
  sleep(ms: number): Promise<void>;
}

/** Code that only reads the time (stores, presenters). */
export type TimeSource = Pick<Clock, 'now'>;
