import { DateTime } from 'luxon';

/** The exact form Date.prototype.toISOString writes: "2026-06-01T13:00:00.000Z". */
const TO_ISO_STRING = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** luxon's bound on an instant (±100 million days from 1970); outside it, fromMillis answers invalid. */
const MAX_INSTANT = 8.64e15;
const EPOCH = DateTime.fromMillis(0, { zone: 'utc' });
/** What luxon's constructor takes (its own clone() passes these); typed here, as @types/luxon keeps it private. */
type DateTimeConfig = { ts: number; zone: unknown; loc: unknown };
const { zone: UTC_ZONE, loc: SHARED_LOCALE } = EPOCH as unknown as DateTimeConfig;
const LuxonDateTime = DateTime as unknown as new (config: DateTimeConfig) => DateTime;

/**
 * The UTC DateTime at `millis`, equal to DateTime.fromMillis(millis, { zone: 'utc' }) but sharing one
 * Locale. luxon builds a new Locale (five objects and a parse of the locale text) for every DateTime
 * that fromMillis, fromISO or fromObject makes, even when no locale is asked for; only a DateTime
 * derived from another shares that one's, and deriving one at another instant (plus) builds a
 * Duration, which builds a Locale too. So this calls luxon's constructor as its own clone() does. In
 * the reconciler's sweep (three instants per activation, each living until its page is written) the
 * Locales were the largest part of what the garbage collector moved to the old generation: 400 MB
 * over 300,000 activations; sharing one took the million-activation sweep's peak RSS from 282 to 254
 * MB. A test holds the result equal to fromMillis' (utc-from-millis.test.ts), so a luxon release that
 * changes its constructor fails there first. Instants luxon calls out of range, and non-numbers, go
 * through fromMillis for its answer.
 */
export function utcFromMillis(millis: number): DateTime {
  if (!(Math.abs(millis) <= MAX_INSTANT)) return DateTime.fromMillis(millis, { zone: 'utc' });
  return new LuxonDateTime({ ts: millis, zone: UTC_ZONE, loc: SHARED_LOCALE });
}

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
      return utcFromMillis(millis);
    }
  }
  return DateTime.fromISO(text, { zone: 'utc' });
}
