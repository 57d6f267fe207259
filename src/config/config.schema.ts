import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** True for addresses that never leave this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, {
      message: 'must be a whole number from 1 to 65535 (for example 3978)',
    })
    .transform(Number);

const positiveInt = (fallback: number, what: string, max: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max, {
      message: `must be a whole number of ${what} from 1 to ${max}`,
    })
    .transform(Number);

const httpUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), {
      message: 'must be an http(s) URL such as https://graph.microsoft.com',
    })
    .transform((v) => v.replace(/\/+$/, ''));

/** http://<loopback>:<port> with nothing after the port but an optional slash. */
function isLoopbackSimulatorUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return (
    url.protocol === 'http:' &&
    url.port !== '' &&
    isLoopbackHost(host) &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    /^http:\/\/[^/]+\/?$/.test(value)
  );
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every environment variable Elevate reads, in one schema. `.env.example` documents each one.
 * Names follow Bot Framework conventions where one exists (MicrosoftApp*).
 */
export const envSchema = z
  .object({
    MicrosoftAppId: optionalString.refine((v) => v === undefined || GUID.test(v), {
      message:
        "must be the bot's Entra application (client) id, a GUID such as 6f1c8d4e-0000-0000-0000-000000000000",
    }),
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString.refine((v) => v === undefined || GUID.test(v), {
      message: 'must be your Entra tenant id, a GUID',
    }),
    MicrosoftAppType: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        message: 'must be one of SingleTenant, MultiTenant, UserAssignedMSI',
      })
      .default('SingleTenant'),
    OAUTH_CONNECTION_NAME: optionalString,
    ALLOWED_TENANT_IDS: optionalString.refine(
      (v) => v === undefined || v.split(',').every((id) => GUID.test(id.trim())),
      {
        message:
          'must be a comma-separated list of Entra tenant ids (GUIDs) served besides MicrosoftAppTenantId',
      },
    ),
    PORT: port(3978),
    HOST: z.string().trim().min(1, 'must be a host name or IP address to listen on').default('127.0.0.1'),
    PUBLIC_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s/]+$/.test(v), {
      message: "must be the bot's public origin with no path, such as https://elevate.contoso.com",
    }),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
      message:
        'must be a PostgreSQL URL such as postgres://user:password@host:5432/elevate (leave it unset to use SQLite)',
    }),
    SQLITE_PATH: z.string().trim().min(1, 'must be a file path').default('.data/elevate.sqlite'),
    GRAPH_BASE_URL: httpUrl('https://graph.microsoft.com'),
    AUTHORITY_HOST: httpUrl('https://login.microsoftonline.com'),
    SIMULATOR_PORT: port(3979),
    SIMULATOR_URL: optionalString.refine((v) => v === undefined || isLoopbackSimulatorUrl(v), {
      message:
        'must be the http URL of a simulator on this machine, such as http://127.0.0.1:3979 (loopback only: ' +
        '127.0.0.1, localhost or [::1], with a port and no path); leave it unset to run the simulator inside Elevate',
    }),
    SIMULATOR_REALISM: z
      .enum(['instant', 'demo', 'real-world'], {
        message:
          'must be one of instant (PIM answers at once), demo (3 s to provision, the default) or real-world (10 s)',
      })
      .default('demo'),
    TOKEN_CACHE_KEY: optionalString.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 random bytes, base64-encoded (create one with: openssl rand -base64 32)',
    }),
    CARD_SIGNING_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters of random text (openssl rand -base64 32)',
    }),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    LOG_FORMAT: z
      .enum(['json', 'pretty'], {
        message:
          'must be json (one JSON object per line, for log collectors) or pretty (readable lines for a terminal)',
      })
      .default('json'),
    RECONCILE_INTERVAL_SECONDS: positiveInt(60, 'seconds', 3600),
    REMINDER_LEAD_MINUTES: positiveInt(10, 'minutes', 1440),
    PROACTIVE_SEND_RATE_PER_SECOND: positiveInt(20, 'messages per second', 1000),
    WORK_LEASE_SECONDS: positiveInt(120, 'seconds', 3600),
    SEND_CONCURRENCY: positiveInt(8, 'messages in flight', 64),
    MAX_ROLES_PER_REQUEST: positiveInt(10, 'roles', 50),
    BOT_FRAMEWORK_LOCAL_URL: optionalString.refine(
      (v) => {
        if (v === undefined) return true;
        const match = /^http:\/\/(\[::1\]|[^\s/:]+)(:\d+)?\/?$/.exec(v);
        return match !== null && isLoopbackHost(match[1].replace(/^\[|\]$/g, ''));
      },
      {
        message:
          'must be the local simulator origin on loopback, such as http://127.0.0.1:3979 (tenant mode on this machine only)',
      },
    ),
    APPROVALS_CHANNEL_ID: optionalString,
    TICKET_PATTERN: optionalString
      .transform((v) => v ?? '[A-Z][A-Z0-9]+-\\d+')
      .refine(
        (v) => {
          try {
            return v.length > 0 && v.length <= 200 && !new RegExp(`^(?:${v})$`, 'i').test('');
          } catch {
            return false;
          }
        },
        { message: 'must be a regular expression for one ticket id, such as [A-Z][A-Z0-9]+-\\d+ (INC-5521)' },
      ),
    SHIFT_END: optionalString.refine((v) => v === undefined || /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), {
      message: 'must be a clock time HH:MM such as 18:00 (when "till end of shift" ends)',
    }),
    ADMIN_GROUP_ID: optionalString.refine((v) => v === undefined || GUID.test(v), {
      message: 'must be the object id (GUID) of the Entra group whose members administer Elevate',
    }),
  })
  .superRefine((env, ctx) => {
    const tenantMode = env.MicrosoftAppId !== undefined;
    if (!tenantMode && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          `is ${env.HOST}, but without MicrosoftAppId Elevate runs in demo mode with anonymous Bot Framework auth, ` +
          'which is only safe on a loopback address. Use HOST=127.0.0.1, or set MicrosoftAppId, MicrosoftAppPassword ' +
          'and MicrosoftAppTenantId to run in tenant mode',
      });
    }
    if (tenantMode && env.SIMULATOR_URL !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SIMULATOR_URL'],
        message:
          'is set, but MicrosoftAppId is set too: the simulator is for demo mode only. Unset SIMULATOR_URL ' +
          '(tenant mode talks to Microsoft Entra and Graph), or unset MicrosoftAppId for demo mode',
      });
    }
    if (tenantMode) {
      const need: [keyof typeof env, string][] = [
        ['MicrosoftAppTenantId', 'the Entra tenant id (GUID) the bot belongs to'],
        [
          'TOKEN_CACHE_KEY',
          'a base64 32-byte key that encrypts cached user tokens (openssl rand -base64 32)',
        ],
        ['OAUTH_CONNECTION_NAME', 'the Azure Bot OAuth connection name used for Teams SSO'],
        ['CARD_SIGNING_KEY', 'a random secret of 32+ characters that signs card actions'],
        ['PUBLIC_BASE_URL', "the bot's public https origin (step-up sign-in pages are served there)"],
      ];
      if (env.MicrosoftAppType !== 'UserAssignedMSI') {
        need.unshift(['MicrosoftAppPassword', 'the client secret of MicrosoftAppId']);
      }
      for (const [key, what] of need) {
        if (env[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `is required in tenant mode (MicrosoftAppId is set): ${what}`,
          });
        }
      }
    }
  });

export type Env = z.infer<typeof envSchema>;
