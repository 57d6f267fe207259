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

  it('labels in the locale of the time it is given', () => {
    const german = summer.setLocale('de-DE');
    expect(zoneLabel('America/New_York', german)).toBe(german.setZone('America/New_York').toFormat('ZZZZ'));
    expect(zoneLabel('America/New_York', summer)).toBe('EDT');
  });
});
