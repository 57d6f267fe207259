import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenVerifier, CallerIdentity } from '../identity/types';
import { SimulatorAuthError } from '../identity/types';
import { accessDenied, permissionScopeNotGranted } from '../pim/pim-errors';
import type { TenantState } from '../pim/tenant-state';
import type { RequestLog } from '../control/request-log';
import { GraphError, badRequest, errorEnvelope, newRequestContext, type ErrorContext } from './graph-error';
import type { GraphContext, GraphRoute } from './graph-context';
import { assertValidBody } from './schema-validator';

export interface GraphHandlerDeps {
  state: TenantState;
  verifier: AccessTokenVerifier;
  routes: GraphRoute[];
  requestLog: RequestLog;
  baseUrl: () => string;
}

type RawRequest = IncomingMessage & { body?: unknown };

async function readBody(req: RawRequest): Promise<string> {
  if (typeof req.body === 'string') return req.body;
  if (Buffer.isBuffer(req.body)) return req.body.toString('utf8');
  if (req.body && typeof req.body === 'object') return JSON.stringify(req.body);
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  ctx: ErrorContext,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string> = {
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId ?? ctx.requestId,
    ...extraHeaders,
  };
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function authenticate(
  verifier: AccessTokenVerifier,
  header: string | undefined,
): Promise<CallerIdentity> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match)
    throw new GraphError(
      401,
      'InvalidAuthenticationToken',
      header
        ? 'Access token validation failure: the Authorization header must be "Bearer <token>".'
        : 'Access token is empty.',
    );
  try {
    return await verifier.verifyGraphToken(match[1]);
  } catch (error) {
    if (error instanceof SimulatorAuthError) throw new GraphError(error.status, error.code, error.message);
    throw error;
  }
}

const isPimPath = (path: string): boolean => /^\/(roleManagement|policies|identityGovernance)\//i.test(path);

function authorize(route: GraphRoute, ctx: Omit<GraphContext, 'body'>): void {
  const { caller } = ctx;
  if (caller.kind === 'app') {
    if (route.permission.app === null) {
      throw accessDenied(
        'This operation acts for the signed-in user and is not supported with an application-only token; call it with a delegated token.',
      );
    }
    if (caller.roles.some((r) => route.permission.app?.includes(r))) return;
  } else {
    if (caller.scopes.some((s) => route.permission.delegated.includes(s))) return;
    if (route.selfPermission?.(ctx) && caller.scopes.includes('User.Read')) return;
  }
  const accepted = caller.kind === 'app' ? (route.permission.app ?? []) : route.permission.delegated;
  if (isPimPath(ctx.path)) throw permissionScopeNotGranted(accepted);
  throw new GraphError(
    403,
    'Authorization_RequestDenied',
    `Insufficient privileges to complete the operation. Needs one of: ${accepted.join(', ')}.`,
  );
}

function findRoute(
  routes: GraphRoute[],
  method: string,
  version: GraphContext['version'],
  path: string,
): { route: GraphRoute; params: string[] } {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match || (route.versions && !route.versions.includes(version))) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: match.slice(1) };
  }
  if (pathMatched)
    throw new GraphError(405, 'BadRequest', `The HTTP method '${method}' is not allowed on ${path}.`);
  const segment = path.split('/').filter(Boolean).pop() ?? path;
  throw badRequest(
    'BadRequest',
    `Resource not found for the segment '${segment}' (${method} /${version}${path} is not served by the simulator${version === 'v1.0' ? '; some PIM approval APIs exist in beta only' : ''}).`,
  );
}

/** Serves `/v1.0/*` and `/beta/*`: authenticates, authorizes, validates the body, dispatches, renders errors in Graph's envelope. */
export function createGraphHandler(deps: GraphHandlerDeps) {
  return async (req: RawRequest, res: ServerResponse): Promise<void> => {
    const clientRequestId =
      typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : undefined;
    const errorCtx = newRequestContext(deps.state.clock.now(), clientRequestId);
    try {
      const url = new URL(req.url ?? '/', deps.baseUrl());
      const match = /^\/(v1\.0|beta)(\/.*)$/i.exec(decodeURIComponent(url.pathname));
      if (!match)
        throw badRequest('BadRequest', `Invalid version segment in ${url.pathname}: use /v1.0 or /beta.`);
      const version = match[1].toLowerCase() === 'beta' ? 'beta' : 'v1.0';
      const path = match[2].replace(/\/+$/, '');
      const method = (req.method ?? 'GET').toUpperCase();
      const rawBody = method === 'POST' || method === 'PATCH' ? await readBody(req) : '';
      deps.requestLog.attachBody(req, rawBody);
      const caller = await authenticate(deps.verifier, req.headers.authorization);
      const { route, params } = findRoute(deps.routes, method, version, path);
      const base = {
        state: deps.state,
        caller,
        version,
        path,
        params,
        query: url.searchParams,
        url,
      } as const;
      authorize(route, base);
      let body: Record<string, unknown> | undefined;
      if (route.bodySchema) {
        let parsed: unknown;
        try {
          parsed = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
        } catch (error) {
          throw badRequest(
            'BadRequest',
            `Invalid request body: not valid JSON (${(error as Error).message}).`,
          );
        }
        if (parsed === undefined)
          throw badRequest('BadRequest', 'Invalid request body: a JSON object is required.');
        assertValidBody(route.bodySchema, parsed);
        body = parsed as Record<string, unknown>;
      }
      const result = route.handle({ ...base, body });
      send(res, result.status, result.body, errorCtx);
    } catch (error) {
      if (error instanceof GraphError) {
        send(res, error.status, errorEnvelope(error, errorCtx), errorCtx, error.options.headers);
        return;
      }
      const internal = new GraphError(
        500,
        'InternalServerError',
        `The simulator failed to handle the request: ${(error as Error).message}`,
      );
      send(res, 500, errorEnvelope(internal, errorCtx), errorCtx);
    }
  };
}
