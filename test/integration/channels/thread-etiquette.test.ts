import {
  activated,
  cardActions,
  cardText,
  findAction,
  refusalBeside,
  teamsUserId,
  useBotHarness,
} from '../../fixtures/bot-harness';
import { refreshOf, viewFor } from '../../fixtures/user-specific-views';

/*
 * Issue 13, defect 7 (channel etiquette): a card the whole channel reads says whose request it is
 * and carries none of the requester's buttons; the requester's Teams client shows them their own
 * card (user-specific views), and a teammate's press of someone else's button is refused to them
 * alone, in plain words.
 */

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

const bot = useBotHarness();

const activeFor = (userId: string) =>
  bot.sim.state.schedules.filter(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === userId &&
      s.target.type === 'role' &&
      s.target.roleDefinitionId === GLOBAL_READER &&
      bot.sim.state.isActive(s),
  );

const verbsOn = (card: unknown) => cardActions(card).map((a) => a.verb);

test("a channel's activation card names whose it is and shows no one the requester's buttons; the requester's view has them", async () => {
  const { alex, taylor } = bot.users;
  const asked = await bot.say(alex, 'activate Global Reader for 1h', { where: 'channel' });
  const posted = asked.messages.at(-1)!;
  const shared = posted.card!;
  expect(cardText(shared)).toMatch(activated('Global Reader'));
  expect(cardText(shared)).toContain("Alex Morgan's request");
  expect(verbsOn(shared)).not.toContain('deactivate');
  // Teams asks Elevate for Alex's own view (user-specific views): his card, with his Deactivate.
  expect(refreshOf(shared)?.userIds).toEqual([teamsUserId(alex.id)]);
  const own = await viewFor(bot, alex, posted);
  expect(verbsOn(own)).toContain('deactivate');
  expect(cardText(own)).not.toContain("Alex Morgan's request");
  // A teammate whose client invokes the refresh anyway gets the shared copy.
  const taylorsView = await bot.execute(
    taylor,
    refreshOf(shared)!.action.verb,
    refreshOf(shared)!.action.data,
    {
      where: 'channel',
      replyToId: posted.activityId,
    },
  );
  expect(cardText(taylorsView.card)).toContain("Alex Morgan's request");
  expect(verbsOn(taylorsView.card)).not.toContain('deactivate');

  // Once effective, the thread card becomes the channel's "who holds what" card (no buttons).
  await bot.waitForUpdate(posted.activityId, 'Active until');
  await bot.advance('PT6M');
  const channel = bot.conversationId(alex, 'channel');
  const shownBefore = JSON.stringify(bot.shown(channel));
  // Even with Alex's button data in hand, a teammate's press is refused to them alone, in plain words.
  const pressed = await bot.execute(taylor, 'deactivate', findAction(own, 'deactivate').data, {
    where: 'channel',
    replyToId: posted.activityId,
  });
  const note = refusalBeside(pressed);
  expect(note).toContain(
    'This button is on a card Elevate made for someone else, and it acts only for them.',
  );
  expect(note).not.toMatch(/wrongActor|sent to someone else/);
  expect(JSON.stringify(bot.shown(channel))).toBe(shownBefore);
  expect(activeFor(alex.id)).toHaveLength(1);
});

test('the requester deactivates from their own view of a channel card', async () => {
  const { taylor } = bot.users;
  const conversationId = '19:channel-own-view@thread.tacv2';
  const asked = await bot.say(taylor, 'activate Global Reader for 1h', { where: 'channel', conversationId });
  const posted = asked.messages.at(-1)!;
  const own = await viewFor(bot, taylor, posted);
  await bot.advance('PT6M');
  const pressed = await bot.execute(taylor, 'deactivate', findAction(own, 'deactivate').data, {
    where: 'channel',
    conversationId,
    replyToId: posted.activityId,
  });
  expect(pressed.status).toBe(200);
  expect(activeFor(taylor.id)).toHaveLength(0);
});

test('a pending request in a channel: the shared copy has no Cancel; the requester’s view does, and it cancels', async () => {
  const { jordan, priya } = bot.users;
  const conversationId = '19:channel-pending-view@thread.tacv2';
  const asked = await bot.say(jordan, 'activate User Administrator for 1h because onboarding', {
    where: 'channel',
    conversationId,
  });
  const posted = asked.messages.at(-1)!;
  expect(cardText(posted.card)).toContain("Jordan Lee's request");
  // The shared copy speaks of Jordan, not to the reader.
  expect(cardText(posted.card)).toContain('Jordan Lee gets a message as soon as someone decides.');
  expect(cardText(posted.card)).not.toMatch(/\byou\b/i);
  expect(verbsOn(posted.card)).not.toContain('cancel');
  expect(await viewFor(bot, priya, posted)).toBe(posted.card);
  const own = await viewFor(bot, jordan, posted);
  expect(cardText(own)).toContain('You will get a message as soon as someone decides.');
  const cancelled = await bot.execute(jordan, 'cancel', findAction(own, 'cancel').data, {
    where: 'channel',
    conversationId,
    replyToId: posted.activityId,
  });
  expect(cancelled.status).toBe(200);
  const pim = [...bot.sim.state.requests.values()].filter((r) => r.principalId === jordan.id);
  expect(pim.map((r) => r.status)).toContain('Canceled');
});

test('a personal chat card does not name its reader', async () => {
  const { taylor } = bot.users;
  const asked = await bot.say(taylor, 'activate Global Reader for 1h');
  expect(cardText(asked.card)).toMatch(activated('Global Reader'));
  expect(cardText(asked.card)).not.toContain("'s request");
});

test('a refresh whose data was changed draws nothing', async () => {
  const { alex } = bot.users;
  const conversationId = '19:channel-tampered-view@thread.tacv2';
  const asked = await bot.say(alex, 'activate Global Reader for 1h', { where: 'channel', conversationId });
  const refresh = refreshOf(asked.messages.at(-1)!.card)!;
  const view = { ...(refresh.action.data.view as Record<string, unknown>), roleName: 'Global Administrator' };
  const forged = await bot.execute(
    alex,
    refresh.action.verb,
    { ...refresh.action.data, view },
    {
      where: 'channel',
      conversationId,
    },
  );
  expect(cardText(forged.card)).not.toContain('Global Administrator');
  expect(forged.note ?? cardText(forged.card)).toContain('it was changed after Elevate sent it');
});
