import { Duration } from 'luxon';
import { envSchema, type Env } from './config.schema';

export type RuntimeMode = 'demo' | 'tenant';

export interface AppConfig {
  mode: RuntimeMode;
  host: string;
  port: number;
  /** Origin that people's browsers reach the bot at (step-up pages). */
  publicBaseUrl: string;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: Env['MicrosoftAppType'];
    oauthConnectionName?: string;
    /** Tenant mode: tenants served besides tenantId (ALLOWED_TENANT_IDS). */
    extraTenantIds: string[];
  };
  store: { databaseUrl?: string; sqlitePath: string };
  graphBaseUrl: string;
  authorityHost: string;
  simulatorPort: number;
  /** Demo mode: a simulator already running on loopback, instead of one inside Elevate. */
  simulatorUrl?: string;
  /** Demo mode: how long the built-in simulator takes to provision an activation (simulator/pim/realism.ts). */
  simulatorRealism: Env['SIMULATOR_REALISM'];
  tokenCacheKey?: Buffer;
  cardSigningKey?: string;
  logLevel: Env['LOG_LEVEL'];
  logFormat: Env['LOG_FORMAT'];
  reconcileInterval: Duration;
  reminderLead: Duration;
  /** Global rate of proactive messages (reminders, card updates) to the Bot Connector. */
  proactiveSendRatePerSecond: number;
  /** How long a claimed scheduler work item stays leased before another instance may take it. */
  workLease: Duration;
  /** Reminders handled at once by the dispatcher (the send pace still applies); a crash may repeat that many. */
  sendConcurrency: number;
  /** Most roles one `activate` or `deactivate` may name (bounds messages and Graph calls per message). */
  maxRolesPerRequest: number;
  /**
   * Tenant mode on this machine: the simulator's origin (loopback only) that stands in for the
   * Bot Framework (channel token validation, the bot's outgoing token, the user-token service).
   */
  botFrameworkLocalUrl?: string;
  approvalsChannelId?: string;
  adminGroupId?: string;
  /** The command grammar's tenant settings: ticket ids without "ticket", the end of a shift. */
  grammar: { ticketPattern: string; shiftEnd?: string };
  env: Env;
}

export interface ConfigProblem {
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Elevate cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p.key} ${p.message}`).join('\n') +
        '\nSee .env.example for every setting and its allowed values.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad key at once. */
export function loadConfig(source: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      key: issue.path.map(String).join('.') || '(environment)',
      message: describeIssue(issue, source),
    }));
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  const mode: RuntimeMode = env.MicrosoftAppId ? 'tenant' : 'demo';
  const browserHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  return {
    mode,
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${browserHost}:${env.PORT}`,
    bot: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      tenantId: env.MicrosoftAppTenantId,
      appType: env.MicrosoftAppType,
      oauthConnectionName: env.OAUTH_CONNECTION_NAME,
      extraTenantIds: (env.ALLOWED_TENANT_IDS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    },
    store: { databaseUrl: env.DATABASE_URL, sqlitePath: env.SQLITE_PATH },
    graphBaseUrl: env.GRAPH_BASE_URL,
    authorityHost: env.AUTHORITY_HOST,
    simulatorPort: env.SIMULATOR_PORT,
    simulatorUrl: env.SIMULATOR_URL?.replace(/\/+$/, ''),
    simulatorRealism: env.SIMULATOR_REALISM,
    tokenCacheKey: env.TOKEN_CACHE_KEY ? Buffer.from(env.TOKEN_CACHE_KEY, 'base64') : undefined,
    cardSigningKey: env.CARD_SIGNING_KEY,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    reconcileInterval: Duration.fromObject({ seconds: env.RECONCILE_INTERVAL_SECONDS }),
    reminderLead: Duration.fromObject({ minutes: env.REMINDER_LEAD_MINUTES }),
    proactiveSendRatePerSecond: env.PROACTIVE_SEND_RATE_PER_SECOND,
    workLease: Duration.fromObject({ seconds: env.WORK_LEASE_SECONDS }),
    sendConcurrency: env.SEND_CONCURRENCY,
    maxRolesPerRequest: env.MAX_ROLES_PER_REQUEST,
    botFrameworkLocalUrl: env.BOT_FRAMEWORK_LOCAL_URL,
    approvalsChannelId: env.APPROVALS_CHANNEL_ID,
    adminGroupId: env.ADMIN_GROUP_ID,
    grammar: { ticketPattern: env.TICKET_PATTERN, shiftEnd: env.SHIFT_END },
    env,
  };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }, source: NodeJS.ProcessEnv): string {
  const key = String(issue.path[0] ?? '');
  const raw = source[key];
  // Cross-key rules (superRefine) already phrase the message around the value.
  if (issue.message.startsWith('is ') || raw === undefined) return issue.message;
  const shown = /PASSWORD|SECRET|KEY|DATABASE_URL/i.test(key) ? '(value hidden)' : JSON.stringify(raw);
  return `is ${shown}: ${issue.message}`;
}
