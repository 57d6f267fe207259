import { DateTime } from 'luxon';
import { DomainError, ErrorCodes } from '../errors';

/** Throws DomainError(TimeZoneInvalid) unless `zone` is an IANA time zone luxon knows. */
export function assertTimeZone(zone: string): void {
  if (!zone || !DateTime.now().setZone(zone).isValid) {
    throw new DomainError(
      ErrorCodes.TimeZoneInvalid,
      `"${zone}" is not an IANA time zone (expected something like Europe/London or America/New_York).`,
      {
        remedy: 'Use an IANA time zone name such as Europe/London, America/New_York or UTC.',
        details: { zone },
      },
    );
  }
}
