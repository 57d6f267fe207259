import { Duration, type DateTime } from 'luxon';
import { formatDurationForHumans } from '../durations';
import { DomainError, ErrorCodes } from '../errors';
import { roleLabel } from '../role-label';
import type { ActiveRole } from '../roles';

/**
 * The new activation's duration: the time left plus the extension (PIM cannot lengthen, so the
 * re-activation must cover both), capped at the policy's maximum. Whole minutes, the time left
 * rounded up so the end never moves earlier than asked.
 */
export function newDuration(
  active: ActiveRole,
  by: Duration,
  maximum: Duration,
  now: DateTime,
): { duration: Duration; cappedAt?: Duration } {
  const leftMinutes = active.endDateTime
    ? Math.max(0, Math.ceil(active.endDateTime.diff(now).as('minutes')))
    : 0;
  const wanted = leftMinutes + Math.ceil(by.as('minutes'));
  const maxMinutes = Math.floor(maximum.as('minutes'));
  if (wanted <= maxMinutes)
    return { duration: Duration.fromObject({ minutes: wanted }).shiftTo('hours', 'minutes') };
  if (maxMinutes <= leftMinutes) {
    throw new DomainError(
      ErrorCodes.DurationTooLong,
      `${roleLabel(active)} already ends as late as PIM allows (at most ${formatDurationForHumans(maximum)} from now), so Elevate cannot extend it.`,
      { remedy: 'Nothing was changed; the role stays active until it ends. Activate it again then.' },
    );
  }
  return { duration: maximum, cappedAt: maximum };
}
