import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseUtcInstant, utcFromMillis } from '../../../src/domain/schedule/utc-instant';

const localeOf = (t: DateTime) => (t as unknown as { loc: unknown }).loc;
const MAX = 8.64e15;

/** What a reader of a DateTime can see, compared field by field with luxon's own fromMillis. */
function sameAsFromMillis(millis: number): void {
  const ours = utcFromMillis(millis);
  const luxons = DateTime.fromMillis(millis, { zone: 'utc' });
  expect(ours.isValid).toBe(luxons.isValid);
  expect(ours.invalidReason).toBe(luxons.invalidReason);
  if (!luxons.isValid) return;
  expect(ours.equals(luxons)).toBe(true);
  expect(ours.toMillis()).toBe(luxons.toMillis());
  expect(ours.toISO()).toBe(luxons.toISO());
  expect(ours.toObject()).toEqual(luxons.toObject());
  expect(ours.zoneName).toBe('UTC');
  expect(ours.offset).toBe(0);
  expect(ours.locale).toBe(luxons.locale);
  expect(ours.weekNumber).toBe(luxons.weekNumber);
  expect(ours.setZone('America/New_York').toISO()).toBe(luxons.setZone('America/New_York').toISO());
  expect(ours.setLocale('fr').toLocaleString(DateTime.DATETIME_FULL)).toBe(
    luxons.setLocale('fr').toLocaleString(DateTime.DATETIME_FULL),
  );
  expect(ours.plus({ hours: 25 }).toISO()).toBe(luxons.plus({ hours: 25 }).toISO());
  expect(ours.startOf('month').toISO()).toBe(luxons.startOf('month').toISO());
}

describe('utcFromMillis', () => {
  it('makes the DateTime fromMillis makes in UTC, at any instant luxon holds', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX, max: MAX }), sameAsFromMillis));
    fc.assert(fc.property(fc.double({ min: -MAX, max: MAX, noNaN: true }), sameAsFromMillis));
  });

  it('answers as fromMillis does outside luxon’s range and for what is not a number', () => {
    for (const millis of [MAX + 1, -MAX - 1, Number.NaN, Infinity, -Infinity]) sameAsFromMillis(millis);
  });

  it('shares one Locale, which luxon’s fromMillis does not (when it starts to, this helper can go)', () => {
    expect(localeOf(utcFromMillis(1))).toBe(localeOf(utcFromMillis(2)));
    expect(localeOf(DateTime.fromMillis(1, { zone: 'utc' }))).not.toBe(
      localeOf(DateTime.fromMillis(2, { zone: 'utc' })),
    );
  });

  it('is what parseUtcInstant answers for text in toISOString form', () => {
    const read = parseUtcInstant('2026-12-04T13:31:40.123Z');
    expect(read.toISO()).toBe('2026-12-04T13:31:40.123Z');
    expect(localeOf(read)).toBe(localeOf(utcFromMillis(0)));
  });
});
