import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';

/**
 * An error the simulated Graph returns, rendered with Graph's envelope
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 * `wrapped` reproduces the PIM variant where the outer code is `UnknownError` and the message is a
 * JSON string `{"errorCode":…,"message":…}`, with `"instanceAnnotations":[]` for some codes (REFERENCE §7.1).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: {
      wrapped?: boolean;
      instanceAnnotations?: boolean;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

export interface ErrorContext {
  now: DateTime;
  requestId: string;
  clientRequestId?: string;
}

export function newRequestContext(now: DateTime, clientRequestId: string | undefined): ErrorContext {
  return { now, requestId: randomUUID(), clientRequestId: clientRequestId ?? randomUUID() };
}

export function errorEnvelope(error: GraphError, ctx: ErrorContext): Record<string, unknown> {
  const code = error.options.wrapped ? 'UnknownError' : error.code;
  const inner: Record<string, unknown> = { errorCode: error.code, message: error.message };
  if (error.options.instanceAnnotations) inner.instanceAnnotations = [];
  const message = error.options.wrapped ? JSON.stringify(inner) : error.message;
  return {
    error: {
      code,
      message,
      innerError: {
        // Graph writes the date without a zone designator (concepts/errors.md: "2026-09-09T14:01:18").
        date: ctx.now.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss"),
        'request-id': ctx.requestId,
        'client-request-id': ctx.clientRequestId ?? ctx.requestId,
      },
    },
  };
}

export const badRequest = (code: string, message: string): GraphError => new GraphError(400, code, message);
export const notFound = (what: string, id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present (${what}).`,
  );
