import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';

/** OAuth error codes Entra returns from its token endpoint. */
export type EntraErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'interaction_required'
  | 'consent_required';

/**
 * An error the simulated Entra answers with. `aadsts` is the AADSTS number; the description starts
 * with `AADSTS<number>: ` as Entra's do.
 */
export class EntraOAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: EntraErrorCode,
    readonly aadsts: number,
    readonly detail: string,
    readonly extra: { suberror?: string; claims?: string } = {},
  ) {
    super(`AADSTS${aadsts}: ${detail}`);
  }
}

/**
 * Entra's error body: `error`, `error_description`, `error_codes`, `timestamp`, `trace_id`, `correlation_id`.
 * The description puts `\r\n` before `Trace ID:`, `Correlation ID:` and `Timestamp:`, as Entra's do
 * (see the AADSTS responses quoted in the Entra docs and MSAL issues; clients that show the first line
 * show only the AADSTS text).
 */
export function entraErrorBody(
  err: EntraOAuthError,
  now: DateTime,
  correlationId?: string,
): Record<string, unknown> {
  const traceId = randomUUID();
  const correlation = correlationId ?? randomUUID();
  const timestamp = now.toUTC().toFormat("yyyy-LL-dd HH:mm:ss'Z'");
  return {
    error: err.error,
    error_description: `${err.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `https://login.microsoftonline.com/error?code=${err.aadsts}`,
    ...(err.extra.suberror ? { suberror: err.extra.suberror } : {}),
    ...(err.extra.claims ? { claims: err.extra.claims } : {}),
  };
}
