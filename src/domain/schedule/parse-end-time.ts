import type { DateTime, Duration } from 'luxon';
import { durationFromMinutes } from '../durations/parse-duration';
import { DomainError, ErrorCodes } from '../errors';
import { parseTimeOfDay } from './parse-time-of-day';
import { assertTimeZone } from './time-zone';

export interface EndTimeContext {
  now: DateTime;
  /** The user's IANA time zone; `until 18:00` is read in it. */
  zone: string;
  /** The end of the user's shift as a clock time (`18:00`), from configuration; unset: not known. */
  shiftEnd?: string;
}

const END_OF_SHIFT = /^(?:the\s+)?(?:end\s+of\s+(?:the\s+|my\s+)?shift|shift\s+end|eos)$/i;

function invalid(input: string, problem: string): DomainError {
  return new DomainError(
    ErrorCodes.DurationInvalid,
    `"until ${input}" is not an end time I understand: ${problem}. Try: until 18:00, until 6pm, until tomorrow 9:00, till end of shift.`,
    {
      remedy: 'Give the end as a clock time (until 18:00), or a duration (for 2h).',
      details: { input },
    },
  );
}

/** True for the words that name the end of a shift (`end of shift`, `shift end`, `eos`). */
export function isEndOfShift(text: string): boolean {
  return END_OF_SHIFT.test(text.trim());
}

/**
 * How long an activation starting at `from` must last to end at the wall-clock time `text`
 * (`18:00`, `6pm`, `tomorrow 9:00`, `end of shift`) in the user's zone. A time already past today
 * means tomorrow (a night shift saying `until 02:00`). Throws DurationInvalid when the text is not
 * a time, when the end of shift is not configured, or when the end is not after the start.
 */
export function durationUntil(text: string, from: DateTime, ctx: EndTimeContext): Duration {
  assertTimeZone(ctx.zone);
  const input = text.trim();
  let timeText = input.toLowerCase().replace(/^at\s+/, '');
  if (isEndOfShift(timeText)) {
    if (!ctx.shiftEnd) {
      throw invalid(input, 'the end of shift is not set up for this organisation; say the time instead');
    }
    timeText = ctx.shiftEnd;
  }
  let dayOffset: number | undefined;
  const tomorrow = /^(?:tomorrow\s+(?:at\s+)?(.+)|(.+?)\s+tomorrow)$/.exec(timeText);
  if (tomorrow) {
    dayOffset = 1;
    timeText = (tomorrow[1] ?? tomorrow[2]).trim();
  }
  const time = parseTimeOfDay(timeText);
  if (time === undefined) throw invalid(input, `"${timeText}" is not a clock time`);
  if ('problem' in time) throw invalid(input, time.problem);
  const start = from.setZone(ctx.zone);
  let end = start
    .startOf('day')
    .plus({ days: dayOffset ?? 0 })
    .set({ hour: time.hour, minute: time.minute });
  if (dayOffset === undefined && end <= start) end = end.plus({ days: 1 });
  // Whole minutes (PIM's unit), never past the time asked for.
  const minutes = Math.floor(end.diff(start, 'minutes').minutes);
  if (minutes <= 0) throw invalid(input, 'that is not after the start');
  return durationFromMinutes(minutes);
}
