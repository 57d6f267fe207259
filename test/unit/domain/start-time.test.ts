import { DateTime } from 'luxon';
import { ErrorCodes } from '../../../src/domain/errors';
import { errorOf } from './domain-error-of';
import { parseStartTime, parseTimeOfDay } from '../../../src/domain/schedule';

const zone = 'Europe/Berlin';
// 10:15 in Berlin (CET, UTC+1) on 2026-11-22.
const now = DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' });
const ctx = { now, zone };

function utc(input: string, context = ctx): string | null {
  return parseStartTime(input, context).toISO();
}

describe('parseStartTime', () => {
  it.each([
    ['at 21:30', '2026-11-22T20:30:00.000Z'],
    ['at 9pm', '2026-11-22T20:00:00.000Z'],
    ['at 9 PM', '2026-11-22T20:00:00.000Z'],
    ['at 11', '2026-11-22T10:00:00.000Z'],
    ['at 10:30', '2026-11-22T09:30:00.000Z'],
    ['today 14:00', '2026-11-22T13:00:00.000Z'],
    ['today at 2pm', '2026-11-22T13:00:00.000Z'],
    ['at noon', '2026-11-22T11:00:00.000Z'],
    ['tomorrow 9:00', '2026-11-23T08:00:00.000Z'],
    ['tomorrow at 9am', '2026-11-23T08:00:00.000Z'],
    ['Tomorrow  At  9AM', '2026-11-23T08:00:00.000Z'],
    ['at 9am tomorrow', '2026-11-23T08:00:00.000Z'],
    ['at tomorrow 9:00', '2026-11-23T08:00:00.000Z'],
    ['at today 14:00', '2026-11-22T13:00:00.000Z'],
    ['tomorrow midnight', '2026-11-22T23:00:00.000Z'],
    ['at 2026-12-01 09:00', '2026-12-01T08:00:00.000Z'],
    ['on 2026-12-01 at 9:30am', '2026-12-01T08:30:00.000Z'],
    ['2026-12-01T09:00', '2026-12-01T08:00:00.000Z'],
    ['in 30m', '2026-11-22T09:45:00.000Z'],
    ['in 2 hours', '2026-11-22T11:15:00.000Z'],
    ['now', '2026-11-22T09:15:00.000Z'],
    ['at 21:30.', '2026-11-22T20:30:00.000Z'],
  ])('reads %j in Europe/Berlin as %s', (input, expected) => {
    expect(utc(input)).toBe(expected);
  });

  it('returns a UTC DateTime', () => {
    expect(parseStartTime('at 21:30', ctx).zoneName).toBe('UTC');
  });

  it('uses the user time zone (summer time in New York)', () => {
    const summer = { now: DateTime.fromISO('2026-07-01T12:00:00Z'), zone: 'America/New_York' };
    expect(utc('at 17:00', summer)).toBe('2026-07-01T21:00:00.000Z');
    expect(utc('tomorrow 9:00', summer)).toBe('2026-07-02T13:00:00.000Z');
  });

  it('reads "today" from the user time zone, not from UTC', () => {
    // 23:30 UTC on 22 Nov is already 23 Nov 08:30 in Tokyo.
    const tokyo = { now: DateTime.fromISO('2026-11-22T23:30:00Z'), zone: 'Asia/Tokyo' };
    expect(utc('at 9:00', tokyo)).toBe('2026-11-23T00:00:00.000Z');
    expect(utc('tomorrow 9:00', tokyo)).toBe('2026-11-24T00:00:00.000Z');
  });

  it('refuses a time of day that already passed today and suggests tomorrow', () => {
    const error = errorOf(() => parseStartTime('at 9:00', ctx));
    expect(error.code).toBe(ErrorCodes.StartInPast);
    expect(error.message).toBe(
      'The start time 09:00 today (GMT+1) is in the past; a start time must be now or later. Did you mean "tomorrow 9:00"?',
    );
    expect(error.remedy).toContain('tomorrow 9:00');
    expect(error.details).toMatchObject({
      suggestion: 'tomorrow 9:00',
      requested: '2026-11-22T08:00:00.000Z',
    });
  });

  it('refuses a past date without a tomorrow hint', () => {
    const error = errorOf(() => parseStartTime('at 2026-11-01 09:00', ctx));
    expect(error.code).toBe(ErrorCodes.StartInPast);
    expect(error.message).toContain('09:00 on Sun 1 Nov (GMT+1) is in the past');
    expect(error.message).not.toContain('tomorrow');
  });

  it('refuses a wall-clock time skipped by daylight saving', () => {
    const march = { now: DateTime.fromISO('2026-03-28T12:00:00Z'), zone };
    const error = errorOf(() => parseStartTime('tomorrow 2:30', march));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain(
      'that time does not exist in Europe/Berlin on 2026-03-29 (the clocks go forward)',
    );
  });

  it.each([
    ['', 'it is empty'],
    ['at 25:00', 'hour 25 is out of range (0-23)'],
    ['at 9:75', 'minute 75 is out of range (00-59)'],
    ['at 13pm', '13pm is not a time (use 1-12 with am/pm)'],
    ['at lunchtime', '"lunchtime" is not a clock time or date'],
    ['tomorrow', 'add a time, e.g. tomorrow 9:00'],
    ['tomorrow morning', '"morning" is not a clock time'],
    ['at 2026-02-30 09:00', '2026-02-30 is not a calendar date'],
    ['at 2026-12-01', 'add a time to the date, e.g. at 2026-12-01 09:00'],
    ['in a while', '"a while" is not a duration (e.g. in 30m, in 2h)'],
  ])('rejects %j saying %s, with the accepted forms', (input, problem) => {
    const error = errorOf(() => parseStartTime(input, ctx));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain(problem);
    expect(error.message).toContain('Try one of: at 9:00, at 21:30, at 9pm, tomorrow 9:00, tomorrow at 9am');
    expect(error.details).toMatchObject({ input });
  });

  it('gives a dated example that is tomorrow in the reader’s time zone, never a past date', () => {
    const error = errorOf(() => parseStartTime('at lunchtime', ctx));
    expect(error.message).toContain('at 2026-11-23 09:00');
    const later = { now: DateTime.fromISO('2027-03-10T23:30:00Z'), zone };
    expect(errorOf(() => parseStartTime('at lunchtime', later)).message).toContain('at 2027-03-12 09:00');
  });

  it('rejects an unknown time zone', () => {
    const error = errorOf(() => parseStartTime('at 21:00', { now, zone: 'Mars/Olympus' }));
    expect(error.code).toBe(ErrorCodes.TimeZoneInvalid);
    expect(error.message).toBe(
      '"Mars/Olympus" is not an IANA time zone (expected something like Europe/London or America/New_York).',
    );
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['9:00', { hour: 9, minute: 0 }],
    ['09:05', { hour: 9, minute: 5 }],
    ['9.30', { hour: 9, minute: 30 }],
    ['12am', { hour: 0, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['12:30 a.m.', { hour: 0, minute: 30 }],
    ['midnight', { hour: 0, minute: 0 }],
  ])('%s', (input, expected) => {
    expect(parseTimeOfDay(input)).toEqual(expected);
  });

  it('returns undefined for text that is not a time', () => {
    expect(parseTimeOfDay('soon')).toBeUndefined();
  });
});
