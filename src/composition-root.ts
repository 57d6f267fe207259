import type { Server } from 'restify';
import { TeamsSSOTokenExchangeMiddleware, type TurnContext } from 'botbuilder';
import type { AppConfig } from './config/config';
import { cardSigningKey, tokenCacheKey } from './config/install-secrets';
import type { Clock } from './ports/clock';
import type { Store } from './ports/stores';
import type { Logger } from './adapters/observability/logger';
import { createMetrics, type Metrics } from './adapters/observability/metrics';
import { StoreAuditLog } from './adapters/audit/store-audit-log';
import { AdminSettings } from './app/settings/admin-settings';
import {
  countActivation,
  countProactiveSend,
  graphCallMetrics,
  meteredStore,
  reminderMetrics,
} from './adapters/observability/metered';
import { systemClock } from './adapters/clock/system-clock';
import { createStore } from './adapters/store/create-store';
import { MsalTokenProvider } from './adapters/auth/msal-token-provider';
import { TokenCacheCipher } from './adapters/auth/token-cache-cipher';
import { GraphHttp } from './adapters/graph/graph-http';
import { GraphDirectory } from './adapters/graph/graph-directory';
import { GraphPimGateway } from './adapters/graph/graph-pim-gateway';
import { createHttpServer } from './adapters/http/http-server';
import { activityEndpoint } from './adapters/http/activity-endpoint';
import { annotateTurn } from './adapters/observability/turn-context';
import { createCloudAdapter, type CloudAdapterOverrides } from './adapters/teams/cloud-adapter.factory';
import { buildTeamsBot } from './adapters/teams/build-teams-bot';
import { TenantGate } from './adapters/teams/tenant-gate';
import { STEP_UP_CALLBACK_PATH } from './adapters/teams/step-up/step-up-service';
import { DemoSsoTokenSource } from './adapters/teams/sso/demo-sso-token-source';
import { TeamsSsoTokenSource } from './adapters/teams/sso/teams-sso-token-source';
import type { SsoTokenSource } from './adapters/teams/sso/sso-token-source';
import { SsoDedupeStorage } from './adapters/teams/sso/sso-dedupe-storage';
import type { RunningSimulator } from './simulator';
import { inProcessDemoTenant, type DemoTenant } from './adapters/demo/demo-tenant';
import { connectDemoTenant } from './adapters/demo/remote-demo-tenant';
import { buildScheduler } from './scheduler/build-scheduler';
import type { ReconcileScheduler } from './scheduler/reconcile-scheduler';

export interface ElevateOverrides {
  logger: Logger;
  /** A simulator already running (tests); demo mode otherwise starts its own. */
  simulator?: RunningSimulator;
  clock?: Clock;
  cloudAdapter?: CloudAdapterOverrides;
  /** PostgreSQL schema for the store (tests). */
  storeSchema?: string;
}

export interface RunningElevate {
  url: string;
  port: number;
  store: Store;
  metrics: Metrics;
  simulator?: RunningSimulator;
  /** The reconciler loop (reminders, ended notes, status changes); `runOnce()` runs a pass now. */
  scheduler: ReconcileScheduler;
  /** Resolves once the work turns started after answering (card updates once a role is effective) is done. */
  afterTurnWork(): Promise<void>;
  stop(drainTimeoutMs?: number): Promise<void>;
}

/**
 * Delegated Graph scopes Elevate asks for on-behalf-of the user. Named (not `.default`) so msal
 * can serve cached tokens: it matches the cache by the scopes Entra returned.
 */
const DELEGATED_GRAPH_SCOPES = [
  'User.Read',
  'RoleAssignmentSchedule.ReadWrite.Directory',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleManagementPolicy.Read.Directory',
  'RoleManagement.Read.Directory',
  'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
  'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  'GroupMember.Read.All',
];

