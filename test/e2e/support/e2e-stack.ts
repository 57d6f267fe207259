import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { artifactPath } from './artifacts';
import { LoggedProcess } from './child-process';
import { freePort } from './free-port';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ELEVATE_MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

/** The seed tenant's General channel of "Contoso Ops" (its id is the team id): the approvals channel. */
export const GENERAL_CHANNEL_ID = '19:contoso-ops-general@thread.tacv2';
export const INCIDENTS_CHANNEL_ID = '19:contoso-ops-incidents@thread.tacv2';
export const PERSONAL_CHAT_ID = 'personal-chat-alex';

export interface E2eStack {
  /** Elevate's own origin (http://127.0.0.1:port). */
  botUrl: string;
  /** The simulator tenant's origin; its control API lives under /_sim/. */
  simulatorUrl: string;
  /** The local Teams client (what a person opens in the browser). */
  playgroundUrl: string;
  elevate: LoggedProcess;
  playground: LoggedProcess;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Reconciler interval: short, so reminders follow the simulator clock within seconds. */
  reconcileIntervalSeconds?: number;
  /** Prefix of the process log files under test-results/e2e (one per test file), default none. */
  logPrefix?: string;
}

/**
 * Elevate in demo mode (its own simulator tenant, a temporary SQLite file) plus the M365 Agents
 * Playground pointed at it, all on free ports so a developer's `npm start` / `npm run playground`
 * keeps running. Needs `dist/` (npm run test:e2e builds it first).
 */
export async function startE2eStack(options: StackOptions = {}): Promise<E2eStack> {
  if (!fs.existsSync(ELEVATE_MAIN)) {
    throw new Error(
      `${path.relative(ROOT, ELEVATE_MAIN)} is missing: run "npm run build" (npm run test:e2e does)`,
    );
  }
  const [botPort, simulatorPort, playgroundPort] = await distinctFreePorts(3);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-e2e-'));

  const elevate = LoggedProcess.start('elevate', [ELEVATE_MAIN], {
    cwd: ROOT,
    logFile: artifactPath(`${options.logPrefix ?? ''}elevate.log`),
    env: {
      ...process.env,
      // Empty values win over a developer's .env (dotenv never overrides): demo mode, SQLite.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppTenantId: '',
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: String(botPort),
      SIMULATOR_PORT: String(simulatorPort),
      // As `npm start`: PIM takes 3 s to provision, so cards show "activating…" before "active".
      SIMULATOR_REALISM: 'demo',
      SQLITE_PATH: path.join(dataDir, 'elevate.sqlite'),
      LOG_LEVEL: 'info',
      RECONCILE_INTERVAL_SECONDS: String(options.reconcileIntervalSeconds ?? 2),
      APPROVALS_CHANNEL_ID: GENERAL_CHANNEL_ID,
    },
  });
  const botUrl = `http://127.0.0.1:${botPort}`;
  const playground = LoggedProcess.start('playground', [PLAYGROUND_CLI, 'start', '--disable-telemetry'], {
    cwd: ROOT,
    logFile: artifactPath(`${options.logPrefix ?? ''}playground.out.log`),
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      TEAMSAPPTESTER_PORT: String(playgroundPort),
      BOT_ENDPOINT: `${botUrl}/api/messages`,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: artifactPath(`${options.logPrefix ?? ''}playground.log`),
    },
  });

  const stop = async () => {
    await Promise.all([playground.stop(), elevate.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      'Elevate /healthz',
      [elevate, playground],
      async () => (await get(`${botUrl}/healthz`))?.status === 200,
    );
    await waitUntil(
      'the playground /_debug/ping',
      [elevate, playground],
      async () => (await get(`http://127.0.0.1:${playgroundPort}/_debug/ping`))?.body === 'pong',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    botUrl,
    simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
    playgroundUrl: `http://localhost:${playgroundPort}`,
    elevate,
    playground,
    stop,
  };
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

/** Polls `check`; fails at once, with the log tail, when one of the processes has exited. */
async function waitUntil(
  what: string,
  processes: LoggedProcess[],
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of processes) {
      if (child.exit !== undefined) {
        throw new Error(
          `${child.name} stopped (${child.exit}) while waiting for ${what}; its log (${child.logFile}) ends with:\n${child.logTail()}`,
        );
      }
    }
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
