/**
 * Reads a Bot Connector 429 out of whatever botbuilder threw: the status code and the
 * Retry-After header (seconds, possibly fractional, or an HTTP date).
 */
export interface ConnectorThrottle {
  retryAfterMs: number;
}

/** Used when a 429 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

export function connectorThrottle(error: unknown, nowMs: number = Date.now()): ConnectorThrottle | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as {
    statusCode?: number;
    status?: number;
    response?: { status?: number; headers?: unknown };
    errors?: unknown[];
  };
  // botframework-connector's batch helpers wrap the individual failures in `errors`.
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return connectorThrottle(e.errors[e.errors.length - 1], nowMs);
  }
  const status = e.statusCode ?? e.status ?? e.response?.status;
  if (status !== 429) return undefined;
  const header = readHeader(e.response?.headers, 'retry-after');
  return { retryAfterMs: parseRetryAfter(header, nowMs) ?? DEFAULT_RETRY_AFTER_MS };
}

/** `2`, `2.128` (seconds) or an HTTP date → milliseconds from now; undefined when unusable. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function readHeader(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  if (typeof h.get === 'function') {
    const value = h.get(name);
    if (typeof value === 'string') return value;
  }
  for (const [key, value] of Object.entries(h)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}
