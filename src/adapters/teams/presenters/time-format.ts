import { DateTime, type Duration } from 'luxon';
import { formatDurationForHumans } from '../../../domain/durations';

/**
 * "Today 15:30 (CET)", "Tomorrow 09:00 (GMT)", "Mon 30 Nov 09:00 (EST)" in the viewer's zone,
 * relative to `now`.
 */
export function formatInstant(instant: DateTime, zone: string, now: DateTime): string {
  const local = instant.setZone(zone);
  const today = now.setZone(zone).startOf('day');
  const day = local.startOf('day');
  const diffDays = Math.round(day.diff(today, 'days').days);
  const time = local.toFormat('HH:mm');
  const abbreviation = local.toFormat('ZZZZ');
  const label =
    diffDays === 0
      ? 'Today'
      : diffDays === 1
        ? 'Tomorrow'
        : diffDays === -1
          ? 'Yesterday'
          : local.year === today.year
            ? local.toFormat('ccc d LLL')
            : local.toFormat('d LLL yyyy');
  return `${label} ${time} (${abbreviation})`;
}

export function formatDate(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('d LLL yyyy');
}

export function humanDuration(duration: Duration): string {
  return formatDurationForHumans(duration);
}
