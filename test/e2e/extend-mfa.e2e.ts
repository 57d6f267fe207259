/**
 * Global Administrator, whose policy needs MFA, activated and then extended from its reminder in
 * Microsoft's local Teams client (issue 11, defect 1: Extend on an MFA role used to take the role
 * away). Alex verifies in a browser tab the way a person does (the Verify button opens the sign-in
 * page: password, then the code the MFA page shows). Nothing is taken away while Alex verifies;
 * then the role is deactivated and activated again, and both cards end on the new end once PIM
 * reports it effective. Screenshots under test-results/e2e/ (extend-mfa-*).
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/artifacts';
import { advanceSimulatorClock } from './support/playground-api';
import { cardText } from './support/conversation-stream';
import { useE2eSession } from './support/e2e-session';

const ALEX = { id: '1c6746ba-c423-483e-9f30-18038d766593', upn: 'alex.morgan@contoso.example' };
const RECONCILE_INTERVAL_SECONDS = 2;
const STEP_UP_PATH = '/auth/step-up?state=';

const s = useE2eSession({
  prefix: 'extend-mfa-',
  stack: { reconcileIntervalSeconds: RECONCILE_INTERVAL_SECONDS },
});

/** The Verify button's link (Action.OpenUrl) on the newest card showing `text`. */
async function verifyLink(text: RegExp, after: number): Promise<string> {
  const message = await s.ui.stream.waitForMessage(
    `a Verify card showing ${String(text)}`,
    (m) => m.seq > after && m.cards.some((c) => text.test(cardText(c)) && openUrlOf(c) !== undefined),
    { timeoutMs: 60_000 },
  );
  return openUrlOf(message.cards.find((c) => openUrlOf(c) !== undefined))!;
}

function openUrlOf(card: unknown): string | undefined {
  const found = JSON.stringify(card ?? {}).match(/"type":"Action\.OpenUrl"[^}]*?"url":"([^"]+)"/);
  return found?.[1];
}

/** The Verify link inside a response body (JSON, so it ends at the next quote). */
function stepUpLinkIn(body: string): string {
  const at = body.indexOf(STEP_UP_PATH);
  if (at < 0) throw new Error('no Verify link in the response');
  const start = body.lastIndexOf('http', at);
  return body.slice(start, body.indexOf('"', at));
}

/**
 * Opens the Verify link in a browser tab and signs in there as Alex (password, then the code the
 * MFA page shows). The playground does not open Action.OpenUrl links itself (Teams opens them in
 * the person's browser), so the tab is opened with the card's link, as that browser would.
 */
async function verifyInBrowserTab(link: string, shot: string): Promise<Page> {
  const tab = await s.browser.newPage();
  await tab.goto(link);
  await tab.waitForLoadState();
  await tab.locator('input[name=username]').fill(ALEX.upn);
  await tab.locator('input[name=password]').fill('demo');
  await tab.getByRole('button', { name: 'Sign in' }).click();
  const code = (await tab.locator('#mfa-code').innerText()).trim();
  await tab.locator('input[name=otc]').fill(code);
  await tab.screenshot({ path: artifactPath(`extend-mfa-${shot}-mfa-page.png`) });
  await tab.getByRole('button', { name: 'Verify' }).click();
  await tab.locator('#message').waitFor();
  await tab.screenshot({ path: artifactPath(`extend-mfa-${shot}-done-page.png`) });
  return tab;
}

/** Alex's active Global Administrator assignments in the simulator tenant (GET /_sim/state). */
async function activeGlobalAdmin(): Promise<{ start: string; end: string | null }[]> {
  const response = await fetch(`${s.stack.simulatorUrl}/_sim/state`);
  const state = (await response.json()) as {
    activeAssignments: { principalId: string; target: string; start: string; end: string | null }[];
  };
  return state.activeAssignments
    .filter((a) => a.principalId === ALEX.id && a.target.startsWith('Global Administrator'))
    .map(({ start, end }) => ({ start, end }));
}

test('Global Administrator (MFA): activate with Verify, then Extend from the reminder keeps the role', async () => {
  await s.step('activate', async () => {
    await s.ui.openConversation('Personal Chat');
    const mark = s.ui.stream.mark();
    await s.ui.say('activate global admin for 1h because e2e incident bridge');
    const { card, text } = await s.ui.waitForCard(/Verify/);
    await s.ui.screenshot('extend-mfa-verify-card', card);
    expect(text).toMatch(/Global Administrator/);
    const tab = await verifyInBrowserTab(await verifyLink(/Global Administrator/, mark), 'activate');
    expect(await tab.locator('#message').innerText()).not.toMatch(/error|failed/i);
    await tab.close();
    const active = await s.ui.waitForCard(/Global Administrator is active[\s\S]*Effective now/, 60_000);
    await s.ui.screenshot('extend-mfa-active', active.card);
  });
  await s.step('extend', async () => {
    const [first] = await activeGlobalAdmin();
    await advanceSimulatorClock(s.stack.simulatorUrl, 'PT52M');
    const { card, text } = await s.ui.waitForCard(/Global Administrator ends in/, 60_000);
    await s.ui.screenshot('extend-mfa-reminder', card);
    // The reminder says what Extend will do for this role: verify first, take nothing away meanwhile.
    expect(text).toMatch(/Extend asks you to verify it’s you first \(multi-factor authentication/);
    // The Verify card answers the Extend press (the invoke response), which the client draws in
    // place of the reminder; the link is read from that response, as the client reads it.
    const answer = s.ui.page.waitForResponse(async (r) =>
      (await r.text().catch(() => '')).includes(STEP_UP_PATH),
    );
    await s.ui.press(card, 'Extend');
    const verify = await s.ui.waitForCard(/Verify it's you to extend Global Administrator/);
    await s.ui.screenshot('extend-mfa-verify-to-extend', verify.card);
    // While Alex verifies, the role is held as before.
    expect(await activeGlobalAdmin()).toEqual([first]);
    const tab = await verifyInBrowserTab(stepUpLinkIn(await (await answer).text()), 'extend');
    expect(await tab.locator('#message').innerText()).toMatch(/extend/i);
    await tab.close();
    // The extension is a new activation: PIM provisions it (the demo tenant takes 3 s), then the
    // card that answered the Extend says so. It is the newest card on the page.
    const newest = s.ui.page.locator('.ac-adaptiveCard').last();
    await newest.filter({ hasText: 'Effective now' }).waitFor({ timeout: 60_000 });
    await s.ui.screenshot('extend-mfa-extended', newest);
    const after = await activeGlobalAdmin();
    expect(after).toHaveLength(1);
    expect(Date.parse(after[0].end!)).toBeGreaterThan(Date.parse(first.end!) + 30 * 60_000);
    await s.ui.screenshot('extend-mfa-extended-page');
  });
});
