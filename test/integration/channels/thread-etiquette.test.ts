import {
  cardText,
  findAction,
  refusalBeside,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/*
 * Issue 13, defect 7 (channel etiquette): a card the whole channel reads says whose request it is,
 * and a teammate's press of someone else's button is refused to them alone, in plain words.
 */

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
}, 60_000);
afterAll(async () => bot?.close());

const activeFor = (userId: string) =>
  bot.sim.state.schedules.filter(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === userId &&
      s.target.type === 'role' &&
      s.target.roleDefinitionId === GLOBAL_READER &&
      bot.sim.state.isActive(s),
  );

test("a channel's activation card names whose it is; a teammate's Deactivate is refused privately, in plain words", async () => {
  const { alex, taylor } = bot.users;
  const asked = await bot.say(alex, 'activate Global Reader for 1h', { where: 'channel' });
  const card = asked.card;
  expect(cardText(card)).toContain('✓ Global Reader is active');
  expect(cardText(card)).toContain("Alex Morgan's request. Its buttons act only for Alex Morgan.");

  // Once effective, the thread card becomes the channel's "who holds what" card (no buttons); a
  // teammate may still press the Deactivate of the first version.
  const posted = asked.messages.at(-1)!.activityId;
  await bot.waitForUpdate(posted, 'Active until');
  await bot.advance('PT6M');
  const channel = bot.conversationId(alex, 'channel');
  const shownBefore = JSON.stringify(bot.shown(channel));
  const pressed = await bot.execute(taylor, 'deactivate', findAction(card, 'deactivate').data, {
    where: 'channel',
    replyToId: posted,
  });
  const note = refusalBeside(pressed);
  expect(note).toContain(
    'This button is on a card Elevate made for someone else, and it acts only for them.',
  );
  expect(note).not.toMatch(/wrongActor|sent to someone else/);
  // Only Taylor reads it: nothing new in the channel, and Alex still holds the role.
  expect(JSON.stringify(bot.shown(channel))).toBe(shownBefore);
  expect(activeFor(alex.id)).toHaveLength(1);
});

test('a personal chat card does not name its reader', async () => {
  const { taylor } = bot.users;
  const asked = await bot.say(taylor, 'activate Global Reader for 1h');
  expect(cardText(asked.card)).toContain('✓ Global Reader is active');
  expect(cardText(asked.card)).not.toContain("'s request");
});
