import { cardActions, cardText, type Card, useBotHarness } from '../../fixtures/bot-harness';

/*
 * Issue 13, defect 7: a refused click on a channel's approval card from an older Teams client
 * (Action.Submit, a message rather than an invoke) goes to the clicker privately. The shared card,
 * which everyone reads, stays as it was, and nothing is posted in the thread.
 */

const bot = useBotHarness();

/** The Action.Submit an older client sends for a button (the Action.Execute's fallback). */
function submitData(card: Card | undefined, verb: string): Record<string, unknown> {
  const fallback = cardActions(card).find((a) => a.type === 'Action.Submit' && a.data.verb === verb);
  if (!fallback) throw new Error(`no Action.Submit "${verb}" on the card:\n${cardText(card)}`);
  return fallback.data;
}

test('an old client’s refused Approve in a channel is told to the clicker alone; the thread is untouched', async () => {
  const { alex, jordan, priya, riley } = bot.users;
  const channel = bot.conversationId(alex, 'channel');
  await bot.say(alex, 'approvals here User Admin', { where: 'channel' });
  await bot.say(priya, 'help');
  // Dana, the approver, has not talked to Elevate: the shared copy keeps Approve / Deny for whoever presses.
  await bot.say(jordan, 'activate User Administrator for 1h because locked accounts ticket INC-81');
  const posted = await bot.waitForCard(channel, 'Jordan Lee requests User Administrator');
  const approve = submitData(posted.card, 'approve');
  const before = JSON.stringify(bot.shown(channel));
  const asked = { where: 'channel' as const, replyToId: posted.activityId };

  const byPriya = await bot.submit(priya, approve, asked);
  expect(byPriya.status).toBe(200);
  const toPriya = await bot.waitForCard(bot.conversationId(priya), /^Nothing was done on Jordan Lee's/m);
  expect(cardText(toPriya.card)).toContain("Nothing was done on Jordan Lee's User Administrator request");
  expect(cardText(toPriya.card)).toContain('You are not an approver for this request.');

  await bot.submit(jordan, approve, asked);
  const toJordan = await bot.waitForCard(bot.conversationId(jordan), /own request/);
  expect(cardText(toJordan.card)).toContain('You cannot approve or deny your own request.');
  // Jordan reads about his own request as his, not by his name.
  expect(cardText(toJordan.card)).toContain('Nothing was done on your User Administrator request');

  // The shared card and the thread are as they were: no error card, no update for everyone.
  expect(JSON.stringify(bot.shown(channel))).toBe(before);

  // Riley has no personal chat with Elevate: one line addressed to Riley, without the details.
  const byRiley = await bot.submit(riley, approve, asked);
  expect(byRiley.cards).toEqual([]);
  expect(byRiley.messages.map((m) => m.text)).toEqual([
    'Riley Chen, your click did nothing. Elevate tells you why only in a personal chat: open a chat with Elevate (search for it in Teams chat) and say "hi".',
  ]);
  expect(JSON.stringify(bot.shown(channel))).not.toMatch(/not an approver/);
  const pim = [...bot.sim.state.requests.values()].filter((r) => r.principalId === jordan.id);
  expect(pim.map((r) => r.status)).toEqual(['PendingApproval']);
});
