import { z } from 'zod';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { DemoTenant } from './demo-tenant';
import { RemoteSimClock } from './remote-sim-clock';

/** How often the bot re-reads the simulator's clock offset. */
const CLOCK_REFRESH_MS = 1_000;
const TIMEOUT_MS = 5_000;

const DemoBotSchema = z.object({
  tenantId: z.string().min(1),
  appId: z.string().min(1),
  clientSecret: z.string().min(1),
  adminGroupId: z.string().min(1).nullish(),
  clock: z.object({ offsetMs: z.number() }),
});
const ClockSchema = z.object({ offsetMs: z.number() });
const TokenSchema = z.object({ token: z.string().min(1) });

/**
 * Demo mode against a simulator already running in another process (`npm run simulator`), named
 * by SIMULATOR_URL (the config allows loopback only). Reads the tenant, the demo app and the clock
 * from its control API, and asks it for the users' SSO tokens. Fails with a message that says how
 * to start the simulator when nothing answers there.
 */
export async function connectDemoTenant(simulatorUrl: string): Promise<DemoTenant> {
  const base = simulatorUrl.replace(/\/+$/, '');
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    try {
      return await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DomainError(
        ErrorCodes.ServiceUnavailable,
        `The simulator at SIMULATOR_URL=${base} did not answer (${describe(error)}).`,
        {
          remedy: `Start it first with \`npm run simulator -- --port ${new URL(base).port || 80}\`, or unset SIMULATOR_URL to run one inside Elevate.`,
        },
      );
    }
  };
  const json = async <T>(response: Response, schema: z.ZodType<T>, path: string): Promise<T> => {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) {
      throw new DomainError(
        ErrorCodes.ConfigInvalid,
        `SIMULATOR_URL=${base} answered ${path} with HTTP ${response.status}, not as Elevate's simulator does.`,
        { remedy: 'Point SIMULATOR_URL at a simulator started with `npm run simulator` (same version).' },
      );
    }
    return parsed.data;
  };

  const bot = await json(await call('GET', '/_sim/demo-bot'), DemoBotSchema, '/_sim/demo-bot');
  const clock = new RemoteSimClock(
    async () => (await json(await call('GET', '/_sim/clock'), ClockSchema, '/_sim/clock')).offsetMs,
    bot.clock.offsetMs,
  );
  clock.start(CLOCK_REFRESH_MS);
  return {
    baseUrl: base,
    graphBaseUrl: base,
    authority: `${base}/${bot.tenantId}`,
    tenantId: bot.tenantId,
    app: { clientId: bot.appId, clientSecret: bot.clientSecret },
    clock,
    ...(bot.adminGroupId ? { adminGroupId: bot.adminGroupId } : {}),
    async registerRedirectUri(uri) {
      const response = await call('POST', '/_sim/demo-bot/redirect-uris', { uri });
      if (!response.ok) {
        throw new DomainError(
          ErrorCodes.ConfigInvalid,
          `The simulator at SIMULATOR_URL=${base} refused the step-up redirect URI ${uri} (HTTP ${response.status}).`,
          { remedy: 'Check PUBLIC_BASE_URL; it must be an http(s) URL.' },
        );
      }
    },
    sso: {
      async issueTokenForTests(opts) {
        const response = await call('POST', '/_sim/sso-token', opts);
        if (response.status === 404) {
          const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
          // Like the in-process simulator: a plain error for a user the tenant does not know.
          throw new Error(body.error?.message ?? `no user '${opts.userId}' in the simulator tenant`);
        }
        return (await json(response, TokenSchema, '/_sim/sso-token')).token;
      },
    },
    close: async () => clock.stop(),
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
