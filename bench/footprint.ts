import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, rssMb, sleep, startNode, waitForHttp, waitForLine, type Child } from './support/processes';
import type { Results } from './support/results';

const RUNS = 3;
/** How long a process sits idle before its RSS is read. */
const IDLE_MS = 3_000;

interface Footprint {
  readyMs: number;
  idleRssMb: number;
}

/** Start-up to ready (GET /readyz answers 200) and idle RSS: Elevate with the simulator out of process and in, and the echo bot. */
export async function measureFootprint(results: Results): Promise<void> {
  const section = 'footprint (demo mode)';
  const simPort = await freePort();
  const simulator = startNode('src/simulator/cli.js', {}, ['--port', String(simPort)]);
  try {
    await waitForLine(simulator, /ready in/);
    const outside = await median(() => elevate({ SIMULATOR_URL: `http://127.0.0.1:${simPort}` }));
    const inside = await median(async () => elevate({ SIMULATOR_PORT: String(await freePort()) }), 1);
    const echo = await median(async () => {
      const port = await freePort();
      return measure(
        startNode('bench/servers/echo-bot.js', { PORT: String(port) }),
        `http://127.0.0.1:${port}/healthz`,
      );
    }, 1);
    results.add({
      section,
      figure: 'start-up to ready, simulator out of process',
      value: outside.readyMs / 1000,
      unit: 's',
      goal: '≤ 1 s',
      met: outside.readyMs <= 1000,
      note: `median of ${RUNS} starts`,
    });
    results.add({
      section,
      figure: 'idle RSS, simulator out of process',
      value: outside.idleRssMb,
      unit: 'MB',
      goal: '≤ 100 MB',
      met: outside.idleRssMb <= 100,
    });
    results.add({
      section,
      figure: 'start-up to ready, simulator in process',
      value: inside.readyMs / 1000,
      unit: 's',
    });
    results.add({ section, figure: 'idle RSS, simulator in process', value: inside.idleRssMb, unit: 'MB' });
    results.add({
      section,
      figure: 'echo bot: start-up to listening / idle RSS',
      value: `${(echo.readyMs / 1000).toFixed(2)} s / ${echo.idleRssMb.toFixed(0)}`,
      unit: 'MB',
    });
  } finally {
    await simulator.stop();
  }
}

async function elevate(env: Record<string, string>): Promise<Footprint> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-footprint-'));
  const port = await freePort();
  try {
    return await measure(
      startNode('src/main.js', {
        PORT: String(port),
        HOST: '127.0.0.1',
        SQLITE_PATH: path.join(dir, 'e.sqlite'),
        ...env,
      }),
      `http://127.0.0.1:${port}/readyz`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(child: Child, readyUrl: string): Promise<Footprint> {
  const started = performance.now();
  try {
    const readyMs = await waitForHttp(readyUrl, started, child);
    await sleep(IDLE_MS);
    return { readyMs, idleRssMb: rssMb(child.pid).rss };
  } finally {
    await child.stop();
  }
}

async function median(run: () => Promise<Footprint>, runCount = RUNS): Promise<Footprint> {
  const runs: Footprint[] = [];
  for (let i = 0; i < runCount; i += 1) runs.push(await run());
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { readyMs: mid(runs.map((r) => r.readyMs)), idleRssMb: mid(runs.map((r) => r.idleRssMb)) };
}
