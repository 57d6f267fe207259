import {
  activated,
  cardActions,
  cardText,
  seedUsers as u,
  type BotHarness,
  useBotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 14, defects 2 and 3: every input has a size limit, and one message can fan out to a
 * bounded number of roles. Each refusal is one clear answer, before any Graph call.
 */
const bot = useBotHarness({ env: { MAX_ROLES_PER_REQUEST: '10' } });

async function graphCallsDuring(run: () => Promise<unknown>): Promise<number> {
  await bot.control('DELETE', '/_sim/requests');
  await run();
  const { body } = await bot.control('GET', '/_sim/requests?path=/v1.0/');
  return (body as { value: unknown[] }).value.length;
}

test('a 50,000-character role name is refused with the limit, without Graph calls', async () => {
  let turn: Awaited<ReturnType<BotHarness['say']>> | undefined;
  const calls = await graphCallsDuring(async () => {
    turn = await bot.say(u.alex, `activate ${'x'.repeat(50_000)} for 1h`);
  });
  expect(turn?.status).toBe(200);
  expect(turn?.cards).toHaveLength(1);
  const text = cardText(turn?.card);
  expect(text).toContain('Your message is 50,016 characters long; Elevate reads commands of up to 4,000');
  expect(text).toContain('Send a shorter command');
  expect(calls).toBe(0);
});

test('a role name over 256 characters inside a short message is refused, naming the limit', async () => {
  const turn = await bot.say(u.alex, `deactivate ${'Global Reader '.repeat(30)}`);
  expect(cardText(turn.card)).toMatch(/role names have at most 256/);
  expect(turn.cards).toHaveLength(1);
});

test('activate with 1,000 role names gets one refusal, no Graph call and no other message', async () => {
  const names = Array.from({ length: 1000 }, () => 'r').join(',');
  let turn: Awaited<ReturnType<BotHarness['say']>> | undefined;
  const calls = await graphCallsDuring(async () => {
    turn = await bot.say(u.alex, `activate ${names}`);
  });
  expect(turn?.messages).toHaveLength(1);
  const text = cardText(turn?.card);
  expect(text).toContain('You named 1,000 roles in one request; Elevate can activate up to 10 at a time.');
  expect(text).toContain('Split them into requests of 10 roles or fewer');
  expect(calls).toBe(0);
});

test('deactivate with 11 role names is refused the same way', async () => {
  const names = Array.from({ length: 11 }, (_, i) => `role ${i}`).join(', ');
  const turn = await bot.say(u.alex, `deactivate ${names}`);
  expect(turn.messages).toHaveLength(1);
  expect(cardText(turn.card)).toContain('Elevate can deactivate up to 10 at a time');
});

test('deactivate of several roles is answered in one card', async () => {
  const turn = await bot.say(u.alex, 'deactivate Global Reader, Helpdesk Administrator, Nope Role');
  expect(turn.messages).toHaveLength(1);
  const text = cardText(turn.card);
  expect(text).toContain('Global Reader');
  expect(text).toContain('Helpdesk Administrator');
  expect(text).toContain('Nope Role');
});

test('activate of several roles is answered in one card, each role with its own outcome and buttons', async () => {
  const turn = await bot.say(
    u.priya,
    'activate Exchange Admin, teams admin, nope role for 1h because mail flow ticket INC-1',
  );
  expect(turn.messages).toHaveLength(1);
  const text = cardText(turn.card);
  expect(text).toMatch(activated('Exchange Administrator'));
  expect(text).toMatch(activated('Teams Administrator'));
  expect(text).toContain('nope role');
  // Each role keeps its own buttons (a Deactivate for one role is not folded into the other's).
  const deactivates = cardActions(turn.card).filter((a) => a.verb === 'deactivate');
  expect(new Set(deactivates.map((a) => JSON.stringify(a.data))).size).toBe(deactivates.length);
  // "Effective now" updates that one card in place, keeping both roles on it.
  const updated = await bot.waitForUpdate(turn.messages[0].activityId, /Effective now[\s\S]*Effective now/);
  expect(cardText(updated.card)).toContain('Teams Administrator');
  expect(bot.shown(bot.conversationId(u.priya)).length).toBe(turn.messages.length);
});

test('a justification over 500 characters from the form is refused with the limit', async () => {
  const turn = await bot.say(u.alex, `activate Global Reader for 1h because ${'y'.repeat(600)}`);
  expect(cardText(turn.card)).toMatch(/500/);
});
