import fc from 'fast-check';
import { DateTime } from 'luxon';
import { timeFromColumn, timeToColumn } from '../../../src/adapters/store/column-codecs';

describe('time columns', () => {
  it('read back the instant written, in UTC, as luxon reads the same text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (millis) => {
        const text = timeToColumn('at', DateTime.fromMillis(millis, { zone: 'Europe/Berlin' }));
        const read = timeFromColumn(text);
        expect(read.toMillis()).toBe(millis);
        expect(read.zoneName).toBe('UTC');
        expect(read.equals(DateTime.fromISO(text, { zone: 'utc' }))).toBe(true);
      }),
    );
  });

  it('still read text written another way', () => {
    expect(timeFromColumn('2026-06-01T15:00:00+02:00').toISO()).toBe('2026-06-01T13:00:00.000Z');
    expect(timeFromColumn('2026-06-01T13:00:00Z').toISO()).toBe('2026-06-01T13:00:00.000Z');
    expect(timeFromColumn('not a time').isValid).toBe(false);
    // In toISOString's form but not a date: invalid, as luxon says (Date.parse would roll it over to March).
    expect(timeFromColumn('2026-02-30T00:00:00.000Z').isValid).toBe(false);
    expect(timeFromColumn('2026-02-28T24:00:00.000Z').toISO()).toBe(
      DateTime.fromISO('2026-02-28T24:00:00.000Z', { zone: 'utc' }).toISO(),
    );
  });
});
