import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demoTenant from '../src/simulator/seed/demo-tenant.json';
import { activity, load, rotation, type BenchUser, type LoadResult } from './support/load';
import { cpuMs, freePort, startNode, waitForHttp, waitForLine, type Child } from './support/processes';
import type { Results } from './support/results';

const TENANT_ID = demoTenant.tenant.id;
const USERS: BenchUser[] = demoTenant.users.map((u) => ({ id: u.id, name: u.displayName }));
/** The role the activate + deactivate loop uses, for every seed user who may activate it directly. */
const LOOP_ROLE = 'global reader';

export interface ChatPathOptions {
  seconds: number;
  /** PostgreSQL for Elevate's store, else a fresh SQLite file. */
  databaseUrl?: string;
  /** Also measure the echo baseline (once per run). */
  baseline?: LoadResult;
}

interface Target {
  url: string;
  pid: number;
}

/** Starts the connector and the simulator (out of process) for the chat path; both stop with `stop()`. */
export async function startBackends(): Promise<{
  connector: string;
  simulator: string;
  simPid: number;
  stop: () => Promise<void>;
}> {
  const connector = startNode('bench/servers/connector.js', {});
  const simPort = await freePort();
  const simulator = startNode('src/simulator/cli.js', {}, ['--port', String(simPort)]);
  const [connectorUrl] = await Promise.all([
    waitForLine(connector, /connector ready (\S+)/).then((m) => m[1]),
    waitForLine(simulator, /ready in/),
  ]);
  return {
    connector: connectorUrl,
    simulator: `http://127.0.0.1:${simPort}`,
    simPid: simulator.pid,
    stop: async () => {
      await Promise.all([connector.stop(), simulator.stop()]);
    },
  };
}

/** The echo bot on the same botbuilder + restify: the baseline every chat figure is compared with. */
export async function measureEcho(results: Results, connector: string, seconds: number): Promise<LoadResult> {
  const echo = startNode('bench/servers/echo-bot.js', {});
  try {
    const url = (await waitForLine(echo, /echo ready (\S+)/))[1];
    const next = rotation(USERS);
    const body = () =>
      activity(next(), connector, { type: 'message', text: 'help', textFormat: 'plain' }, TENANT_ID);
    await load(url, body, 2, 10);
    const before = cpuMs(echo.pid);
    const result = await load(url, body, seconds);
    const cpu = (cpuMs(echo.pid) - before) / result.turns;
    const section = 'chat: echo baseline';
    results.add({ section, figure: 'throughput', value: result.perSecond, unit: 'turns/s' });
    results.add({ section, figure: 'p50 / p95 / p99', value: latencies(result), unit: 'ms' });
    results.add({ section, figure: 'CPU per turn', value: cpu, unit: 'ms' });
    return result;
  } finally {
    await echo.stop();
  }
}

