import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../src/adapters/store/create-store';
import type { Store } from '../../../src/ports/stores';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { cardText, freePort } from '../../fixtures/bot-harness';
import { record } from '../../reliability/figures';
import { startFakeConnector, type FakeConnector } from '../../fixtures/fake-connector';
import {
  dropSchema,
  freshSchema,
  SKIP_MESSAGE,
  TEST_DATABASE_URL,
  workItemCounts,
} from './support/postgres-schema';
import { installAppForSeedUsers, seedDueActivations } from './support/seed-activations';
import { childEnv, transpileForChild } from './support/transpile-child';

const ACTIVATIONS = 300;
/** Reminders each instance has in flight at once: a kill can repeat at most that many. */
const SEND_CONCURRENCY = 8;
const describeWithPostgres = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) console.warn(SKIP_MESSAGE);

/**
 * Three instances in their own processes; one is SIGKILLed while it is sending reminders and then
 * restarted. Every reminder is still delivered; duplicates are at most what the killed instance had
 * in flight (SEND_CONCURRENCY) per kill.
 */
describeWithPostgres('reconciler: an instance killed while sending', () => {
  const url = TEST_DATABASE_URL as string;
  const schema = freshSchema('f6_kill');
  const outDir = mkdtempSync(join(tmpdir(), 'elevate-f6-child-'));
  let entry: string;
  let sim: RunningSimulator;
  let connector: FakeConnector;
  let store: Store;
  const children = new Set<ChildProcess>();
  /** Warnings and errors the instances wrote (shown when the test fails). */
  const childLogs: string[] = [];

  const startInstance = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [entry], {
      env: childEnv({
        SIM_URL: sim.baseUrl,
        SIM_TENANT_ID: sim.tenantId,
        DATABASE_URL: url,
        STORE_SCHEMA: schema,
        PORT: String(await freePort()),
        SEND_CONCURRENCY: String(SEND_CONCURRENCY),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
      childLogs.push(chunk.toString());
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`instance exited with ${code} before it was ready:\n${errors}`)),
      );
    });
    return child;
  };

  beforeAll(async () => {
    entry = transpileForChild(outDir, 'test/integration/reconciler/support/instance-child.ts');
    sim = await startSimulator({ port: 0 });
    connector = await startFakeConnector();
    store = await createStore({ databaseUrl: url, sqlitePath: 'unused', schema, clock: sim.clock });
    await installAppForSeedUsers(store, connector.serviceUrl);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await store?.close();
    await connector?.close();
    await sim?.close();
    await dropSchema(url, schema);
    rmSync(outDir, { recursive: true, force: true });
  });

  it('delivers every reminder after a SIGKILL and restart; duplicates are at most the sends in flight per kill', async () => {
    const reminders = () => connector.sent().filter((c) => /ends in \d+ min/.test(cardText(c.body)));
    const instances = [await startInstance(), await startInstance(), await startInstance()];
    seedDueActivations(sim, ACTIVATIONS);

    // Kill one instance while the fleet is sending.
    await connector
      .waitFor(() => reminders().length >= 30, 30_000)
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${childLogs.join('').slice(0, 4000)}`);
      });
    const victim = instances[0];
    const exited = new Promise((resolve) => victim.once('exit', resolve));
    victim.kill('SIGKILL');
    await exited;
    const kills = 1;
    const sentAtKill = reminders().length;
    instances[0] = await startInstance();

    // Its claimed items come back when their 3-second lease runs out.
    const deadline = Date.now() + 45_000;
    let counts = await workItemCounts(url, schema, 'reminder');
    while ((counts.byStatus.done ?? 0) < ACTIVATIONS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counts = await workItemCounts(url, schema, 'reminder');
    }
    expect(counts.byStatus).toEqual({ done: ACTIVATIONS });
    const delivered = reminders().length;
    const duplicates = delivered - ACTIVATIONS;
    console.log(
      `SIGKILL test: kills=${kills}, reminders due=${ACTIVATIONS}, delivered=${delivered} ` +
        `(${sentAtKill} before the kill), duplicates=${duplicates}`,
    );
    // Run from `npm run test:reliability`: the figure goes into its table too.
    if (process.env.RELIABILITY_FIGURES_FILE) {
      record({
        check: 'SIGKILL while sending reminders, then restart: delivered (duplicates)',
        value: `${delivered}/${ACTIVATIONS} (${duplicates}; ${sentAtKill} sent before the kill)`,
        // The guarantee (README): at most one duplicate per reminder in flight at the kill.
        bound: `≥ ${ACTIVATIONS}/${ACTIVATIONS} (≤ ${kills * SEND_CONCURRENCY})`,
        ok: delivered >= ACTIVATIONS && duplicates <= kills * SEND_CONCURRENCY,
      });
    }
    expect(delivered).toBeGreaterThanOrEqual(ACTIVATIONS);
    expect(duplicates).toBeLessThanOrEqual(kills * SEND_CONCURRENCY);
    // Each user got at least their 25.
    const perUser = new Map<string, number>();
    for (const call of reminders())
      perUser.set(call.conversationId!, (perUser.get(call.conversationId!) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n >= 25)).toBe(true);
  }, 120_000);
});
