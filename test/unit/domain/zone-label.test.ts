import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatInstant, zoneLabel, zoneName } from '../../../src/domain/schedule';

/** zoneLabel keeps the labels it made; a zone's label still follows its offset (summer time). */
describe('zone labels', () => {
  const winter = DateTime.fromISO('2026-01-15T12:00:00Z', { zone: 'utc' });
  const summer = DateTime.fromISO('2026-07-15T12:00:00Z', { zone: 'utc' });

  it('names each offset of a zone as luxon does, in any order of asking', () => {
    const expected = (at: DateTime, zone: string) => at.setZone(zone).toFormat('ZZZZ');
    for (const at of [winter, summer, winter, summer]) {
      for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC']) {
        expect(zoneLabel(zone, at)).toBe(expected(at, zone));
      }
    }
    expect(zoneLabel('America/New_York', winter)).toBe('EST');
    expect(zoneLabel('America/New_York', summer)).toBe('EDT');
    expect(zoneLabel('Australia/Sydney', winter)).toBe('GMT+11');
    expect(zoneLabel('Australia/Sydney', summer)).toBe('GMT+10');
  });

  it('gives headers and times the same label', () => {
    expect(zoneName('America/New_York', summer)).toBe('America/New_York (EDT)');
    expect(formatInstant(summer, 'America/New_York', summer)).toBe('08:00 today (EDT)');
    expect(formatInstant(winter, 'America/New_York', winter)).toBe('07:00 today (EST)');
  });

  it('formats every instant as luxon day arithmetic did, across zones, years and summer time', () => {
    // The former implementation (startOf('day') + diff('days'), toFormat('HH:mm')), as the reference.
    const reference = (instant: DateTime, zone: string, now: DateTime): string => {
      const local = instant.setZone(zone);
      const today = now.setZone(zone).startOf('day');
      const diffDays = Math.round(local.startOf('day').diff(today, 'days').days);
      const day =
        diffDays === 0
          ? 'today'
          : diffDays === 1
            ? 'tomorrow'
            : diffDays === -1
              ? 'yesterday'
              : local.year === today.year
                ? `on ${local.toFormat('ccc d LLL')}`
                : `on ${local.toFormat('d LLL yyyy')}`;
      return `${local.toFormat('HH:mm')} ${day} (${local.toFormat('ZZZZ')})`;
    };
    const zones = [
      'UTC',
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ];
    const someTime = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(
        someTime,
        fc.integer({ min: -3 * 86_400_000, max: 400 * 86_400_000 }),
        fc.constantFrom(...zones),
        (at, ahead, zone) => {
          const now = DateTime.fromMillis(at, { zone: 'utc' });
          const instant = DateTime.fromMillis(at + ahead, { zone: 'utc' });
          expect(formatInstant(instant, zone, now)).toBe(reference(instant, zone, now));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('labels in the locale of the time it is given', () => {
    const german = summer.setLocale('de-DE');
    expect(zoneLabel('America/New_York', german)).toBe(german.setZone('America/New_York').toFormat('ZZZZ'));
    expect(zoneLabel('America/New_York', summer)).toBe('EDT');
  });

  it('follows a change of offset from the minute it happens, whatever was asked just before', () => {
    // New York moved to summer time at 2026-03-08T07:00Z.
    const before = DateTime.fromISO('2026-03-08T06:59:59.999Z', { zone: 'utc' });
    const after = DateTime.fromISO('2026-03-08T07:00:00Z', { zone: 'utc' });
    for (const at of [before, before.minus({ seconds: 30 }), after, after.plus({ seconds: 59 }), before]) {
      expect(zoneLabel('America/New_York', at)).toBe(at.setZone('America/New_York').toFormat('ZZZZ'));
    }
    expect(zoneLabel('America/New_York', before)).toBe('EST');
    expect(zoneLabel('America/New_York', after)).toBe('EDT');
    expect(zoneLabel('Europe/Paris', after)).toBe(after.setZone('Europe/Paris').toFormat('ZZZZ'));
    const french = after.setLocale('fr-FR');
    expect(zoneLabel('Europe/Paris', french)).toBe(french.setZone('Europe/Paris').toFormat('ZZZZ'));
  });
});
