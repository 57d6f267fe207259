import { AuditActions } from '../../../src/domain/audit/audit-actions';
import { seedUsers as u, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';

/**
 * Issue 16: an activation the reconciler sees that Elevate did not make (activated in the Entra
 * portal, through the simulator's control API) leaves exactly one `activation.observed` entry,
 * however many passes see it; one Elevate made leaves none.
 */
let bot: BotHarness;
beforeAll(async () => {
  // No pass of its own (the interval is wall time): each test runs the reconciler when it means to.
  bot = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
});
afterAll(async () => bot?.close());

const observed = async (userId: string) =>
  (await bot.elevate.store.audit.search({ userId, limit: 1000 })).filter(
    (e) => e.action === AuditActions.activationObserved,
  );

async function passes(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await bot.advance('PT1M');
    await bot.elevate.scheduler.runOnce();
  }
}

test('a portal activation is audited once, with who, which role and scope, and when it was seen', async () => {
  const response = await bot.control('POST', '/_sim/activations', {
    principalId: u.priya.id,
    roleDefinitionId: EXCHANGE_ADMIN,
    duration: 'PT30M',
    justification: 'Mail flow outage',
  });
  expect(response.status).toBe(201);
  await bot.elevate.scheduler.runOnce();
  // Not judged in the pass that first sees it: Elevate's own requests are recorded just after PIM accepts them.
  expect(await observed(u.priya.id)).toHaveLength(0);

  await passes(4);
  const entries = await observed(u.priya.id);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    outcome: 'succeeded',
    actorId: u.priya.id,
    actorName: u.priya.displayName,
    principalId: u.priya.id,
    roleId: EXCHANGE_ADMIN,
    roleName: 'Exchange Administrator',
    scopeId: '/',
    scopeName: 'Directory',
  });
  expect(entries[0].details).toMatchObject({
    instanceId: expect.any(String),
    endAt: expect.any(String),
    seenAt: expect.any(String),
  });

  // It ends: the expiry is audited as before, and still one observation.
  await bot.advance('PT30M');
  await passes(2);
  expect(await observed(u.priya.id)).toHaveLength(1);
  const expired = (await bot.elevate.store.audit.search({ userId: u.priya.id, limit: 1000 })).filter(
    (e) => e.action === AuditActions.activationExpired,
  );
  expect(expired).toHaveLength(1);
});

test('an activation Elevate made is not audited as observed', async () => {
  await bot.say(u.taylor, 'activate global reader for 1h because on call ticket INC-9');
  const activated = (await bot.elevate.store.audit.search({ userId: u.taylor.id, limit: 1000 })).filter(
    (e) => e.action === AuditActions.activationActivated,
  );
  expect(activated).toHaveLength(1);
  await bot.elevate.scheduler.runOnce();
  await passes(3);
  expect(await observed(u.taylor.id)).toHaveLength(0);
  // The reconciler did see it and checked it (the simulator names an instance <schedule id>-1).
  const schedule = bot.sim.state.schedules.find(
    (s) => s.principalId === u.taylor.id && s.assignmentType === 'Activated',
  );
  expect(schedule).toBeDefined();
  expect(await bot.elevate.store.workItems.get(`observed:${schedule!.id}-1`)).toMatchObject({
    status: 'done',
  });
});
