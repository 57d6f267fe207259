import { DateTime } from 'luxon';
import { parseDuration } from '../durations/parse-duration';
import { DomainError, ErrorCodes } from '../errors';
import { parseTimeOfDay, type TimeOfDay } from './parse-time-of-day';
import { formatInstant } from './format-instant';
import { acceptedStartForms } from './start-time-forms';
import { assertTimeZone } from './time-zone';

export interface StartTimeContext {
  /** The current instant (from the Clock). */
  now: DateTime;
  /** The user's IANA time zone; wall-clock times are read in it. */
  zone: string;
}

type DayWord = 'today' | 'tomorrow';

function invalid(input: string, problem: string, ctx: StartTimeContext): DomainError {
  const forms = acceptedStartForms(ctx.now, ctx.zone);
  return new DomainError(
    ErrorCodes.StartTimeInvalid,
    `"${input}" is not a start time I understand: ${problem}. Try one of: ${forms.join(', ')}.`,
    {
      remedy: 'Give the start as a clock time (at 9:00, at 9pm), tomorrow 9:00, a date and time, or in 30m.',
      details: { input, acceptedForms: forms },
    },
  );
}

function requireTime(input: string, text: string, ctx: StartTimeContext): TimeOfDay {
  const time = parseTimeOfDay(text);
  if (time === undefined) throw invalid(input, `"${text}" is not a clock time`, ctx);
  if ('problem' in time) throw invalid(input, time.problem, ctx);
  return time;
}

function atWallClock(input: string, date: DateTime, time: TimeOfDay, ctx: StartTimeContext): DateTime {
  const { zone } = ctx;
  const result = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute },
    { zone },
  );
  if (!result.isValid) throw invalid(input, result.invalidExplanation ?? 'that date does not exist', ctx);
  if (result.hour !== time.hour || result.minute !== time.minute) {
    throw invalid(
      input,
      `that time does not exist in ${zone} on ${date.toISODate()} (the clocks go forward)`,
      ctx,
    );
  }
  return result;
}

function formatClock(time: TimeOfDay): string {
  return `${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

function startInPast(
  input: string,
  start: DateTime,
  now: DateTime,
  zone: string,
  hint?: string,
): DomainError {
  return new DomainError(
    ErrorCodes.StartInPast,
    `The start time ${formatInstant(start, zone, now)} is in the past; a start time must be now or later.` +
      (hint ? ` Did you mean "${hint}"?` : ''),
    {
      remedy: hint
        ? `Say "${hint}" to start tomorrow, or leave the start out to start now.`
        : 'Give a future start time, or leave it out to start now.',
      details: {
        input,
        requested: start.toUTC().toISO(),
        now: now.toUTC().toISO(),
        zone,
        ...(hint ? { suggestion: hint } : {}),
      },
    },
  );
}

function parseDayAndTime(input: string, day: DayWord, rest: string, ctx: StartTimeContext): DateTime {
  const time = requireTime(input, rest.replace(/^at\s+/, ''), ctx);
  const today = ctx.now.setZone(ctx.zone).startOf('day');
  const date = day === 'tomorrow' ? today.plus({ days: 1 }) : today;
  const start = atWallClock(input, date, time, ctx);
  if (start < ctx.now) {
    throw startInPast(input, start, ctx.now, ctx.zone, `tomorrow ${formatClock(time)}`);
  }
  return start;
}

function parseDateAndTime(input: string, isoDate: string, rest: string, ctx: StartTimeContext): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: ctx.zone });
  if (!date.isValid) throw invalid(input, `${isoDate} is not a calendar date`, ctx);
  if (!rest) throw invalid(input, `add a time to the date, e.g. at ${isoDate} 09:00`, ctx);
  const start = atWallClock(input, date, requireTime(input, rest.replace(/^at\s+/, ''), ctx), ctx);
  if (start < ctx.now) throw startInPast(input, start, ctx.now, ctx.zone);
  return start;
}

/**
 * Reads when an activation should start, in the user's time zone, relative to `ctx.now`:
 * `at 9:00`, `at 21:30`, `at 9pm`, `today 14:00`, `tomorrow 9:00`, `tomorrow at 9am`,
 * `at 9am tomorrow`, `at 2026-12-01 09:00` (also `on 2026-12-01 at 9:00`, `2026-12-01T09:00`), `in 30m`, `now`.
 * A bare hour (`at 9`) is on the 24-hour clock. Returns the instant in UTC.
 *
 * Throws DomainError: StartTimeInvalid (unreadable, out of range, or a wall-clock time skipped by
 * a daylight-saving change), StartInPast (with a "tomorrow H:MM" hint when a time of day has
 * already passed today), TimeZoneInvalid (unknown zone).
 */
export function parseStartTime(input: string, ctx: StartTimeContext): DateTime {
  assertTimeZone(ctx.zone);
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[!?,;]+$/, '')
    .replace(/(\d)\.$/, '$1');
  if (!text) throw invalid(input, 'it is empty', ctx);
  if (text === 'now') return ctx.now.toUTC();

  const inMatch = /^in (.+)$/.exec(text);
  if (inMatch) {
    try {
      return ctx.now.plus(parseDuration(inMatch[1])).toUTC();
    } catch (error) {
      if (error instanceof DomainError)
        throw invalid(input, `"${inMatch[1]}" is not a duration (e.g. in 30m, in 2h)`, ctx);
      throw error;
    }
  }

  const dayMatch = /^(today|tomorrow)(?: (.*))?$/.exec(text);
  if (dayMatch) {
    if (!dayMatch[2]) throw invalid(input, `add a time, e.g. ${dayMatch[1]} 9:00`, ctx);
    return parseDayAndTime(input, dayMatch[1] as DayWord, dayMatch[2], ctx).toUTC();
  }

  const trailingDay = /^(?:at )?(.+) (today|tomorrow)$/.exec(text);
  if (trailingDay) return parseDayAndTime(input, trailingDay[2] as DayWord, trailingDay[1], ctx).toUTC();

  const body = text.replace(/^(?:at|on|from|starting(?: at)?) /, '');
  const dayAfterAt = /^(today|tomorrow) (.+)$/.exec(body);
  if (dayAfterAt) return parseDayAndTime(input, dayAfterAt[1] as DayWord, dayAfterAt[2], ctx).toUTC();
  const dateMatch = /^(\d{4}-\d{2}-\d{2})(?:[ t](.*))?$/.exec(body);
  if (dateMatch) return parseDateAndTime(input, dateMatch[1], (dateMatch[2] ?? '').trim(), ctx).toUTC();

  const time = parseTimeOfDay(body);
  if (time === undefined) throw invalid(input, `"${body}" is not a clock time or date`, ctx);
  return parseDayAndTime(input, 'today', body, ctx).toUTC();
}
