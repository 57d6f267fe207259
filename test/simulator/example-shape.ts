/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from the docs and from HTTP responses */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseEnums, validatorFor } from '../../src/simulator/graph/schema-validator';

export const EXAMPLES_DIR = '/work/shared/graph-pim/examples';
const LOCAL_EXAMPLES = join(__dirname, '../../../shared/graph-pim/examples');

/** Reads a documented example body (../shared/graph-pim/examples). */
export function example(file: string): any {
  let text: string;
  try {
    text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
  } catch {
    text = readFileSync(join(LOCAL_EXAMPLES, file), 'utf8');
  }
  return JSON.parse(text);
}

/** Documentation bugs listed in REFERENCE §13 / INDEX.json notes: keys we must not copy. */
const DOC_BUG_KEYS = new Set(['createdDateTIme', 'completedDateTIme']);
const isAnnotation = (key: string): boolean =>
  key === '@odata.type' || key.endsWith('@odata.context') || key === '@odata.nextLink';

/**
 * Fields of the documented body missing from ours (recursively; arrays compared by their first
 * element). Type annotations and the documented misspellings are ignored.
 */
export function missingFields(actual: unknown, documented: unknown, path = ''): string[] {
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${path} (expected an array)`];
    if (documented.length === 0 || actual.length === 0) return [];
    return missingFields(actual[0], documented[0], `${path}[0]`);
  }
  if (documented && typeof documented === 'object') {
    if (actual === null || actual === undefined) return [];
    if (typeof actual !== 'object') return [`${path} (expected an object)`];
    const out: string[] = [];
    for (const [key, value] of Object.entries(documented)) {
      if (DOC_BUG_KEYS.has(key) || isAnnotation(key)) continue;
      if (!(key in (actual as Record<string, unknown>))) out.push(`${path}.${key}`);
      else out.push(...missingFields((actual as Record<string, unknown>)[key], value, `${path}.${key}`));
    }
    return out;
  }
  return [];
}

/**
 * Ajv errors of `body` against a schema pointer of openapi-subset.json (empty = valid). Enum values
 * are compared case-insensitively, as the subset's description prescribes (Graph echoes `action` as sent).
 */
export function schemaErrors(pointer: string, body: unknown): string[] {
  const validate = validatorFor(pointer);
  return validate(normaliseEnums(body))
    ? []
    : (validate.errors ?? [])
        .map((e) => `${e.instancePath} ${e.message}`)
        .filter((e) => !ZONELESS_ERROR_DATE.test(e));
}

/**
 * Graph writes `innerError.date` without a zone ("2026-09-09T14:01:18", concepts/errors.md and every
 * documented error example), which the generated schema's `format: date-time` refuses; the documented
 * bodies themselves would fail it, so that one finding is not counted.
 */
const ZONELESS_ERROR_DATE = /^\/error\/innerError\/date must match format "date-time"$/;

export const S = (name: string): string => `#/components/schemas/microsoft.graph.${name}`;
export const BETA = (name: string): string => `#/x-beta/components/schemas/microsoft.graph.${name}`;
