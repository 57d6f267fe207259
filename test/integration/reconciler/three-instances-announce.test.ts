import { Duration } from 'luxon';
import { createLogger } from '../../../src/adapters/observability/logger';
import { createStore } from '../../../src/adapters/store/create-store';
import { startElevate, type RunningElevate } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config/config';
import type { Store } from '../../../src/ports/stores';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import demoTenant from '../../../src/simulator/seed/demo-tenant.json';
import { cardText, freePort } from '../../fixtures/bot-harness';
import { startFakeConnector, type FakeConnector } from '../../fixtures/fake-connector';
import {
  dropSchema,
  freshSchema,
  SKIP_MESSAGE,
  TEST_DATABASE_URL,
  workItemCounts,
} from './support/postgres-schema';
import { installAppForSeedUsers, TENANT_ID } from './support/seed-activations';

const ACTIVATIONS = 24;
const CHANNELS = ['19:incidents-a@thread.tacv2', '19:incidents-b@thread.tacv2'];
const describeWithPostgres = TEST_DATABASE_URL ? describe : describe.skip;
if (!TEST_DATABASE_URL) console.warn(SKIP_MESSAGE);

/**
 * Three Elevate instances on one PostgreSQL (a schema of their own), two channels subscribed to
 * every privileged role, activations made in the portal: each is announced once per channel,
 * however the instances race, and its card is edited (never re-posted) when it ends.
 */
describeWithPostgres('announcements: three instances on one PostgreSQL', () => {
  const url = TEST_DATABASE_URL as string;
  const schema = freshSchema('f7_announce');
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
    for (const conversationId of CHANNELS) {
      await store.conversations.upsertForConversation({
        conversationId,
        tenantId: TENANT_ID,
        serviceUrl: connector.serviceUrl,
        reference: {
          serviceUrl: connector.serviceUrl,
          channelId: 'msteams',
          conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT_ID },
          bot: { id: '28:elevate-demo-bot', name: 'Elevate' },
        },
      });
      await store.channelRoutes.add({
        conversationId,
        tenantId: TENANT_ID,
        purpose: 'announce',
        roleId: '*',
        roleName: 'all privileged roles',
        createdBy: demoTenant.users[0].id,
      });
    }
    // Activations made in the portal, spread over people and roles.
    for (let i = 0; i < ACTIVATIONS; i += 1) {
      const response = await fetch(`${sim.baseUrl}/_sim/activations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          principalId: demoTenant.users[i % demoTenant.users.length].id,
          roleDefinitionId: demoTenant.roleDefinitions[i % demoTenant.roleDefinitions.length].id,
          duration: 'PT30M',
          justification: `Incident drill ${i}`,
        }),
      });
      expect(response.status).toBe(201);
    }
  }, 90_000);

  afterAll(async () => {
    for (const instance of instances) await instance.stop(1_000);
    await store?.close();
    await connector?.close();
    await sim?.close();
    await dropSchema(url, schema);
  });

  const announcementsIn = (conversationId: string) =>
    connector
      .sent()
      .filter((c) => c.conversationId === conversationId && /Active until/.test(cardText(c.body)));

  it('posts each activation once per subscribed channel, and edits the same card when it ends', async () => {
    // Every instance reconciles and sends at the same time, twice.
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));

    for (const channel of CHANNELS) {
      const posted = announcementsIn(channel);
      expect(posted).toHaveLength(ACTIVATIONS);
      // One card per activation: holder and role differ for each.
      const headers = posted.map((c) => /^.+ · .+$/m.exec(cardText(c.body))?.[0]);
      expect(new Set(headers).size).toBe(ACTIVATIONS);
    }
    const counts = await workItemCounts(url, schema, 'announce');
    expect(counts.byStatus).toEqual({ done: ACTIVATIONS });
    expect(counts.maxAttempts).toBe(1);

    // They end: every card reads "ended", edited in place; nothing new is posted.
    const postsBefore = connector.sent().filter((c) => CHANNELS.includes(c.conversationId ?? '')).length;
    sim.clock.advance(Duration.fromObject({ minutes: 31 }));
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));
    await Promise.all(instances.map((i) => i.scheduler.runOnce()));
    const postsAfter = connector.sent().filter((c) => CHANNELS.includes(c.conversationId ?? '')).length;
    expect(postsAfter).toBe(postsBefore);
    const ended = connector
      .updates()
      .filter((c) => CHANNELS.includes(c.conversationId ?? '') && /Ended: expired at/.test(cardText(c.body)));
    expect(new Set(ended.map((c) => c.activityId)).size).toBe(ACTIVATIONS * CHANNELS.length);
    console.log(
      `three instances: ${ACTIVATIONS} portal activations × ${CHANNELS.length} channels, ` +
        `${postsBefore} posted (${postsBefore - ACTIVATIONS * CHANNELS.length} duplicates), ` +
        `${ended.length} "ended" edits; announce items per instance: ${Object.values(counts.byOwner).join(', ')}`,
    );
  }, 120_000);
});
