import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { isLoopbackName } from '../../adapters/http/local-request-guard';
import { BotUserTokens, UserTokenServiceError } from './bot-user-tokens';
import { readFormBody, readQuery } from './form-body';
import { escapeHtml, sendHtml, sendJson } from './http-responses';

/** The Bot Framework token API paths botframework-connector's TokenApiClient calls (relative to `OAuthUrl`). */
export const USER_TOKEN_PATHS = {
  getToken: '/api/usertoken/GetToken',
  exchange: '/api/usertoken/exchange',
  signOut: '/api/usertoken/SignOut',
  signInResource: '/api/botsignin/GetSignInResource',
  signInPage: '/botframework/signin',
} as const;

type Handler = (req: Request, res: Response) => Promise<void>;

/** Loopback callers only: the service trusts the simulator's own keys, which anyone can obtain locally. */
function fromLoopback(req: IncomingMessage): boolean {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '').toLowerCase();
  return isLoopbackName(address);
}

/** Runs a handler, answering UserTokenServiceError in the Bot Framework `ErrorResponse` shape. */
function tokenApi(fn: Handler): Handler {
  return async (req, res) => {
    try {
      if (!fromLoopback(req)) {
        throw new UserTokenServiceError(
          403,
          'Forbidden',
          'The simulated user-token service answers loopback callers only.',
        );
      }
      await fn(req, res);
    } catch (error) {
      if (!(error instanceof UserTokenServiceError)) throw error;
      sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    }
  };
}

function required(query: Record<string, string>, name: string): string {
  const value = query[name];
  if (!value)
    throw new UserTokenServiceError(400, 'BadArgument', `The query parameter '${name}' is required.`);
  return value;
}

function userQuery(req: Request): {
  userId: string;
  connectionName: string;
  channelId: string;
  code?: string;
} {
  const q = readQuery(req);
  return {
    userId: required(q, 'userId'),
    connectionName: required(q, 'connectionName'),
    channelId: q.channelId ?? '',
    code: q.code || undefined,
  };
}

/**
 * Mounts the simulated Bot Framework user-token service: GetToken, exchange, SignOut and
 * GetSignInResource as botframework-connector's UserTokenClient calls them, and the sign-in page
 * the sign-in link opens (user name and password, then a magic code to type in the chat).
 */
export function registerUserTokenRoutes(server: Server, tokens: BotUserTokens, baseUrl: () => string): void {
  server.get(
    USER_TOKEN_PATHS.getToken,
    tokenApi(async (req, res) => {
      const app = tokens.callingApp(req.headers.authorization);
      const found = tokens.getToken(app, userQuery(req));
      if (found) sendJson(res, 200, found);
      else sendJson(res, 404, {});
    }),
  );

  server.post(
    USER_TOKEN_PATHS.exchange,
    tokenApi(async (req, res) => {
      const app = tokens.callingApp(req.headers.authorization);
      let body: Record<string, string>;
      try {
        body = await readFormBody(req);
      } catch {
        throw new UserTokenServiceError(400, 'BadArgument', 'The exchange request body is not JSON.');
      }
      sendJson(res, 200, tokens.exchange(app, userQuery(req), body));
    }),
  );

  server.del(
    USER_TOKEN_PATHS.signOut,
    tokenApi(async (req, res) => {
      const app = tokens.callingApp(req.headers.authorization);
      const q = readQuery(req);
      tokens.signOut(app, { userId: required(q, 'userId'), connectionName: q.connectionName || undefined });
      sendJson(res, 200, {});
    }),
  );

  server.get(
    USER_TOKEN_PATHS.signInResource,
    tokenApi(async (req, res) => {
      const app = tokens.callingApp(req.headers.authorization);
      sendJson(res, 200, tokens.signInResource(baseUrl(), app, required(readQuery(req), 'state')));
    }),
  );

  server.get(
    USER_TOKEN_PATHS.signInPage,
    tokenApi(async (req, res) => {
      sendHtml(res, 200, signInPage(required(readQuery(req), 'state')));
    }),
  );

  server.post(
    USER_TOKEN_PATHS.signInPage,
    tokenApi(async (req, res) => {
      const form = await readFormBody(req);
      const state = required(form, 'state');
      try {
        const code = tokens.signInWithPassword(state, form.username ?? '', form.password ?? '');
        sendHtml(
          res,
          200,
          page(`<p>Type this code in the chat with the bot: <strong id="magic-code">${code}</strong></p>`),
        );
      } catch (error) {
        if (!(error instanceof UserTokenServiceError)) throw error;
        sendHtml(res, error.status, signInPage(state, error.message));
      }
    }),
  );
}

function signInPage(state: string, problem?: string): string {
  return page(
    (problem ? `<p role="alert">${escapeHtml(problem)}</p>` : '') +
      `<form id="signin-form" method="post"><input type="hidden" name="state" value="${escapeHtml(state)}">` +
      '<label for="username">User name</label><input id="username" name="username" autocomplete="username" required>' +
      '<label for="password">Password</label><input id="password" name="password" type="password" required>' +
      '<button type="submit">Sign in</button></form>',
  );
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to the bot (simulator)</title></head><body><h1>Sign in to the bot</h1>${body}</body></html>`;
}