/** Where the bot's own identity comes from: the Bot registration in tenant mode, the seed in demo mode. */
interface EntraApp {
  clientId: string;
  clientSecret: string;
  authority: string;
  tenantId: string;
}

/** Composition root: configuration → adapters → use cases → HTTP server. */
export async function startElevate(config: AppConfig, overrides: ElevateOverrides): Promise<RunningElevate> {
  const { logger } = overrides;
  const metrics = createMetrics({ collectDefaults: !overrides.simulator });
  const closers: (() => Promise<void>)[] = [];
  try {
    const simulator = overrides.simulator;
    const demo = config.mode === 'demo' ? await openDemoTenant(config, simulator, logger) : undefined;
    if (demo) closers.push(() => demo.close());
    // The step-up page redirects back to this run's callback (PORT / PUBLIC_BASE_URL): register it
    // on the demo app, as an admin does on a real app registration.
    await demo?.registerRedirectUri(`${config.publicBaseUrl}${STEP_UP_CALLBACK_PATH}`);
    // In demo mode the bot follows the simulator's clock, so advancing it (/_sim/clock) drives reminders.
    const clock = overrides.clock ?? demo?.clock ?? systemClock;
    const app = entraApp(config, demo);
    const graphBaseUrl = demo?.graphBaseUrl ?? config.graphBaseUrl;

    const rawStore = await createStore({
      databaseUrl: config.store.databaseUrl,
      sqlitePath: config.store.sqlitePath,
      schema: overrides.storeSchema,
      clock,
      logger,
    });
    closers.unshift(() => rawStore.close());
    const store = meteredStore(rawStore, metrics);

    const tokens = await MsalTokenProvider.create({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      authority: app.authority,
      tokenCache: { repository: store.tokenCache, cipher: new TokenCacheCipher(tokenCacheKey(config)) },
      delegatedScopes: DELEGATED_GRAPH_SCOPES,
      clock,
      logger,
    });
    const http = new GraphHttp({ baseUrl: graphBaseUrl, logger, observer: graphCallMetrics(metrics) });
    const appToken = () => tokens.appOnlyToken();
    const directory = new GraphDirectory(http, appToken);
    const pim = new GraphPimGateway({ http, appToken, directory, clock, logger });

    const sso: SsoTokenSource = demo
      ? new DemoSsoTokenSource(demo.sso, app.clientId, demo.clock)
      : new TeamsSsoTokenSource(config.bot.oauthConnectionName ?? '');
    const auditLog = new StoreAuditLog({
      audit: store.audit,
      clock,
      onRecorded: (event) => {
        const outcome = event.details?.activationOutcome;
        if (typeof outcome === 'string') countActivation(metrics, outcome);
      },
    });
    const adapter = createCloudAdapter(config, logger, clock, overrides.cloudAdapter);
    if (config.mode === 'tenant') {
      // First middleware: activities from other tenants stop here, before anything is stored.
      adapter.use(
        new TenantGate({
          allowedTenantIds: [config.bot.tenantId ?? '', ...config.bot.extraTenantIds].filter(Boolean),
          audit: auditLog,
          logger,
        }),
      );
    }
    if (config.mode === 'tenant' && config.bot.oauthConnectionName) {
      // Teams sends one signin/tokenExchange per open client; answer the first, drop the rest.
      adapter.use(
        new TeamsSSOTokenExchangeMiddleware(
          new SsoDedupeStorage(store.oneTimeKeys, clock),
          config.bot.oauthConnectionName,
        ),
      );
    }
    const stepUpRoutes: ((server: Server) => void)[] = [];
    const adminSettings = new AdminSettings({
      settings: store.settings,
      clock,
      defaults: {
        reminderLeadMinutes: Math.round(config.reminderLead.as('minutes')),
        ticketPattern: config.grammar.ticketPattern,
        adminGroupId: config.adminGroupId ?? demo?.adminGroupId,
      },
    });
    const bot = buildTeamsBot({
      adminSettings,
      auditLog,
      config: { ...config, cardSigningKey: cardSigningKey(config) },
      adapter,
      store,
      pim,
      directory,
      tokens,
      sso,
      clock,
      logger,
      tenantId: app.tenantId,
      registerRoutes: (register) => stepUpRoutes.push(register),
    });

    bot.messenger.observe((outcome) => countProactiveSend(metrics, outcome));
    const scheduler = buildScheduler({
      adminSettings,
      auditLog,
      config,
      store,
      pim,
      directory,
      messenger: bot.messenger,
      signer: bot.signer,
      approvers: bot.services.approvers,
      clock,
      logger,
      tenantId: app.tenantId,
      requestStatusListener: bot.approvals.statusChanged,
      notifier: bot.notifier,
      workObserver: reminderMetrics(metrics),
    });
    // Stopped before the store closes (closers run in order; the store closer was put first).
    closers.unshift(() => scheduler.stop());

    const server = createHttpServer({
      logger,
      metrics,
      processActivity: activityEndpoint({
        adapter,
        logic: (context: TurnContext) => {
          // Authenticated from here on: every log line of the turn names it.
          annotateTurn({
            activityId: context.activity.id,
            conversationId: context.activity.conversation?.id,
            userObjectId: context.activity.from?.aadObjectId,
          });
          return bot.run(context);
        },
        logger,
      }),
      readiness: [
        { name: 'store', description: 'the database', check: () => store.ping() },
        {
          name: 'graph-token',
          description: 'the Microsoft Entra app-only token (Elevate cannot call Microsoft Graph)',
          check: async () => void (await tokens.appOnlyToken()),
        },
      ],
      routes: stepUpRoutes,
      localOnly: config.mode === 'demo',
    });
    const url = await server.listen(config.port, config.host);
    const port = Number(new URL(url).port);
    scheduler.start();
    return {
      url,
      port,
      store,
      metrics,
      simulator,
      scheduler,
      afterTurnWork: () => bot.afterTurnWork(),
      async stop(drainTimeoutMs = 9_000) {
        await server.drain(drainTimeoutMs);
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Demo mode's simulator tenant: the one passed in (tests), the one at SIMULATOR_URL (another
 * process, so Elevate's own cost can be measured apart), or a new one in this process.
 */
async function openDemoTenant(
  config: AppConfig,
  simulator: RunningSimulator | undefined,
  logger: Logger,
): Promise<DemoTenant> {
  if (simulator) return inProcessDemoTenant(simulator, false);
  if (config.simulatorUrl) {
    const remote = await connectDemoTenant(config.simulatorUrl);
    logger.info(
      { simulator: remote.baseUrl },
      `using the simulator tenant already running at ${remote.baseUrl}`,
    );
    return remote;
  }
  // Loaded only here: with SIMULATOR_URL (or a simulator passed in) its Graph, Entra, seed and
  // schema validation never enter this process's memory or start-up.
  const { startSimulator } = await import('./simulator');
  const started = await startSimulator({ port: config.simulatorPort, realism: config.simulatorRealism });
  logger.info(
    { graph: started.graphBaseUrl, authority: started.authority },
    `simulator tenant running at ${started.baseUrl} (Graph ${started.graphBaseUrl}/v1.0, Entra ${started.authority})`,
  );
  return inProcessDemoTenant(started, true);
}

function entraApp(config: AppConfig, demo: DemoTenant | undefined): EntraApp {
  if (config.mode === 'tenant') {
    const tenantId = config.bot.tenantId ?? '';
    return {
      clientId: config.bot.appId ?? '',
      clientSecret: config.bot.appPassword ?? '',
      authority: `${config.authorityHost}/${tenantId}`,
      tenantId,
    };
  }
  if (!demo) throw new Error('demo mode needs the simulator tenant');
  return { ...demo.app, authority: demo.authority, tenantId: demo.tenantId };
}
