import { z } from 'zod';
import { clockJson } from './clock.routes';
import { parseWith, readJson } from './control-body';
import { ControlError, type ControlRoutes } from './control-route';

const SsoTokenSchema = z
  .object({
    userId: z.string().min(1).max(100),
    appId: z.string().min(1).max(100).optional(),
    audience: z.string().min(1).max(300).optional(),
    scopes: z.array(z.string().min(1).max(200)).max(20).optional(),
  })
  .strict();

const RedirectUriSchema = z
  .object({
    uri: z
      .string()
      .url()
      .max(500)
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
  })
  .strict();

/**
 * What a bot in demo mode needs from a simulator running in another process (SIMULATOR_URL):
 * GET /_sim/demo-bot (tenant, the demo app's credentials, the admin group, the clock) and POST /_sim/sso-token
 * (the silent Teams SSO token a user would have, issued like `identity.issueTokenForTests`).
 * The simulator listens on loopback only; the demo app's secret is in the seed file anyway.
 */
export const demoBotRoutes: ControlRoutes = (deps) => [
  {
    method: 'GET',
    pattern: /^\/_sim\/demo-bot$/,
    run: async () => {
      const app = deps.state.directory.apps[0];
      if (!app) throw new ControlError(409, 'The loaded seed has no app registration for the bot.');
      return [
        200,
        {
          tenantId: deps.state.tenantId,
          appId: app.appId,
          clientSecret: app.clientSecret,
          adminGroupId:
            deps.state.directory.groups.find((g) => g.displayName === 'Elevate Admins')?.id ?? null,
          clock: clockJson(deps.clock),
        },
      ];
    },
  },
  {
    // Like an admin adding a redirect URI to the app registration: demo mode registers its own
    // step-up callback (from PORT / PUBLIC_BASE_URL), whatever port it runs on.
    method: 'POST',
    pattern: /^\/_sim\/demo-bot\/redirect-uris$/,
    run: async (req) => {
      const { uri } = parseWith(
        RedirectUriSchema,
        await readJson(req),
        'redirect URI body (expected {"uri"})',
      );
      const app = deps.state.directory.apps[0];
      if (!app) throw new ControlError(409, 'The loaded seed has no app registration for the bot.');
      if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
      return [200, { redirectUris: app.redirectUris }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/sso-token$/,
    run: async (req) => {
      const body = parseWith(
        SsoTokenSchema,
        await readJson(req),
        'SSO token body (expected {"userId","appId","audience","scopes"})',
      );
      try {
        return [200, { token: await deps.issueToken(body) }];
      } catch (error) {
        throw new ControlError(404, (error as Error).message);
      }
    },
  },
];
