import { Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../errors';
import { ACCEPTED_DURATION_FORMS, ACCEPTED_DURATION_FORMS_TEXT } from './duration-forms';

type Unit = 'days' | 'hours' | 'minutes';

const UNIT_WORDS: Record<string, Unit> = {
  d: 'days',
  day: 'days',
  days: 'days',
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
};

const MINUTES_PER: Record<Unit, number> = { days: 24 * 60, hours: 60, minutes: 1 };

/** One "<number> <unit>" part: `2h`, `1.5 hours`, `30 min`. */
const PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)/y;
const SEPARATOR = /\s*(?:,|and\b)?\s*/y;

function invalid(input: string, problem: string): DomainError {
  return new DomainError(
    ErrorCodes.DurationInvalid,
    `"${input}" is not a duration I understand: ${problem}. Try one of: ${ACCEPTED_DURATION_FORMS_TEXT}.`,
    {
      remedy: `Write the duration like ${ACCEPTED_DURATION_FORMS.slice(0, 3).join(', ')} or ${ACCEPTED_DURATION_FORMS[7]}.`,
      details: { input, acceptedForms: ACCEPTED_DURATION_FORMS },
    },
  );
}

/** Whole minutes as a Duration in days/hours/minutes, with zero units left out. */
export function durationFromMinutes(totalMinutes: number): Duration {
  const days = Math.floor(totalMinutes / MINUTES_PER.days);
  const hours = Math.floor((totalMinutes % MINUTES_PER.days) / 60);
  const minutes = totalMinutes % 60;
  const parts: Partial<Record<Unit, number>> = {};
  if (days) parts.days = days;
  if (hours) parts.hours = hours;
  if (minutes || (!days && !hours)) parts.minutes = minutes;
  return Duration.fromObject(parts);
}

function toWholeMinutes(input: string, minutes: number): Duration {
  if (!Number.isFinite(minutes) || minutes <= 0) throw invalid(input, 'it must be longer than zero');
  const rounded = Math.round(minutes);
  if (Math.abs(rounded - minutes) > 1e-9) {
    throw invalid(input, 'PIM works in whole minutes, and this is not a whole number of minutes');
  }
  return durationFromMinutes(rounded);
}

function parseIso(input: string, text: string): Duration {
  const iso = Duration.fromISO(text.toUpperCase());
  if (!iso.isValid) throw invalid(input, 'it looks like ISO 8601 but is not a valid ISO 8601 duration');
  if (iso.years || iso.months || iso.quarters) {
    throw invalid(input, 'years and months have no fixed length; use days, hours or minutes');
  }
  if (iso.seconds || iso.milliseconds) throw invalid(input, 'seconds are not supported; use whole minutes');
  return toWholeMinutes(input, iso.as('minutes'));
}

function parseClockStyle(input: string, text: string): Duration | undefined {
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  return toWholeMinutes(input, Number(match[1]) * 60 + Number(match[2]));
}

function parseParts(input: string, text: string): Duration {
  const seen = new Set<Unit>();
  let minutes = 0;
  let position = 0;
  while (position < text.length) {
    PART.lastIndex = position;
    const part = PART.exec(text);
    if (!part) {
      const rest = text.slice(position);
      if (/^[0-5]?\d$/.test(rest) && seen.has('hours') && !seen.has('minutes')) {
        minutes += Number(rest); // `1h30` means 1 h 30 min
        break;
      }
      if (/^\d+(?:[.,]\d+)?$/.test(rest))
        throw invalid(input, `"${rest}" has no unit (add h, m or d, e.g. ${rest}m)`);
      throw invalid(input, `I could not read "${rest}"`);
    }
    const unit = UNIT_WORDS[part[2]];
    if (!unit)
      throw invalid(input, `"${part[2]}" is not a unit I know (use d, h or m; seconds are not supported)`);
    if (seen.has(unit)) throw invalid(input, `${unit} appear more than once`);
    seen.add(unit);
    minutes += Number(part[1].replace(',', '.')) * MINUTES_PER[unit];
    position = PART.lastIndex;
    SEPARATOR.lastIndex = position;
    SEPARATOR.exec(text);
    position = SEPARATOR.lastIndex;
  }
  return toWholeMinutes(input, minutes);
}

/**
 * Parses a human or ISO 8601 duration into a luxon Duration in whole minutes, expressed in
 * days/hours/minutes (never years or months): `2h`, `90m`, `1h30m`, `1.5h`, `2 hours`,
 * `1 hour and 30 minutes`, `an hour`, `half an hour`, `1d`, `1:30`, `PT2H`, `P1DT2H`.
 * Throws DomainError(DurationInvalid) naming the problem and the accepted forms.
 */
export function parseDuration(input: string): Duration {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '');
  if (!text) throw invalid(input, 'it is empty');
  if (/^half an? hour$/.test(text)) return durationFromMinutes(30);
  if (/^an? (?:day|hour|minute)$/.test(text)) return parseParts(input, text.replace(/^an? /, '1 '));
  if (text.startsWith('p')) return parseIso(input, text);
  return parseClockStyle(input, text) ?? parseParts(input, text);
}
