/**
 * Log redaction by key: tokens, secrets, auth headers and the OAuth authorization code (which only
 * ever travels in a step-up callback's query or form body). Names, not patterns: an error `code`
 * such as DURATION_TOO_LONG is what an on-call engineer searches for, so it stays visible; `code`
 * is a secret only under `query` or `form`, `cookie` only under `headers`.
 *
 * This replaces pino's `redact` paths: with `*.x` wildcards pino ran every top-level value of every
 * line through a path redactor (≈ 40 µs a line). Here a line is walked once, key by key, and copied
 * only when something in it must be blanked out; the caller's objects are never changed.
 * Callers still must not interpolate secrets into messages.
 */

export const CENSOR = '[redacted]';

/** Secret wherever they appear, at any depth walked. */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'Authorization',
  'accessToken',
  'access_token',
  'token',
  'idToken',
  'id_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'password',
  'assertion',
  'client_assertion',
  'authorizationCode',
  'codeVerifier',
  'code_verifier',
]);

/** Secret only under one parent key. */
const SECRET_UNDER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['headers', new Set(['cookie', 'Cookie', 'set-cookie', 'Set-Cookie'])],
  ['query', new Set(['code'])],
  ['form', new Set(['code'])],
]);

/** Levels of nesting walked below a line's own fields (a line's fields are level 0). */
const MAX_DEPTH = 4;

/**
 * `value` with every secret replaced by the censor: the same object when it holds none, else a
 * copy (copied only along the way to each secret; an Error's copy keeps its class, message and stack).
 */
export function redactSecrets<T extends object>(value: T): T {
  return redactObject(value, undefined, 0) as T;
}

function redactObject(value: object, parentKey: string | undefined, depth: number): object {
  const fields = value as Record<string, unknown>;
  const secretHere = parentKey === undefined ? undefined : SECRET_UNDER.get(parentKey);
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const current = fields[key];
    let next = current;
    if (current !== undefined && (SECRET_KEYS.has(key) || secretHere?.has(key) === true)) {
      next = CENSOR;
    } else if (
      typeof current === 'object' &&
      current !== null &&
      depth < MAX_DEPTH &&
      !ArrayBuffer.isView(current)
    ) {
      next = redactObject(current, key, depth + 1);
    }
    if (next !== current) {
      copy ??= shallowCopy(value);
      Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy ?? value;
}

function shallowCopy(value: object): Record<string, unknown> {
  if (Array.isArray(value)) return value.slice() as unknown as Record<string, unknown>;
  return Object.defineProperties(
    Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>,
    Object.getOwnPropertyDescriptors(value),
  );
}
