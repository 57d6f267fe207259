import { DateTime, Duration } from 'luxon';
import { parseUtcInstant } from '../../domain/schedule/utc-instant';
import type { JsonObject } from '../../ports/stores';
import { storeInputError } from './store-input-error';

/** DateTime → stored text: ISO 8601 in UTC with milliseconds, so text order equals time order. */
/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the years a column holds as four digits. */
const FIRST_INSTANT = -62_135_596_800_000;
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function timeToColumn(field: string, value: DateTime): string {
  if (!DateTime.isDateTime(value) || !value.isValid) {
    const reason = DateTime.isDateTime(value)
      ? `is an invalid DateTime (${value.invalidExplanation ?? value.invalidReason})`
      : 'is not a luxon DateTime';
    throw storeInputError(field, reason, 'a valid luxon DateTime');
  }
  const millis = value.toMillis();
  if (millis < FIRST_INSTANT || millis > LAST_INSTANT) {
    throw storeInputError(field, `has year ${value.toUTC().year}`, 'years 1 to 9999');
  }
  // The same text as luxon's toUTC().toISO() ("2026-06-01T13:00:00.000Z"), at a fraction of the cost.
  return new Date(millis).toISOString();
}

export function timeFromColumn(value: string): DateTime {
  // timeToColumn's own text is read with Date.parse (parseUtcInstant), at a fraction of fromISO's cost.
  return parseUtcInstant(value);
}

export function optionalTimeFromColumn(value: string | null): DateTime | null {
  return value === null ? null : timeFromColumn(value);
}

/** A plain JSON object → text. Arrays, null and non-objects are refused. */
export function jsonToColumn(field: string, value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw storeInputError(
      field,
      `is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      'a plain JSON object',
    );
  }
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw storeInputError(
      field,
      `cannot be serialised to JSON (${(error as Error).message})`,
      'a plain JSON object',
    );
  }
  return text;
}

export function jsonFromColumn(value: string): JsonObject {
  return JSON.parse(value) as JsonObject;
}

/** A non-empty string of at most `maxLength` characters. */
export function requireText(field: string, value: unknown, maxLength = 1024): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw storeInputError(
      field,
      typeof value === 'string' ? 'is empty' : `is ${typeof value}`,
      'a non-empty string',
    );
  }
  if (value.length > maxLength) {
    throw storeInputError(field, `is ${value.length} characters long`, `at most ${maxLength} characters`);
  }
  return value;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw storeInputError(field, `is ${JSON.stringify(value)}`, allowed.map((a) => `'${a}'`).join(', '));
  }
  return value as T;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw storeInputError(field, `is ${JSON.stringify(value)}`, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** A strictly positive luxon Duration. */
export function requirePositiveDuration(field: string, value: unknown): Duration {
  if (!Duration.isDuration(value) || !value.isValid || value.toMillis() <= 0) {
    throw storeInputError(
      field,
      Duration.isDuration(value) ? `is ${value.toISO() ?? 'invalid'}` : 'is not a luxon Duration',
      'a positive luxon Duration',
    );
  }
  return value;
}
