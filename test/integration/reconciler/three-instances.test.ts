import { createLogger } from '../../../src/adapters/observability/logger';
import { createStore } from '../../../src/adapters/store/create-store';
import { startElevate, type RunningElevate } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config/config';
import type { Store } from '../../../src/ports/stores';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { cardText, freePort } from '../../fixtures/bot-harness';
import { startFakeConnector, type FakeConnector } from '../../fixtures/fake-connector';
import {
  dropSchema,
  freshSchema,
  SKIP_MESSAGE,
  TEST_DATABASE_URL,
  workItemCounts,
} from './support/postgres-schema';
import { installAppForSeedUsers, seedDueActivations } from './support/seed-activations';

const ACTIVATIONS = 300;
const describeWithPostgres = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) console.warn(SKIP_MESSAGE);

/** Three Elevate instances on one PostgreSQL, 300 activations whose reminders are due in the same minute. */
describeWithPostgres('reconciler: three instances on one PostgreSQL', () => {
  const url = TEST_DATABASE_URL as string;
  const schema = freshSchema('f6_three');
  let sim: RunningSimulator;
  let connector: FakeConnector;
  let store: Store;
  const instances: RunningElevate[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    connector = await startFakeConnector();
    const logger = createLogger({ level: 'silent' });
    for (let i = 0; i < 3; i += 1) {
      const config = loadConfig({
        PORT: String(await freePort()),
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
        // Passes are driven by the test, all three at once.
        RECONCILE_INTERVAL_SECONDS: '3600',
        PROACTIVE_SEND_RATE_PER_SECOND: '200',
      });
      instances.push(await startElevate(config, { logger, simulator: sim, storeSchema: schema }));
    }
    store = await createStore({ databaseUrl: url, sqlitePath: 'unused', schema, clock: sim.clock });
    await installAppForSeedUsers(store, connector.serviceUrl);
    seedDueActivations(sim, ACTIVATIONS);
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.stop(1_000);
    await store?.close();
    await connector?.close();
    await sim?.close();
    await dropSchema(url, schema);
  });

  it('delivers every reminder exactly once', async () => {
    const reminders = () => connector.sent().filter((c) => /ends in \d+ min/.test(cardText(c.body)));
    // Every instance reconciles and sends at the same time, twice.
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));

    const sent = reminders();
    expect(sent).toHaveLength(ACTIVATIONS);
    // Each user got exactly their share: 300 activations over 12 users = 25 each.
    const byConversation = new Map<string, number>();
    for (const call of sent) {
      byConversation.set(call.conversationId!, (byConversation.get(call.conversationId!) ?? 0) + 1);
    }
    expect([...byConversation.values()]).toEqual(new Array(12).fill(25));
    const counts = await workItemCounts(url, schema, 'reminder');
    expect(counts.byStatus).toEqual({ done: ACTIVATIONS });
    expect(counts.maxAttempts).toBe(1);
    console.log(
      `three instances: ${ACTIVATIONS} reminders due, ${sent.length} delivered, ` +
        `${sent.length - ACTIVATIONS} duplicates; sent per instance: ${Object.values(counts.byOwner).join(', ')}`,
    );
  }, 90_000);
});
