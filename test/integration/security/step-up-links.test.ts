import { activated, cardActions, cardText, seedUsers as u, useBotHarness } from '../../fixtures/bot-harness';
import { completeStepUpOverHttp } from '../../fixtures/step-up-over-http';
import { viewFor } from '../../fixtures/user-specific-views';
import { userPartition } from '../../../src/adapters/auth/partitioned-token-cache';

/**
 * Issue 14 defect 6 and issue 13 point 8: Verify links go to the requester privately; someone
 * else opening one is refused before its one use is spent; the "already used" page says what
 * happened.
 */
const bot = useBotHarness();

const linkOf = (card: unknown) => cardActions(card).find((a) => a.type === 'Action.OpenUrl')?.url;

test('in a channel the Verify link goes to the requester’s personal chat; the channel gets no link', async () => {
  await bot.say(u.riley, 'help');
  const turn = await bot.say(u.riley, 'activate privileged role admin for 1h because change 7', {
    where: 'channel',
  });
  const inChannel = turn.cards.map((card) => cardText(card)).join('\n');
  expect(inChannel).toContain('Elevate sent you a Verify link in your personal chat');
  expect(turn.cards.every((card) => linkOf(card) === undefined)).toBe(true);
  const personal = await bot.waitForCard(bot.conversationId(u.riley), "Verify it's you");
  expect(linkOf(personal.card)).toMatch(/\/auth\/step-up\?state=/);
});

test('a teammate opening the link is refused and does not spend it; the requester then completes it', async () => {
  const turn = await bot.say(u.chris, 'activate global admin for 30m because change 8');
  const url = linkOf(turn.card);
  if (!url) throw new Error(`no Verify link on:\n${cardText(turn.card)}`);
  const before = bot.sim.state.schedules.length;
  const cached = () => bot.elevate.store.tokenCache.read(userPartition(u.chris.id));
  const cacheBefore = await cached();

  const teammate = await completeStepUpOverHttp(url, u.alex);
  expect(teammate.title).toBe('Verification did not work');
  expect(teammate.message).toContain('different account');
  expect(bot.sim.state.schedules.length).toBe(before);
  // Nothing of the teammate's sign-in was kept: the requester's token cache was not written.
  expect(await cached()).toEqual(cacheBefore);

  const requester = await completeStepUpOverHttp(url, u.chris);
  expect(requester.title).toBe('Verified');
  await bot.waitForCard(bot.conversationId(u.chris), '✓ Global Administrator is active');

  const again = await completeStepUpOverHttp(url, u.chris);
  expect(again.status).toBe(409);
  expect(again.title).toBe('This link was already used');
  expect(again.message).toContain('Elevate did nothing this time');
  expect(again.message).not.toContain('The result was posted');
});

test('after the Verify link, the outcome in the channel names the requester; only their own view has Deactivate', async () => {
  const channel = bot.conversationId(u.riley, 'channel');
  const personal = bot.shown(bot.conversationId(u.riley)).filter((m) => linkOf(m.card));
  const url = linkOf(personal.at(-1)?.card);
  if (!url) throw new Error('no Verify link in Riley’s personal chat');
  expect((await completeStepUpOverHttp(url, u.riley)).title).toBe('Verified');
  const outcome = await bot.waitForCard(channel, activated('Privileged Role Administrator'));
  expect(cardText(outcome.card)).toContain("Riley Chen's request");
  expect(cardActions(outcome.card).map((a) => a.verb)).not.toContain('deactivate');
  const own = await viewFor(bot, u.riley, outcome);
  expect(cardActions(own).map((a) => a.verb)).toContain('deactivate');
});
