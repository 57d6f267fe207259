/**
 * The main journeys through Microsoft's local Teams client (M365 Agents Playground), driven in
 * headless chromium: Elevate in demo mode (its simulator tenant) behind the real playground UI.
 * The steps run in order and share one conversation, as one person's session would; each one
 * asserts on what the page shows and keeps a screenshot under test-results/e2e/.
 */
import type { Browser } from 'playwright-core';
import { resetArtifacts } from './support/artifacts';
import { launchChromium } from './support/browser';
import { startE2eStack, PERSONAL_CHAT_ID, type E2eStack } from './support/e2e-stack';
import { PlaygroundUi } from './support/playground-ui';

const WELCOME = 'Welcome to Elevate!';

let stack: E2eStack | undefined;
let browser: Browser | undefined;
let ui: PlaygroundUi;

beforeAll(async () => {
  resetArtifacts();
  stack = await startE2eStack();
  browser = await launchChromium();
  ui = await PlaygroundUi.open(browser, stack.playgroundUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 30_000);

/** Keeps a screenshot of the page as it was when a step failed. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await ui.screenshot(`FAILED-${name}`).catch(() => undefined);
    throw error;
  }
}

test('first contact: the welcome card once, and not again when the client reloads', async () => {
  await step('welcome', async () => {
    await ui.openConversation('Personal Chat');
    const { text } = await ui.waitForCard(WELCOME);
    expect(text).toContain('Say "roles" to see what you can activate.');
    // The client installs the app in the team when Alex first opens one of its channels; Elevate
    // records that channel and welcomes it. General is the approvals channel (APPROVALS_CHANNEL_ID).
    await ui.openConversation('General');
    await ui.waitForCard(WELCOME);

    const mark = ui.stream.mark();
    await ui.load();
    await ui.openConversation('Personal Chat');
    // The installation events of the reload reach Elevate; give it time to (wrongly) answer.
    await ui.page.waitForTimeout(3_000);
    expect(ui.stream.messages(PERSONAL_CHAT_ID).filter((m) => m.seq > mark)).toEqual([]);
    expect(await ui.countCards(WELCOME)).toBe(0);
    await ui.screenshot('reload-no-second-welcome');
  });
});

test('list roles: every eligible role with its limits, nothing active yet', async () => {
  await step('roles', async () => {
    await ui.say('roles');
    const { card, text } = await ui.waitForCard('Your PIM roles');
    expect(text).toContain('Alex Morgan');
    expect(text).toMatch(/Active now \(0\)/);
    expect(text).toMatch(/Eligible \(6\)/);
    for (const role of [
      'Application Administrator',
      'Exchange Administrator',
      'Global Administrator',
      'Global Reader',
      'Helpdesk Administrator',
      'User Administrator',
    ]) {
      expect(text).toContain(role);
    }
    expect(text).toContain('up to 1 h');
    expect(text).toContain('via group IT Helpdesk');
    expect(text).toContain('needs approval');
    await ui.screenshot('roles', card);
  });
});

test('activate a role with no requirements from the roles card', async () => {
  await step('activate-global-reader', async () => {
    const roles = ui.card('Your PIM roles');
    await ui.press(roles, 'Activate', 'Global Reader');
    const { card, text } = await ui.waitForCard('Global Reader is active');
    expect(text).toMatch(/Until /);
    await ui.waitForCard(/Global Reader is active[\s\S]*Effective now/, 60_000);
    await ui.screenshot('global-reader-active', card);
  });
});

test('activation refused for a too-long duration, then corrected', async () => {
  await step('too-long', async () => {
    await ui.say('activate Application Administrator for 2h');
    const { card, text } = await ui.waitForCard('can be activated for at most');
    expect(text).toContain('Cannot activate Application Administrator as asked');
    expect(text).toContain('Application Administrator can be activated for at most 1 h; you asked for 2 h.');
    expect(text).toContain('Ask for 1 h or less');
    expect(text).toContain('DURATION_TOO_LONG');
    await ui.screenshot('too-long-refused', card);
  });
  await step('corrected', async () => {
    await ui.say('activate Application Administrator for 1h');
    const { card, text } = await ui.waitForCard('Application Administrator is active');
    expect(text).toMatch(/Until /);
    await ui.screenshot('application-administrator-active', card);
  });
});
