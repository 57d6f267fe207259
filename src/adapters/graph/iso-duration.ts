import type { DateTime, Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../../domain/errors';

/** ISO 8601 Edm.Duration in days/hours/minutes/seconds (Graph refuses years and months). */
export function isoDuration(duration: Duration): string {
  if (!duration.isValid || duration.as('seconds') <= 0) {
    throw new DomainError(ErrorCodes.DurationInvalid, 'The duration must be a positive length of time.', {
      remedy: 'Give a duration like 2h or 30m.',
    });
  }
  const iso = duration.shiftTo('days', 'hours', 'minutes', 'seconds').toISO();
  if (!iso) throw new DomainError(ErrorCodes.DurationInvalid, 'The duration cannot be written as ISO 8601.');
  return iso;
}

/** An instant as Graph wants it: UTC, without milliseconds. */
export function utcIso(value: DateTime): string {
  return value.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}
