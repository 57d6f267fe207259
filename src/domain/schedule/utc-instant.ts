import { DateTime } from 'luxon';

/** The exact form Date.prototype.toISOString writes: "2026-06-01T13:00:00.000Z". */
const TO_ISO_STRING = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * An ISO 8601 instant as a UTC DateTime (invalid when the text is not one). Text in toISOString's
 * own form, which is how Elevate writes instants to its store and work items, is read with
 * Date.parse at a fraction of luxon's ISO parser's cost; the round trip check keeps the answer
 * luxon's for dates that do not exist (Date.parse rolls "02-30" over to March). Anything else
 * goes through luxon.
 */
export function parseUtcInstant(text: string): DateTime {
  if (TO_ISO_STRING.test(text)) {
    const millis = Date.parse(text);
    if (Number.isFinite(millis) && new Date(millis).toISOString() === text) {
      return DateTime.fromMillis(millis, { zone: 'utc' });
    }
  }
  return DateTime.fromISO(text, { zone: 'utc' });
}
