/** Reading Graph's error bodies: the envelope (unwrapped), policy rule names, claims challenges. */

/** The Graph error envelope after unwrapping an `UnknownError` whose message is JSON (REFERENCE §7.1). */
export interface ParsedGraphError {
  code: string;
  message: string;
  /** The outer code when the error came wrapped (e.g. 'UnknownError'). */
  wrapperCode?: string;
  requestId?: string;
}

export function parseGraphErrorBody(body: string): ParsedGraphError {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    return { code: '', message: body.slice(0, 500) };
  }
  const error = isRecord(envelope) && isRecord(envelope.error) ? envelope.error : undefined;
  if (!error) return { code: '', message: body.slice(0, 500) };
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const inner = isRecord(error.innerError) ? error.innerError : undefined;
  const requestId = inner && typeof inner['request-id'] === 'string' ? inner['request-id'] : undefined;
  if (message.trimStart().startsWith('{')) {
    try {
      const wrapped: unknown = JSON.parse(message);
      if (isRecord(wrapped) && typeof wrapped.errorCode === 'string') {
        return {
          code: wrapped.errorCode,
          message: typeof wrapped.message === 'string' ? wrapped.message : '',
          wrapperCode: code,
          requestId,
        };
      }
    } catch {
      // not JSON after all: keep the outer message
    }
  }
  return { code, message, requestId };
}

/** Rule names from either message format: `["MfaRule","ExpirationRule"]` or `MfaRule - text`. */
export function extractPolicyRules(message: string): string[] {
  const afterColon = message.includes(':') ? message.slice(message.indexOf(':') + 1) : message;
  const found = afterColon.match(/\b[A-Z][A-Za-z]*Rule\b/g) ?? [];
  return [...new Set(found)];
}

/**
 * The claims challenge carried in the body of an ACRS failure, URL-decoded: e.g.
 * `{"access_token":{"acrs":{"essential":true, "value":"c1"}}}`. Undefined when absent or not JSON.
 */
export function extractClaimsChallenge(text: string): string | undefined {
  const match = /claims=([^"&\s\\]+)/.exec(text);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  try {
    JSON.parse(decoded);
  } catch {
    return undefined;
  }
  return decoded;
}

/** The `acrs` value(s) a claims challenge demands. */
export function acrsValuesOf(claims: string): string[] {
  try {
    const parsed: unknown = JSON.parse(claims);
    const acrs =
      isRecord(parsed) && isRecord(parsed.access_token) && isRecord(parsed.access_token.acrs)
        ? parsed.access_token.acrs
        : undefined;
    if (!acrs) return [];
    if (typeof acrs.value === 'string') return [acrs.value];
    if (Array.isArray(acrs.values)) return acrs.values.filter((v): v is string => typeof v === 'string');
    return [];
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
