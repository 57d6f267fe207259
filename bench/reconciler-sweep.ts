import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Duration } from 'luxon';
import { systemClock } from '../src/adapters/clock/system-clock';
import { GraphDirectory } from '../src/adapters/graph/graph-directory';
import { GraphHttp } from '../src/adapters/graph/graph-http';
import { GraphPimGateway } from '../src/adapters/graph/graph-pim-gateway';
import { createLogger } from '../src/adapters/observability/logger';
import { createStore } from '../src/adapters/store/create-store';
import { ReconcileUseCase } from '../src/app/reconcile/reconcile.use-case';
import { ReminderLead } from '../src/app/reminders/reminder-lead';

/*
 * One reconcile sweep in a process of its own, so its CPU time and peak RSS are the sweep's:
 * `node dist/bench/reconciler-sweep.js N GRAPH_URL` against bench/servers/fake-graph-pages
 * (N activated instances, 999 a page), with Elevate's real Graph client, gateway, use case and a
 * fresh SQLite store. Prints one line: "sweep {json}".
 */
async function main(): Promise<void> {
  const [count, graphUrl] = process.argv.slice(2);
  const logger = createLogger({ level: 'warn' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-sweep-'));
  const store = await createStore({ sqlitePath: path.join(dir, 'sweep.sqlite'), logger });
  try {
    const http = new GraphHttp({ baseUrl: `${graphUrl}/n/${count}`, logger });
    const appToken = async () => 'bench-app-token';
    const directory = new GraphDirectory(http, appToken);
    const pim = new GraphPimGateway({ http, appToken, directory, clock: systemClock, logger });
    const reconcile = new ReconcileUseCase({
      pim,
      workItems: store.workItems,
      trackedRequests: store.trackedRequests,
      reminderLead: new ReminderLead(store.users, Duration.fromObject({ minutes: 10 })),
      clock: systemClock,
      tenantId: 'bench-tenant',
      recheckEvery: Duration.fromObject({ seconds: 60 }),
      log: logger,
    });
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const result = await reconcile.run();
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const line = {
      instances: result.snapshot.active.size,
      scheduled: result.scheduled,
      wallSeconds: wall,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`sweep ${JSON.stringify(line)}\n`);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sweep failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
