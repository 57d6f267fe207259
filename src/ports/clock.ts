import type { DateTime } from 'luxon';

/** The only source of "now" for domain, use cases and the scheduler. */
export interface Clock {
  now(): DateTime;
}
