import { Duration } from 'luxon';
import {
  durationFromMinutes,
  formatDurationForGraph,
  formatDurationForHumans,
  parseDuration,
} from '../../../src/domain/durations';
import { ErrorCodes } from '../../../src/domain/errors';
import { errorOf } from './domain-error-of';

function minutes(input: string): number {
  return parseDuration(input).as('minutes');
}

describe('parseDuration', () => {
  it.each([
    ['2h', 120],
    ['90m', 90],
    ['1h30m', 90],
    ['1h30', 90],
    ['1h 30m', 90],
    ['1.5h', 90],
    ['1,5h', 90],
    ['0.25h', 15],
    ['PT2H', 120],
    ['pt1h30m', 90],
    ['P1D', 1440],
    ['P1DT2H', 1560],
    ['P1W', 10080],
    ['2 hours', 120],
    ['1 hour', 60],
    ['45 minutes', 45],
    ['45 mins', 45],
    ['30 min', 30],
    ['2 hrs', 120],
    ['1 hour 30 minutes', 90],
    ['1 hour and 30 minutes', 90],
    ['1 hour, 30 minutes', 90],
    ['1d', 1440],
    ['2 days', 2880],
    ['1d2h', 1560],
    ['1:30', 90],
    ['  2H  ', 120],
    ['2h.', 120],
    ['an hour', 60],
    ['a day', 1440],
    ['half an hour', 30],
  ])('reads %s as %d minutes', (input, expected) => {
    expect(minutes(input)).toBe(expected);
  });

  it('expresses the result in days, hours and minutes, never years or months', () => {
    const duration = parseDuration('1d2h30m');
    expect(duration.toObject()).toEqual({ days: 1, hours: 2, minutes: 30 });
    expect(parseDuration('90m').toObject()).toEqual({ hours: 1, minutes: 30 });
    expect(parseDuration('45m').toObject()).toEqual({ minutes: 45 });
  });

  it.each([
    ['', 'it is empty'],
    ['soon', 'I could not read "soon"'],
    ['90', '"90" has no unit (add h, m or d, e.g. 90m)'],
    ['2x', '"x" is not a unit I know'],
    ['30s', '"s" is not a unit I know (use d, h or m; seconds are not supported)'],
    ['1h 2h', 'hours appear more than once'],
    ['0h', 'it must be longer than zero'],
    ['0.5m', 'PIM works in whole minutes'],
    ['P1M', 'years and months have no fixed length'],
    ['P1Y', 'years and months have no fixed length'],
    ['PT30S', 'seconds are not supported'],
    ['P2X', 'not a valid ISO 8601 duration'],
    ['-2h', 'I could not read "-2h"'],
  ])('rejects %j saying %s, and lists the accepted forms', (input, problem) => {
    const error = errorOf(() => parseDuration(input));
    expect(error.code).toBe(ErrorCodes.DurationInvalid);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(
      'Try one of: 2h, 90m, 1h30m, 1.5h, 2 hours, 1 hour 30 minutes, 1d, PT2H.',
    );
    expect(error.details).toMatchObject({ input });
    expect(error.remedy).toContain('PT2H');
  });
});

describe('formatDurationForHumans', () => {
  it.each([
    [90, '1 h 30 min'],
    [45, '45 min'],
    [120, '2 h'],
    [1440, '1 day'],
    [1560, '1 day 2 h'],
    [2885, '2 days 5 min'],
    [0, '0 min'],
  ])('%d minutes reads "%s"', (total, expected) => {
    expect(formatDurationForHumans(Duration.fromObject({ minutes: total }))).toBe(expected);
  });

  it('normalises durations given in other units', () => {
    expect(formatDurationForHumans(Duration.fromObject({ hours: 1.5 }))).toBe('1 h 30 min');
  });
});

describe('formatDurationForGraph', () => {
  it.each([
    [90, 'PT1H30M'],
    [120, 'PT2H'],
    [5, 'PT5M'],
    [1440, 'P1D'],
    [1560, 'P1DT2H'],
    [1441, 'P1DT1M'],
    [0, 'PT0M'],
  ])('%d minutes is %s', (total, expected) => {
    expect(formatDurationForGraph(durationFromMinutes(total))).toBe(expected);
  });

  it('round-trips through parseDuration', () => {
    for (const text of ['PT8H', 'P1DT2H30M', 'PT45M', 'P3D']) {
      expect(formatDurationForGraph(parseDuration(text))).toBe(text);
    }
  });
});
