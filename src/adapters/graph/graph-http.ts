import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { currentTurn } from '../observability/turn-context';
import type { AdapterLogger } from './graph-logger';
import { translateGraphError, type GraphOperation } from './graph-errors';
import { sendHttp, type TransportRequest, type TransportResponse } from './http-transport';
import {
  defaultRetryPolicy,
  parseRetryAfter,
  retryDelayMs,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry-policy';

export interface GraphHttpOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com (no version segment). */
  baseUrl: string;
  logger: AdapterLogger;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  observer?: GraphCallObserver;
  /** One HTTP exchange; Node's http by default (http-transport.ts). Tests wrap it to see what is sent. */
  transport?: (url: URL, request: TransportRequest) => Promise<TransportResponse>;
}

/** Told about every HTTP attempt (metrics). `status` is undefined when no response arrived. */
export interface GraphCallObserver {
  attempt(operation: GraphOperation, status: number | undefined, durationMs: number): void;
  retry(operation: GraphOperation): void;
}

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** '/v1.0/…' or '/beta/…', or an absolute @odata.nextLink on the same origin. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  token: string;
  /** Sends `x-ms-throttle-priority: high` (user-initiated calls). */
  userInitiated?: boolean;
  operation: GraphOperation;
}

export interface GraphResult<T> {
  status: number;
  body: T | undefined;
  clientRequestId: string;
}

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 1000;

/**
 * The one place Elevate's Graph HTTP calls go through: client-request-id on every call, timeout,
 * retries (429/503/504/network resets, Retry-After), the unknown-outcome rule for POSTs, logging
 * without secrets, and translation of failures into DomainErrors.
 *
 * Written on fetch rather than @microsoft/microsoft-graph-client; the adapter README says why.
 */
export class GraphHttp {
  private readonly origin: string;
  private readonly baseUrl: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: GraphHttpOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  async send<T>(call: GraphCall): Promise<GraphResult<T>> {
    const url = this.urlFor(call);
    // Inside a turn, Graph sees the turn's id: one id finds the turn in our logs and in Graph's.
    const clientRequestId = currentTurn()?.clientRequestId ?? randomUUID();
    const started = Date.now();
    const logFields = { clientRequestId, method: call.method, path: url.pathname, operation: call.operation };
    const headers: Record<string, string> = {
      Authorization: `Bearer ${call.token}`,
      Accept: 'application/json',
      'client-request-id': clientRequestId,
      'return-client-request-id': 'true',
    };
    if (call.userInitiated) headers['x-ms-throttle-priority'] = 'high';
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);

