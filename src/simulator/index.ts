import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { createControlHandler } from './control/control-api';
import { FaultInjector } from './control/faults';
import { RequestLog } from './control/request-log';
import { checkLocalRequest, isLoopbackName } from '../adapters/http/local-request-guard';
import { createGraphHandler } from './graph/graph-handler';
import { directoryRoutes } from './graph/routes/directory-routes';
import { pimRoutes } from './graph/routes/pim-routes';
import { policyRoutes } from './graph/routes/policy-routes';
import { roleDefinitionRoutes } from './graph/routes/role-definition-routes';
import { createIdentity } from './identity';
import { resolveRealism, type RealismPresetName, type RealismProfile } from './pim/realism';
import { parseSeed, readSeedFile } from './pim/seed-schema';
import type { SimulatorSeed } from './pim/seed-types';
import { TenantState } from './pim/tenant-state';
import demoTenant from './seed/demo-tenant.json';
import { SimClock } from './sim-clock';

export type { SimulatorSeed } from './pim/seed-types';
export { TenantState } from './pim/tenant-state';
export { SimClock } from './sim-clock';

export interface StartSimulatorOptions {
  /** 0 = a random free port (default 0). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed file path or seed object; default the demo tenant (seed/demo-tenant.json). */
  seed?: string | object;
  /** Log each request to stdout. */
  log?: boolean;
  /**
   * Provisioning delay and transient statuses (pim/realism.ts): a preset ('instant' — the default,
   * 'demo' — 3 s, 'real-world' — 10 s) or a per-action profile. A seed's own `realism` wins; kept on reset.
   */
  realism?: RealismPresetName | RealismProfile;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** Same host; Graph paths are /v1.0 and /beta. */
  graphBaseUrl: string;
  /** `${baseUrl}/${tenantId}`, the Entra authority for msal. */
  authority: string;
  tenantId: string;
  clock: SimClock;
  state: TenantState;
  identity: ReturnType<typeof createIdentity>;
  /** The requests received, as `GET /_sim/requests` lists them (capped; in-process callers may clear it). */
  requestLog: RequestLog;
  close(): Promise<void>;
}

function loadSeed(seed: StartSimulatorOptions['seed']): SimulatorSeed {
  if (typeof seed === 'string') return readSeedFile(seed);
  return parseSeed(seed ?? demoTenant, seed ? 'passed to startSimulator' : 'seed/demo-tenant.json');
}

/** Starts the simulator tenant (Entra identity + Graph PIM + control API) on loopback. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const initialSeed = loadSeed(options.seed);
  const clock = new SimClock();
  const state = new TenantState(clock, initialSeed, resolveRealism(options.realism ?? 'instant'));
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackName(host.toLowerCase())) {
    throw new Error(
      `--host must be a loopback address (127.0.0.1, localhost or ::1); got '${host}'. ` +
        'The simulator has no authentication (its control API resets the tenant and acts "in the portal"), ' +
        'so it must not be reachable from other machines.',
    );
  }
  let baseUrl = '';
  const identity = createIdentity({ clock, getDirectory: () => state.directory, baseUrl: () => baseUrl });
  const requestLog = new RequestLog();
  const faults = new FaultInjector();

  const server = restify.createServer({ name: 'elevate-simulator', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    // The control API trusts whoever reaches it: JSON only, loopback Host, no foreign Origin.
    const refused = req.url?.startsWith('/_sim/')
      ? checkLocalRequest(req.method ?? 'GET', req.headers, { requireJsonBody: true })
      : undefined;
    if (refused) {
      res.writeHead(refused.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: refused.code, message: refused.message } }));
      next(false);
      return;
    }
    requestLog.record(req, clock.now().toISO() ?? '');
    if (options.log) process.stdout.write(`simulator: ${req.method} ${req.url}\n`);
    faults.apply(req, res, clock.now().toUTC().toISO() ?? '').then(
      (answered) => next(answered ? false : undefined),
      (error: unknown) => next(error as Error),
    );
  });

  const graph = createGraphHandler({
    state,
    verifier: identity.verifier,
    routes: [...pimRoutes(), ...roleDefinitionRoutes(), ...policyRoutes(), ...directoryRoutes()],
    requestLog,
    baseUrl: () => baseUrl,
  });
  for (const version of ['v1.0', 'beta']) {
    for (const method of ['get', 'post', 'patch', 'put', 'del'] as const) {
      server[method](`/${version}/*`, async (req: restify.Request, res: restify.Response) => graph(req, res));
    }
  }
  const control = createControlHandler({
    state,
    clock,
    faults,
    requestLog,
    initialSeed: () => initialSeed,
    resetIdentity: () => identity.reset(),
    issueToken: (opts) => identity.issueTokenForTests(opts),
  });
  for (const method of ['get', 'post', 'patch', 'del'] as const) {
    server[method]('/_sim/*', async (req: restify.Request, res: restify.Response) => control(req, res));
  }
  identity.registerRoutes(server);

  // Idle keep-alive sockets are closed by the client first (undici: 4 s), never by the server: a
  // server closing one just as a client reuses it is an ECONNRESET (seen when a test blocked the event
  // loop for seconds, e.g. generating another simulator's keys, between two requests).
  server.server.keepAliveTimeout = 65_000;
  server.server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    baseUrl,
    graphBaseUrl: baseUrl,
    authority: `${baseUrl}/${state.tenantId}`,
    get tenantId() {
      return state.tenantId;
    },
    clock,
    state,
    identity,
    requestLog,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections?.();
      }),
  };
}
