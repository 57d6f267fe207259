import {
  cardText,
  seedUsers,
  startBotHarness,
  type BotHarness,
  type SeedUser,
} from '../fixtures/bot-harness';
import { startCuttableProxy, type CuttableProxy } from '../fixtures/cuttable-tcp-proxy';
import { dropSchema, freshSchema } from '../integration/reconciler/support/postgres-schema';
import { record } from './figures';

/**
 * PostgreSQL outage mid-run (issue 14, "Evidence"), without stopping the shared server: Elevate
 * reaches PostgreSQL through a TCP proxy this test cuts (every connection dropped, new ones
 * refused) and restores. While it is cut, reminders come due and users keep writing. Then:
 * /readyz names the database as down in plain words, every message still gets an answer, the same
 * process recovers by itself, each reminder that came due is sent exactly once, and every audit
 * entry written before the outage is still there.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const users = [seedUsers.alex, seedUsers.taylor, seedUsers.jamie, seedUsers.casey];

let bot: BotHarness;
let proxy: CuttableProxy;
let schema: string;

beforeAll(async () => {
  if (!DATABASE_URL) return;
  const target = new URL(DATABASE_URL);
  proxy = await startCuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(DATABASE_URL);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  schema = freshSchema('outage');
  bot = await startBotHarness({ env: { DATABASE_URL: viaProxy.toString() }, storeSchema: schema });
});

afterAll(async () => {
  await bot?.close();
  await proxy?.close();
  if (DATABASE_URL && schema) await dropSchema(DATABASE_URL, schema);
});

async function readyz(): Promise<{ status: number; body: { message?: string } }> {
  const response = await fetch(`${bot.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { message?: string } };
}

const reminders = (user: SeedUser) =>
  bot.shown(bot.conversationId(user)).filter((m) => m.card && /Global Reader ends in/.test(cardText(m.card)));

test('PostgreSQL cut mid-run: /readyz says so, the bot recovers without restart, nothing is lost', async () => {
  if (!DATABASE_URL) {
    record({
      check: 'PostgreSQL outage mid-run',
      value: 'not run: TEST_DATABASE_URL is not set',
      bound: 'run with PostgreSQL',
      ok: false,
    });
    throw new Error(
      'Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) for the outage run.',
    );
  }
  // Before: each user activates a role for 30 minutes (a reminder is due 10 minutes before the end).
  for (const user of users) await bot.say(user, 'activate global reader for 30m because outage drill');
  await bot.elevate.scheduler.runOnce();
  const activated = users.filter((user) =>
    bot.sim.state.schedules.some(
      (s) => s.kind === 'assignment' && s.principalId === user.id && s.target.type === 'role',
    ),
  );
  const auditBefore = (await bot.elevate.store.audit.list({ limit: 1000 })).map((e) => e.id);

  // The outage: the reminders come due while the database is unreachable.
  proxy.cut();
  const down = await readyz();
  let answered = 0;
  let serverErrors = 0;
  for (const user of users) {
    const turn = await bot.say(user, 'status');
    if (turn.status >= 500) serverErrors += 1;
    if (turn.cards.length > 0 || turn.messages.some((m) => m.text)) answered += 1;
  }
  await bot.advance('PT21M');
  let failedPasses = 0;
  for (let i = 0; i < 3; i += 1) await bot.elevate.scheduler.runOnce().catch(() => (failedPasses += 1));
  const remindedDuringOutage = users.reduce((n, user) => n + reminders(user).length, 0);

  // Restored: the same process serves again.
  proxy.restore();
  const restoredAt = Date.now();
  let up = await readyz();
  while (up.status !== 200 && Date.now() - restoredAt < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    up = await readyz();
  }
  const recoverySeconds = (Date.now() - restoredAt) / 1000;
  const after = await bot.say(seedUsers.alex, 'status');
  for (let i = 0; i < 2; i += 1) await bot.elevate.scheduler.runOnce();
  const remindedOnce = activated.filter((user) => reminders(user).length === 1).length;
  const auditAfter = new Set((await bot.elevate.store.audit.list({ limit: 1000 })).map((e) => e.id));
  const auditLost = auditBefore.filter((id) => !auditAfter.has(id)).length;

  record({
    check: 'PostgreSQL outage: /readyz while cut',
    value: `${down.status} "${down.body.message ?? ''}"`,
    bound: '503 naming the database',
    ok: down.status === 503 && /database/.test(down.body.message ?? ''),
  });
  record({
    check: 'PostgreSQL outage: messages answered while cut (5xx)',
    value: `${answered}/${users.length} (${serverErrors})`,
    bound: `${users.length}/${users.length} (0)`,
    ok: answered === users.length && serverErrors === 0,
  });
  record({
    check: 'PostgreSQL outage: ready again after restore, same process',
    value: `${recoverySeconds.toFixed(1)} s`,
    bound: '≤ 10 s',
    ok: up.status === 200 && recoverySeconds <= 10,
  });
  record({
    check: 'PostgreSQL outage: reminders due while cut, sent once after',
    value: `${remindedOnce}/${activated.length} (${remindedDuringOutage} sent while cut; ${failedPasses} failed passes)`,
    bound: `${activated.length}/${activated.length}`,
    ok: activated.length > 0 && remindedOnce === activated.length,
  });
  record({
    check: 'PostgreSQL outage: audit entries lost',
    value: `${auditLost}/${auditBefore.length}`,
    bound: '0',
    ok: auditLost === 0 && auditBefore.length > 0,
  });
  expect(down.status).toBe(503);
  expect(down.body.message).toMatch(/database/);
  expect(serverErrors).toBe(0);
  expect(answered).toBe(users.length);
  expect(up.status).toBe(200);
  expect(cardText(after.card)).toContain('Global Reader');
  expect(activated.length).toBeGreaterThan(0);
  expect(remindedOnce).toBe(activated.length);
  expect(auditLost).toBe(0);
});
