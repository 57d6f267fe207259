import type { DateTime } from 'luxon';
import { formatDurationForHumans } from '../durations/format-duration';
import { DomainError, ErrorCodes } from '../errors';
import { DEACTIVATION_FLOOR } from './activation-limits';

/** The first moment PIM accepts deactivating a role activated at `activatedAt` (5 minutes later). */
export function deactivationAllowedAt(activatedAt: DateTime): DateTime {
  return activatedAt.plus(DEACTIVATION_FLOOR);
}

export function canDeactivate(activatedAt: DateTime, now: DateTime): boolean {
  return now >= deactivationAllowedAt(activatedAt);
}

/**
 * DeactivateTooSoon, saying when deactivation becomes possible (in the user's time zone), or
 * undefined when it is already allowed.
 */
export function deactivateTooSoon(
  roleName: string,
  activatedAt: DateTime,
  now: DateTime,
  zone = 'UTC',
): DomainError | undefined {
  const allowedAt = deactivationAllowedAt(activatedAt);
  if (now >= allowedAt) return undefined;
  const local = allowedAt.setZone(zone).toFormat('HH:mm:ss');
  const floor = formatDurationForHumans(DEACTIVATION_FLOOR);
  return new DomainError(
    ErrorCodes.DeactivateTooSoon,
    `${roleName} was activated less than ${floor} ago; PIM allows deactivating it from ${local} (${zone}).`,
    {
      remedy: `Try again at ${local}, or let it expire.`,
      details: {
        activatedAt: activatedAt.toUTC().toISO(),
        allowedAt: allowedAt.toUTC().toISO(),
        waitSeconds: Math.ceil(allowedAt.diff(now, 'seconds').seconds),
        zone,
      },
    },
  );
}