/** Elevate (demo mode, simulator out of process via SIMULATOR_URL): help, roles, status, a card click, activate + deactivate. */
export async function measureElevate(
  results: Results,
  backends: { connector: string; simulator: string; simPid: number },
  echo: LoadResult,
  options: ChatPathOptions,
): Promise<void> {
  const store = options.databaseUrl ? 'PostgreSQL' : 'SQLite';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-bench-'));
  const port = await freePort();
  const elevate = startNode('src/main.js', {
    PORT: String(port),
    HOST: '127.0.0.1',
    SIMULATOR_URL: backends.simulator,
    SQLITE_PATH: path.join(dir, 'elevate.sqlite'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const target: Target = { url: `http://127.0.0.1:${port}`, pid: elevate.pid };
  try {
    await waitForHttp(`${target.url}/healthz`, performance.now(), elevate);
    const say = (user: BenchUser, text: string) =>
      activity(user, backends.connector, { type: 'message', text, textFormat: 'plain' }, TENANT_ID);
    // Every user once, so each has a conversation, a profile and a roles card with a Refresh button.
    const refreshData = new Map<string, Record<string, unknown>>();
    for (const user of USERS) {
      await post(target.url, say(user, 'roles'));
      const card = await lastCard(backends.connector, `a:bench-${user.id}`);
      const refresh = findExecute(card, 'refresh');
      if (refresh) refreshData.set(user.id, refresh);
    }
    const clickers = USERS.filter((u) => refreshData.has(u.id));
    if (clickers.length === 0)
      throw new Error('no roles card with a Refresh button came back; is the bot answering?');

    const text = (words: string) => {
      const next = rotation(USERS);
      return () => say(next(), words);
    };
    const nextClicker = rotation(clickers);
    const click = () => {
      const user = nextClicker();
      return activity(
        user,
        backends.connector,
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'refresh', data: refreshData.get(user.id) } },
        },
        TENANT_ID,
      );
    };
    const section = `chat: Elevate, ${store}`;
    const scenarios: [string, () => Record<string, unknown>, 'help' | 'graph'][] = [
      ['help', text('help'), 'help'],
      ['roles', text('roles'), 'graph'],
      ['status', text('status'), 'graph'],
      ['card click (Refresh on the roles card)', click, 'graph'],
    ];
    for (const [name, next, kind] of scenarios) {
      await load(target.url, next, 2, 10);
      const cpu0 = cpuMs(target.pid);
      const sim0 = cpuMs(backends.simPid);
      const result = await load(target.url, next, options.seconds);
      const cpu = (cpuMs(target.pid) - cpu0) / result.turns;
      const simCpu = (cpuMs(backends.simPid) - sim0) / result.turns;
      const ratio = result.perSecond / echo.perSecond;
      const ratioGoal = kind === 'help' ? 0.8 : 0.4;
      const cpuGoal = kind === 'help' ? 2 : 5;
      results.add({
        section,
        figure: `${name}: throughput`,
        value: result.perSecond,
        unit: `turns/s (${ratio.toFixed(2)} × echo)`,
        goal: `≥ ${ratioGoal} × echo`,
        met: ratio >= ratioGoal,
        note: result.errors ? `${result.errors} errors` : undefined,
      });
      results.add({
        section,
        figure: `${name}: p50 / p95 / p99`,
        value: latencies(result),
        unit: 'ms',
        goal: `p99 ≤ 2 × echo (${(2 * echo.p99).toFixed(0)})`,
        met: result.p99 <= 2 * echo.p99,
      });
      results.add({
        section,
        figure: `${name}: Elevate CPU per turn`,
        value: cpu,
        unit: `ms (simulator ${simCpu.toFixed(2)} ms)`,
        goal: `≤ ${cpuGoal} ms`,
        met: cpu <= cpuGoal,
      });
    }
    await activateDeactivate(results, section, target, backends, options.seconds);
  } finally {
    await elevate.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Activate then deactivate in rounds: every user who may activate the loop role directly does so
 * at once, the simulator's clock moves 6 minutes (PIM refuses a deactivation in the first 5), then
 * all deactivate. A bounded loop (rounds until `seconds` have passed, at most 40), not autocannon:
 * each turn depends on the previous one.
 */
async function activateDeactivate(
  results: Results,
  section: string,
  target: Target,
  backends: { connector: string; simulator: string; simPid: number },
  seconds: number,
): Promise<void> {
  const say = (user: BenchUser, text: string) =>
    activity(user, backends.connector, { type: 'message', text, textFormat: 'plain' }, TENANT_ID);
  const activate = (u: BenchUser) => say(u, `activate ${LOOP_ROLE} for 1h because benchmark INC-1`);
  const deactivate = (u: BenchUser) => say(u, `deactivate ${LOOP_ROLE}`);
  const advance = () =>
    fetch(`${backends.simulator}/_sim/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT6M' }),
    }).then((r) => r.arrayBuffer());
  // Who may activate it directly (no approval, no step-up)?
  const users: BenchUser[] = [];
  for (const user of USERS) {
    await post(target.url, activate(user));
    // "is activating…" while PIM provisions it, "is active" once it is usable: either way it was activated.
    if (
      /is (active|activating)/.test(JSON.stringify(await lastCard(backends.connector, `a:bench-${user.id}`)))
    )
      users.push(user);
  }
  await advance();
  await Promise.all(users.map((u) => post(target.url, deactivate(u))));
  if (users.length === 0) {
    results.add({
      section,
      figure: 'activate + deactivate',
      value: 'not measured',
      unit: '',
      note: 'no seed user may activate it directly',
    });
    return;
  }
  const times: number[] = [];
  let failures = 0;
  const cpu0 = cpuMs(target.pid);
  const started = performance.now();
  for (let round = 0; round < 40 && performance.now() - started < seconds * 1000; round += 1) {
    const activated = await Promise.all(users.map((u) => post(target.url, activate(u))));
    await advance();
    const deactivated = await Promise.all(users.map((u) => post(target.url, deactivate(u))));
    await advance();
    for (const r of [...activated, ...deactivated]) {
      times.push(r.ms);
      if (r.status !== 200) failures += 1;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (cpuMs(target.pid) - cpu0) / times.length;
  const sorted = times.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)];
  results.add({
    section,
    figure: `activate + deactivate (${users.length} users in rounds): throughput`,
    value: times.length / elapsed,
    unit: 'turns/s',
    note: `${times.length} turns${failures ? `, ${failures} failed` : ''}; bounded by rounds and the clock moves, not comparable with 50 connections`,
  });
  results.add({
    section,
    figure: 'activate + deactivate: p50 / p95 / p99',
    value: `${at(50).toFixed(0)} / ${at(95).toFixed(0)} / ${at(99).toFixed(0)}`,
    unit: 'ms',
  });
  results.add({
    section,
    figure: 'activate + deactivate: Elevate CPU per turn',
    value: cpu,
    unit: 'ms',
    goal: '≤ 5 ms',
    met: cpu <= 5,
  });
}

async function post(url: string, body: Record<string, unknown>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function lastCard(connector: string, conversationId: string): Promise<unknown> {
  const response = await fetch(`${connector}/_last?conversation=${encodeURIComponent(conversationId)}`);
  return response.json();
}

/** The data of the first Action.Execute with `verb` anywhere in `node`. */
function findExecute(node: unknown, verb: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (record.type === 'Action.Execute' && record.verb === verb) return record.data as Record<string, unknown>;
  for (const value of Object.values(record)) {
    const found = findExecute(value, verb);
    if (found) return found;
  }
  return undefined;
}

function latencies(r: LoadResult): string {
  return `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} / ${r.p99.toFixed(0)}`;
}

export type { Child };
