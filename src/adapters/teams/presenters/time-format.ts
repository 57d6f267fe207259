import type { DateTime, Duration } from 'luxon';
import { formatDurationForHumans } from '../../../domain/durations';

/** The one way of writing times and zones is defined in domain/schedule (issue 13, defect 9). */
export { formatInstant, zoneLabel, zoneName } from '../../../domain/schedule/format-instant';

export function formatDate(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('d LLL yyyy');
}

export function humanDuration(duration: Duration): string {
  return formatDurationForHumans(duration);
}
