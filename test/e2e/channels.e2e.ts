/**
 * An on-call channel in Microsoft's local Teams client (M365 Agents Playground), driven in headless
 * chromium: the Incidents channel subscribes to a role, an activation made in the personal chat is
 * announced there, `who` shows it, and both cards read that it ended once it has. Each step
 * asserts on what the page shows and keeps a screenshot under test-results/e2e/ (channels-*).
 */
import { cardText } from './support/conversation-stream';
import { INCIDENTS_CHANNEL_ID } from './support/e2e-stack';
import { advanceSimulatorClock } from './support/playground-api';
import { useE2eSession } from './support/e2e-session';

const RECONCILE_INTERVAL_SECONDS = 2;
const ANNOUNCED = /Alex Morgan · Exchange Administrator/;

const s = useE2eSession({
  prefix: 'channels-',
  keepConversationStream: true,
  stack: { reconcileIntervalSeconds: RECONCILE_INTERVAL_SECONDS },
});

/** A message the bot posted at the top of Incidents (not a reply in someone's thread). */
const inIncidents = (match: RegExp) => (m: { conversationId: string; cards: Record<string, unknown>[] }) =>
  m.conversationId === INCIDENTS_CHANNEL_ID && m.cards.some((c) => match.test(cardText(c)));

test('Incidents subscribes; an activation from the personal chat is announced there, on the board, and both read "ended"', async () => {
  await s.step('subscribe', async () => {
    await s.ui.openConversation('Incidents');
    await s.ui.post('On call this week: mail platform');
    await s.ui.replyMentioningElevate('subscribe Exchange Administrator');
    const said = await s.ui.waitForText(/subscribed to Exchange Administrator/);
    expect(said).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await s.ui.screenshot('channels-subscribed');
  });

  const announcedMark = s.ui.stream.mark();
  await s.step('activate-in-personal-chat', async () => {
    await s.ui.openConversation('Personal Chat');
    await s.ui.say('activate Exchange Administrator for 30m because mail queue backlog ticket INC-12');
    const { card } = await s.ui.waitForCard('Exchange Administrator is active');
    await s.ui.screenshot('channels-activated-in-personal-chat', card);
  });

  let announcementId = '';
  await s.step('announced-in-incidents', async () => {
    const announced = await s.ui.stream.waitForMessage(
      'the announcement in Incidents',
      inIncidents(ANNOUNCED),
      { since: announcedMark, timeoutMs: 60_000 },
    );
    announcementId = announced.messageId;
    await s.ui.openConversation('Incidents');
    const { card, text } = await s.ui.waitForCard(ANNOUNCED);
    expect(text).toMatch(/Active until \d\d:\d\d (today|tomorrow) \(/);
    expect(text).toContain('mail queue backlog');
    expect(text).toContain('INC-12');
    await s.ui.screenshot('channels-announced', card);
  });

  await s.step('who', async () => {
    await s.ui.replyMentioningElevate('who');
    const { card, text } = await s.ui.waitForCard(/Who holds what[\s\S]*Alex Morgan/);
    expect(text).toMatch(/Exchange Administrator/);
    expect(text).toMatch(/All times in /);
    expect(text).toContain('INC-12');
    await s.ui.screenshot('channels-board', card);
  });

  await s.step('both-read-ended', async () => {
    // The reconciler must have seen the activation before the clock passes its end.
    await s.ui.page.waitForTimeout(3 * RECONCILE_INTERVAL_SECONDS * 1_000);
    const ending = s.ui.stream.mark();
    await advanceSimulatorClock(s.stack.simulatorUrl, 'PT31M');
    const ended = await s.ui.stream.waitForMessage(
      'the announcement reading ended',
      (m) => m.messageId === announcementId && m.cards.some((c) => /Ended: expired at/.test(cardText(c))),
      { since: ending, timeoutMs: 60_000 },
    );
    expect(ended.messageId).toBe(announcementId);
    const { card, text } = await s.ui.waitForCard(
      /Alex Morgan · Exchange Administrator[\s\S]*Ended: expired at/,
    );
    expect(text).toMatch(/\(active from /);
    await s.ui.screenshot('channels-announcement-ended', card);
    const board = await s.ui.waitForCard(
      /Who holds what[\s\S]*Nobody holds a privileged role right now/,
      60_000,
    );
    await s.ui.screenshot('channels-board-ended', board.card);
    // One card per activation and one board: edited in place, never posted again.
    expect(await s.ui.countCards(ANNOUNCED)).toBe(1);
    expect(await s.ui.countCards(/Who holds what/)).toBe(1);
    await s.ui.screenshot('channels-incidents');
  });
});
