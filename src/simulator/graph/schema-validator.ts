import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import openapi from '../schema/openapi-subset.json';
import { badRequest } from './graph-error';

/**
 * Validates bodies against the OpenAPI subset generated from Graph's CSDL
 * (schema/openapi-subset.json, a copy of ../shared/graph-pim/openapi-subset.json). Enum input is
 * case-insensitive in Graph (REFERENCE §2.2), so enum-like strings are normalised on a copy before
 * validating; the caller keeps the body as sent.
 */
const SCHEMA_ID = 'graph-openapi-subset';
type Schemas = Record<string, { enum?: string[]; 'x-case-insensitive-input'?: boolean }>;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi as object, SCHEMA_ID);

const caseInsensitiveEnums: string[][] = Object.values(
  (openapi as { components: { schemas: Schemas } }).components.schemas,
)
  .filter((s) => s['x-case-insensitive-input'] && Array.isArray(s.enum))
  .map((s) => s.enum as string[]);

function canonicalEnum(value: string): string {
  for (const members of caseInsensitiveEnums) {
    const hit = members.find((m) => m.toLowerCase() === value.toLowerCase());
    if (hit) return hit;
  }
  return value;
}

/** Deep copy with every string that names a case-insensitive enum member rewritten to its canonical casing. */
export function normaliseEnums(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normaliseEnums(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseEnums(v, k)]));
  }
  const enumKeys = ['action', 'type', 'accessId', 'operations'];
  if (typeof value === 'string' && key !== undefined && enumKeys.includes(key)) return canonicalEnum(value);
  return value;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for a JSON pointer inside the OpenAPI document, e.g. `#/components/schemas/microsoft.graph.approval`. */
export function validatorFor(pointer: string): ValidateFunction {
  let fn = compiled.get(pointer);
  if (!fn) {
    fn = ajv.compile({ $ref: `${SCHEMA_ID}${pointer}` });
    compiled.set(pointer, fn);
  }
  return fn;
}

export const requestBodyPointer = (name: string): string =>
  `#/components/requestBodies/${name}/content/application~1json/schema`;

function fieldName(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  return path || '(body)';
}

/** Picks the most telling error: the deepest path, preferring concrete keywords over anyOf/oneOf summaries. */
function bestError(errors: ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => !['anyOf', 'oneOf', 'allOf', 'if'].includes(e.keyword));
  const pool = concrete.length ? concrete : errors;
  return [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describe(error: ErrorObject, body: unknown): string {
  const field = fieldName(error);
  const actual = error.instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      body,
    );
  const shown = error.keyword === 'required' ? 'it is missing' : `got ${JSON.stringify(actual)}`;
  if (error.keyword === 'required') {
    return `Invalid request body: property '${field}' is required; ${shown}.`;
  }
  if (error.keyword === 'anyOf' && field === '(body)') {
    return "Invalid request body: either 'directoryScopeId' or 'appScopeId' is required.";
  }
  return `Invalid request body: property '${field}' ${error.message ?? 'is invalid'}; ${shown}.`;
}

/** Throws Graph's 400 envelope naming the offending field when `body` breaks the schema at `pointer`. */
export function assertValidBody(pointer: string, body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('BadRequest', 'Invalid request body: expected a JSON object.');
  }
  const validate = validatorFor(pointer);
  if (!validate(normaliseEnums(body))) {
    const errors = validate.errors ?? [];
    const root = errors.find((e) => e.keyword === 'anyOf' && e.instancePath === '');
    const onlyScope =
      root &&
      errors.every((e) => e.instancePath === '' && (e.keyword === 'required' || e.keyword === 'anyOf'));
    throw badRequest('BadRequest', describe(onlyScope ? root : bestError(errors), body));
  }
}