    for (let attempt = 1; ; attempt += 1) {
      const attemptStarted = Date.now();
      let response: TransportResponse;
      try {
        const send = this.options.transport ?? sendHttp;
        response = await send(url, { method: call.method, headers, body, timeoutMs: this.timeoutMs });
      } catch (error) {
        const kind = networkFailureKind(error);
        this.options.observer?.attempt(call.operation, undefined, Date.now() - attemptStarted);
        const outcomeUnknown = call.method !== 'GET' && kind !== 'refused';
        this.options.logger.warn(
          { ...logFields, attempt, outcome: kind, durationMs: Date.now() - attemptStarted },
          'graph call failed without a response',
        );
        if (outcomeUnknown) {
          throw new DomainError(
            ErrorCodes.OutcomeUnknown,
            `The ${call.method} to Microsoft Graph ${kind === 'timeout' ? 'timed out' : 'lost its connection'} before an answer arrived, so whether it took effect is unknown.`,
            {
              remedy: 'Check the request list before trying again.',
              details: { clientRequestId, failure: kind },
              cause: error,
            },
          );
        }
        const wait = retryDelayMs(this.policy, attempt, undefined, this.random);
        if (!this.mayRetry(attempt, started, wait)) {
          throw new DomainError(
            ErrorCodes.ServiceUnavailable,
            `Microsoft Graph could not be reached (${kind}) after ${attempt} attempt(s).`,
            {
              remedy: 'Try again in a few minutes.',
              details: { clientRequestId, failure: kind, attempts: attempt },
              cause: error,
            },
          );
        }
        this.options.logger.info({ ...logFields, attempt, waitMs: wait }, 'retrying graph call');
        this.options.observer?.retry(call.operation);
        await this.sleep(wait);
        continue;
      }

      const requestId = response.header('request-id');
      const durationMs = Date.now() - attemptStarted;
      this.options.observer?.attempt(call.operation, response.status, durationMs);
      const text = response.text;
      if (response.status >= 200 && response.status < 300) {
        // Debug, not info: a `roles` turn makes six calls, and metrics already count them (and their
        // durations); failures and retries stay at warn / info.
        this.options.logger.debug(
          { ...logFields, attempt, status: response.status, requestId, durationMs },
          'graph call succeeded',
        );
        return {
          status: response.status,
          body: parseBody<T>(text, clientRequestId, requestId),
          clientRequestId,
        };
      }

      const retryAfterSeconds = parseRetryAfter(response.header('retry-after'), Date.now());
      this.options.logger.warn(
        { ...logFields, attempt, status: response.status, requestId, durationMs, retryAfterSeconds },
        'graph call answered with an error',
      );
      // A POST answered 504 may have been processed behind the gateway: outcome unknown.
      if (response.status === 504 && call.method !== 'GET') {
        throw new DomainError(
          ErrorCodes.OutcomeUnknown,
          `Microsoft Graph timed out (HTTP 504) on a ${call.method}, so whether it took effect is unknown.`,
          {
            remedy: 'Check the request list before trying again.',
            details: { clientRequestId, status: 504, requestId },
          },
        );
      }
      if (RETRYABLE_STATUSES.has(response.status)) {
        const wait = retryDelayMs(this.policy, attempt, retryAfterSeconds, this.random);
        if (this.mayRetry(attempt, started, wait)) {
          this.options.logger.info({ ...logFields, attempt, waitMs: wait }, 'retrying graph call');
          this.options.observer?.retry(call.operation);
          await this.sleep(wait);
          continue;
        }
      }
      throw translateGraphError(
        { status: response.status, body: text, requestId, clientRequestId, retryAfterSeconds },
        call.operation,
      );
    }
  }

  /** GETs a collection and follows @odata.nextLink to the end (at most MAX_PAGES pages). */
  async getAll<T>(call: Omit<GraphCall, 'method' | 'body'>): Promise<T[]> {
    const items: T[] = [];
    let pages = 0;
    for await (const page of this.pages<T>(call)) {
      pages += 1;
      if (pages > MAX_PAGES) {
        throw new DomainError(
          ErrorCodes.GraphError,
          `Microsoft Graph returned more than ${MAX_PAGES} pages.`,
          {
            details: { path: call.path },
          },
        );
      }
      items.push(...page);
    }
    return items;
  }

  /**
   * GETs a collection one page at a time, following @odata.nextLink with no page limit: for
   * tenant-wide sweeps, whose callers keep only what they need of each page (constant memory).
   */
  async *pages<T>(call: Omit<GraphCall, 'method' | 'body'>): AsyncGenerator<T[]> {
    let next: Omit<GraphCall, 'method' | 'body'> | undefined = call;
    while (next) {
      const result: GraphResult<Page<T>> = await this.send<Page<T>>({ ...next, method: 'GET' });
      const link = result.body?.['@odata.nextLink'];
      next = link ? { ...call, path: link, query: undefined } : undefined;
      yield result.body?.value ?? [];
    }
  }

  private urlFor(call: GraphCall): URL {
    let url: URL;
    if (/^https?:\/\//i.test(call.path)) {
      url = new URL(call.path);
      // Never send a token to another host than the configured Graph base URL.
      if (url.origin !== this.origin) {
        throw new DomainError(
          ErrorCodes.GraphError,
          `Refusing to follow a Graph link to another host (${url.origin}).`,
          {
            details: { expectedOrigin: this.origin },
          },
        );
      }
    } else {
      url = new URL(this.baseUrl + call.path);
    }
    for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
    return url;
  }

  private mayRetry(attempt: number, started: number, waitMs: number): boolean {
    return (
      attempt < this.policy.maxAttempts &&
      waitMs <= this.policy.maxDelayMs &&
      Date.now() - started + waitMs <= this.policy.maxTotalMs
    );
  }
}

type NetworkFailureKind = 'timeout' | 'reset' | 'refused' | 'network';

function networkFailureKind(error: unknown): NetworkFailureKind {
  // Duck-typed: errors may come from another realm (e.g. test sandboxes). Node's http puts the
  // system error's code on the error itself; fetch put it on its cause.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    code?: string;
    cause?: { code?: string; name?: string };
  };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return 'timeout';
  const code = failure.code ?? failure.cause?.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'EPIPE' ||
    failure.cause?.name === 'SocketError'
  ) {
    return 'reset';
  }
  return 'network';
}

function parseBody<T>(text: string, clientRequestId: string, requestId: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new DomainError(
      ErrorCodes.GraphError,
      'Microsoft Graph answered with a body that is not valid JSON.',
      {
        remedy: 'Try again; if it keeps failing, report the request id to an administrator.',
        details: { clientRequestId, requestId },
        cause: error,
      },
    );
  }
}
