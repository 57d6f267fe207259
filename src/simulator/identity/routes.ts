import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { SeedDirectory } from '../directory-types';
import type { SimClock } from '../sim-clock';
import type { AuthorizeFlow, AuthorizeOutcome } from './authorize-flow';
import {
  BOT_KEYS_PATH,
  BOT_OPENID_PATH,
  BOT_TOKEN_PATH,
  type BotFrameworkChannel,
} from './bot-framework-channel';
import { EntraOAuthError, entraErrorBody } from './entra-error';
import { readFormBody, readQuery } from './form-body';
import { redirect, sendHtml, sendJson } from './http-responses';
import { instanceDiscovery, openIdConfiguration } from './openid-metadata';
import type { SigningKey } from './signing-key';
import { handleTokenRequest, type TokenEndpointDeps } from './token-endpoint';
import { resolveTenant } from './tenant-resolver';

export interface IdentityRouteDeps {
  clock: SimClock;
  getDirectory: () => SeedDirectory;
  baseUrl: () => string;
  key: SigningKey;
  tokenEndpoint: TokenEndpointDeps;
  authorize: AuthorizeFlow;
  botChannel: BotFrameworkChannel;
}

type Handler = (req: Request, res: Response) => Promise<void>;

function correlationId(headers: IncomingHttpHeaders): string | undefined {
  const value = headers['client-request-id'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Runs a handler, answering EntraOAuthError (and unreadable bodies) in Entra's error shape. */
function entraHandler(clock: SimClock, fn: Handler): Handler {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (err) {
      let oauthError: EntraOAuthError;
      if (err instanceof EntraOAuthError) oauthError = err;
      else if (err instanceof SyntaxError) {
        oauthError = new EntraOAuthError(
          400,
          'invalid_request',
          900144,
          `The request body could not be read: ${err.message}`,
        );
      } else throw err;
      const body = entraErrorBody(oauthError, clock.now(), correlationId(req.headers));
      sendJson(res, oauthError.status, body, { 'client-request-id': String(body.correlation_id) });
    }
  };
}

function send(res: Response, outcome: AuthorizeOutcome): void {
  if (outcome.kind === 'redirect') redirect(res, outcome.location);
  else sendHtml(res, outcome.status, outcome.html);
}

/** Mounts the simulated Entra endpoints and the Bot Framework channel-token endpoints on a restify server. */
export function registerIdentityRoutes(server: Server, deps: IdentityRouteDeps): void {
  const { clock, getDirectory, baseUrl } = deps;
  const tenantOf = (req: Request): string => String(req.params?.tenant ?? '');

  server.get(
    '/:tenant/v2.0/.well-known/openid-configuration',
    entraHandler(clock, async (req, res) => {
      const tenant = resolveTenant(tenantOf(req), getDirectory());
      sendJson(res, 200, openIdConfiguration(baseUrl(), tenantOf(req), tenant.tenantId), {
        'Cache-Control': 'max-age=86400, private',
      });
    }),
  );

  server.get(
    '/:tenant/discovery/v2.0/keys',
    entraHandler(clock, async (req, res) => {
      resolveTenant(tenantOf(req), getDirectory());
      sendJson(res, 200, { keys: [deps.key.jwk] }, { 'Cache-Control': 'max-age=86400, private' });
    }),
  );

  server.get(
    '/:tenant/discovery/instance',
    entraHandler(clock, async (req, res) => {
      sendJson(res, 200, instanceDiscovery(baseUrl(), tenantOf(req)));
    }),
  );

  server.post(
    '/:tenant/oauth2/v2.0/token',
    entraHandler(clock, async (req, res) => {
      const form = await readFormBody(req);
      sendJson(res, 200, handleTokenRequest(deps.tokenEndpoint, tenantOf(req), form, req.headers));
    }),
  );

  server.get('/:tenant/oauth2/v2.0/authorize', async (req: Request, res: Response) => {
    const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname;
    send(res, deps.authorize.start(tenantOf(req), path, readQuery(req)));
  });

  server.post('/:tenant/oauth2/v2.0/authorize', async (req: Request, res: Response) => {
    const path = new URL(req.url ?? '/', 'http://simulator.invalid').pathname;
    let form: Record<string, string>;
    try {
      form = await readFormBody(req);
    } catch {
      form = {};
    }
    send(res, deps.authorize.submit(path, form));
  });

  server.get(BOT_OPENID_PATH, async (_req: Request, res: Response) => {
    sendJson(res, 200, deps.botChannel.openIdConfiguration());
  });

  server.get(BOT_KEYS_PATH, async (_req: Request, res: Response) => {
    sendJson(res, 200, deps.botChannel.keys());
  });

  server.post(
    BOT_TOKEN_PATH,
    entraHandler(clock, async (req, res) => {
      sendJson(res, 200, deps.botChannel.issueChannelToken(await readFormBody(req)));
    }),
  );
}
