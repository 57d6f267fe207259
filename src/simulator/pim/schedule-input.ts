import { DateTime, Duration } from 'luxon';
import { GraphError, badRequest } from '../graph/graph-error';
import type { ExpirationType, ScheduleRequest } from './pim-types';

/** Canonical casing of the actions (input is case-insensitive, REFERENCE §2.2). */
export const ACTIONS = [
  'adminAssign',
  'adminUpdate',
  'adminRemove',
  'selfActivate',
  'selfDeactivate',
  'adminExtend',
  'adminRenew',
  'selfExtend',
  'selfRenew',
] as const;
export type Action = (typeof ACTIONS)[number];

const EXPIRATION_TYPES: ExpirationType[] = ['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'];

export function canonicalAction(raw: unknown): Action {
  const found = ACTIONS.find((a) => typeof raw === 'string' && a.toLowerCase() === raw.toLowerCase());
  if (!found)
    throw badRequest(
      'BadRequest',
      `Invalid value '${String(raw)}' for property 'action'. Allowed (any casing): ${ACTIONS.join(', ')}.`,
    );
  return found;
}

export const invalidSchedule = (message: string): GraphError =>
  badRequest('InvalidRoleAssignmentRequestSchedule', message);

function parseTimestamp(value: unknown, field: string): DateTime {
  const parsed =
    typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : DateTime.invalid('missing');
  if (!parsed.isValid)
    throw invalidSchedule(
      `'${field}' must be an ISO 8601 UTC timestamp such as 2026-01-31T09:00:00Z; got ${JSON.stringify(value)}.`,
    );
  return parsed.toUTC();
}

/** Parses an Edm.Duration (days, hours, minutes, seconds; no years or months). */
export function parseGraphDuration(value: unknown, field: string): Duration {
  if (
    typeof value !== 'string' ||
    !/^P(?!$)([0-9]+D)?(T(?=\d)([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$/.test(value)
  ) {
    throw invalidSchedule(
      `'${field}' must be an ISO 8601 duration with days, hours, minutes or seconds only (e.g. PT1H, PT30M, P90D); got ${JSON.stringify(value)}.`,
    );
  }
  return Duration.fromISO(value);
}

export type ScheduleInfo = NonNullable<ScheduleRequest['scheduleInfo']>;

/** Normalises `scheduleInfo`: camelCase type, a past or missing start becomes now (the actual start). */
export function parseScheduleInfo(raw: unknown, now: DateTime): ScheduleInfo | null {
  if (raw === undefined || raw === null) return null;
  const info = raw as Record<string, unknown>;
  if (info.recurrence)
    throw invalidSchedule(
      "'scheduleInfo.recurrence' is not supported for role schedule requests; leave it null.",
    );
  const requestedStart = info.startDateTime
    ? parseTimestamp(info.startDateTime, 'scheduleInfo.startDateTime')
    : null;
  const start = requestedStart && requestedStart > now ? requestedStart : now;
  const exp = (info.expiration ?? {}) as Record<string, unknown>;
  const type =
    EXPIRATION_TYPES.find(
      (t) => typeof exp.type === 'string' && t.toLowerCase() === exp.type.toLowerCase(),
    ) ?? (exp.duration ? 'afterDuration' : exp.endDateTime ? 'afterDateTime' : 'notSpecified');
  if (type === 'afterDuration') {
    parseGraphDuration(exp.duration, 'scheduleInfo.expiration.duration');
    return {
      startDateTime: start,
      expiration: { type, endDateTime: null, duration: exp.duration as string },
    };
  }
  if (type === 'afterDateTime') {
    const end = parseTimestamp(exp.endDateTime, 'scheduleInfo.expiration.endDateTime');
    if (end <= start)
      throw invalidSchedule(
        `'scheduleInfo.expiration.endDateTime' (${end.toISO()}) must be after the start (${start.toISO()}).`,
      );
    return { startDateTime: start, expiration: { type, endDateTime: end, duration: null } };
  }
  return { startDateTime: start, expiration: { type, endDateTime: null, duration: null } };
}

/** End of a schedule that starts at `start`, or null when permanent. */
export function endOf(info: ScheduleInfo, start: DateTime): DateTime | null {
  if (info.expiration.type === 'afterDuration' && info.expiration.duration)
    return start.plus(Duration.fromISO(info.expiration.duration));
  if (info.expiration.type === 'afterDateTime') return info.expiration.endDateTime;
  return null;
}

/** Length of the requested schedule, or null when permanent / unspecified. */
export function lengthOf(info: ScheduleInfo): Duration | null {
  const end = endOf(info, info.startDateTime ?? DateTime.utc());
  return end && info.startDateTime ? end.diff(info.startDateTime) : null;
}
