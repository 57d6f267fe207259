/**
 * An on-call channel in Microsoft's local Teams client (M365 Agents Playground), driven in headless
 * chromium: the Incidents channel subscribes to a role, an activation made in the personal chat is
 * announced there, `who` shows it, and both cards read that it ended once it has. Each step
 * asserts on what the page shows and keeps a screenshot under test-results/e2e/ (channels-*).
 */
import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, artifactPath } from './support/artifacts';
import { launchChromium } from './support/browser';
import { cardText } from './support/conversation-stream';
import { startE2eStack, INCIDENTS_CHANNEL_ID, type E2eStack } from './support/e2e-stack';
import { advanceSimulatorClock } from './support/playground-api';
import { PlaygroundUi } from './support/playground-ui';

const RECONCILE_INTERVAL_SECONDS = 2;
const ANNOUNCED = /Alex Morgan · Exchange Administrator/;

let stack: E2eStack | undefined;
let browser: Browser | undefined;
let ui: PlaygroundUi;

beforeAll(async () => {
  // This file's own artifacts only (journeys.e2e.ts keeps its own in the same folder).
  for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
    if (/(^|-)channels-/.test(file)) fs.rmSync(path.join(ARTIFACTS_DIR, file), { force: true });
  }
  stack = await startE2eStack({
    reconcileIntervalSeconds: RECONCILE_INTERVAL_SECONDS,
    logPrefix: 'channels-',
  });
  browser = await launchChromium();
  ui = await PlaygroundUi.open(browser, stack.playgroundUrl);
}, 120_000);

afterAll(async () => {
  if (ui)
    fs.writeFileSync(
      artifactPath('channels-conversation-stream.json'),
      JSON.stringify(ui.stream.allFrames(), null, 1),
    );
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 30_000);

/** Keeps a screenshot of the page as it was when a step failed. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await ui.screenshot(`channels-FAILED-${name}`).catch(() => undefined);
    throw error;
  }
}

/** A message the bot posted at the top of Incidents (not a reply in someone's thread). */
const inIncidents = (match: RegExp) => (m: { conversationId: string; cards: Record<string, unknown>[] }) =>
  m.conversationId === INCIDENTS_CHANNEL_ID && m.cards.some((c) => match.test(cardText(c)));

test('Incidents subscribes; an activation from the personal chat is announced there, on the board, and both read "ended"', async () => {
  await step('subscribe', async () => {
    await ui.openConversation('Incidents');
    await ui.post('On call this week: mail platform');
    await ui.replyMentioningElevate('subscribe Exchange Administrator');
    const said = await ui.waitForText(/subscribed to Exchange Administrator/);
    expect(said).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await ui.screenshot('channels-subscribed');
  });

  const announcedMark = ui.stream.mark();
  await step('activate-in-personal-chat', async () => {
    await ui.openConversation('Personal Chat');
    await ui.say('activate Exchange Administrator for 30m because mail queue backlog ticket INC-12');
    const { card } = await ui.waitForCard('Exchange Administrator is active');
    await ui.screenshot('channels-activated-in-personal-chat', card);
  });

  let announcementId = '';
  await step('announced-in-incidents', async () => {
    const announced = await ui.stream.waitForMessage(
      'the announcement in Incidents',
      inIncidents(ANNOUNCED),
      { since: announcedMark, timeoutMs: 60_000 },
    );
    announcementId = announced.messageId;
    await ui.openConversation('Incidents');
    const { card, text } = await ui.waitForCard(ANNOUNCED);
    expect(text).toMatch(/Active until \d\d:\d\d today \(/);
    expect(text).toContain('mail queue backlog');
    expect(text).toContain('INC-12');
    await ui.screenshot('channels-announced', card);
  });

  await step('who', async () => {
    await ui.replyMentioningElevate('who');
    const { card, text } = await ui.waitForCard(/Who holds what[\s\S]*Alex Morgan/);
    expect(text).toMatch(/Exchange Administrator/);
    expect(text).toMatch(/All times in /);
    expect(text).toContain('INC-12');
    await ui.screenshot('channels-board', card);
  });

  await step('both-read-ended', async () => {
    // The reconciler must have seen the activation before the clock passes its end.
    await ui.page.waitForTimeout(3 * RECONCILE_INTERVAL_SECONDS * 1_000);
    const ending = ui.stream.mark();
    await advanceSimulatorClock(stack!.simulatorUrl, 'PT31M');
    const ended = await ui.stream.waitForMessage(
      'the announcement reading ended',
      (m) => m.messageId === announcementId && m.cards.some((c) => /Ended: expired at/.test(cardText(c))),
      { since: ending, timeoutMs: 60_000 },
    );
    expect(ended.messageId).toBe(announcementId);
    const { card, text } = await ui.waitForCard(
      /Alex Morgan · Exchange Administrator[\s\S]*Ended: expired at/,
    );
    expect(text).toMatch(/\(active from /);
    await ui.screenshot('channels-announcement-ended', card);
    const board = await ui.waitForCard(
      /Who holds what[\s\S]*Nobody holds a privileged role right now/,
      60_000,
    );
    await ui.screenshot('channels-board-ended', board.card);
    // One card per activation and one board: edited in place, never posted again.
    expect(await ui.countCards(ANNOUNCED)).toBe(1);
    expect(await ui.countCards(/Who holds what/)).toBe(1);
    await ui.screenshot('channels-incidents');
  });
});
