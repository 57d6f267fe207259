import { seedUsers as u, startBotHarness, type BotHarness, type SeedUser } from '../../fixtures/bot-harness';

/**
 * Issue 16: every flow leaves the expected audit entries (action and outcome, with actor, role,
 * scope, justification, ticket, conversation and the turn's Graph client-request-id). One table;
 * each row is a flow run through /api/messages as a person would.
 */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => bot?.close());

interface FlowRow {
  flow: string;
  user: SeedUser;
  run(user: SeedUser): Promise<void>;
  /** `action outcome`, oldest first, of the entries this flow left for the user. */
  expected: string[];
  /** Checked against the last entry. */
  last?: Record<string, unknown>;
}

const rows: FlowRow[] = [
  {
    flow: 'activate (no approval): activated, with justification and ticket',
    user: u.taylor,
    run: async (user) =>
      void (await bot.say(user, 'activate global reader for 1h because on call ticket INC-7')),
    expected: ['activation.activated succeeded'],
    last: { roleName: 'Global Reader', scopeName: 'Directory', justification: 'on call', ticket: 'INC-7' },
  },
  {
    flow: 'activate refused locally (duration below the policy minimum)',
    user: u.riley,
    run: async (user) => void (await bot.say(user, 'activate application admin for 2m')),
    expected: ['request.refused refused'],
    last: { reason: expect.stringMatching(/^DURATION_TOO_SHORT/) },
  },
  {
    flow: 'deactivate within five minutes of activating: refused, saying why',
    user: u.alex,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 1h because check');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'request.refused refused'],
    last: { reason: expect.stringMatching(/^DEACTIVATE_TOO_SOON/), roleName: 'Global Reader' },
  },
  {
    flow: 'activate, then deactivate after five minutes',
    user: u.avery,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 30m because check');
      await bot.advance('PT6M');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'activation.deactivated succeeded'],
    last: { roleName: 'Global Reader' },
  },
];

test.each(rows.map((row) => [row.flow, row] as const))('%s', async (_flow, row) => {
  const before = await bot.elevate.store.audit.search({ userId: row.user.id, limit: 1000 });
  await row.run(row.user);
  const after = await bot.elevate.store.audit.search({ userId: row.user.id, limit: 1000 });
  const added = after.slice(0, after.length - before.length).reverse();
  expect(added.map((e) => `${e.action} ${e.outcome}`)).toEqual(row.expected);
  for (const entry of added) {
    expect(entry).toMatchObject({
      actorId: row.user.id,
      actorName: row.user.displayName,
      principalId: row.user.id,
      conversationId: bot.conversationId(row.user),
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  }
  if (row.last) expect(added[added.length - 1]).toMatchObject(row.last);
});
