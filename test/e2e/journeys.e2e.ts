/**
 * The main journeys through Microsoft's local Teams client (M365 Agents Playground), driven in
 * headless chromium: Elevate in demo mode (its simulator tenant) behind the real playground UI.
 * The steps run in order and share one conversation, as one person's session would; each one
 * asserts on what the page shows and keeps a screenshot under test-results/e2e/.
 */
import { findExecuteAction } from './support/conversation-stream';
import { GENERAL_CHANNEL_ID, PERSONAL_CHAT_ID } from './support/e2e-stack';
import { advanceSimulatorClock, pressCardButtonAs } from './support/playground-api';
import { useE2eSession } from './support/e2e-session';

const WELCOME = 'Welcome to Elevate!';
/** Dana Schmidt (seed tenant and playground config): the named approver of User Administrator. */
const DANA_ID = '0d8b9967-e192-4fc1-b1a9-af3904e16f7a';

/** Reconciler interval for the run: reminders follow the simulator clock within seconds. */
const RECONCILE_INTERVAL_SECONDS = 2;

/** The message id of the card that answered in the Incidents thread. */
let threadCardId: string | undefined;

const s = useE2eSession({
  keepConversationStream: true,
  stack: { reconcileIntervalSeconds: RECONCILE_INTERVAL_SECONDS },
});

test('first contact: the welcome card once, and not again when the client reloads', async () => {
  await s.step('welcome', async () => {
    await s.ui.openConversation('Personal Chat');
    const { text } = await s.ui.waitForCard(WELCOME);
    expect(text).toContain('Say "roles" to see what you can activate.');
    // The client installs the app in the team when Alex first opens one of its channels; Elevate
    // records that channel and welcomes it. General is the approvals channel (APPROVALS_CHANNEL_ID).
    await s.ui.openConversation('General');
    await s.ui.waitForCard(WELCOME);

    const mark = s.ui.stream.mark();
    await s.ui.load();
    await s.ui.openConversation('Personal Chat');
    // The installation events of the reload reach Elevate; give it time to (wrongly) answer.
    await s.ui.page.waitForTimeout(3_000);
    expect(s.ui.stream.messages(PERSONAL_CHAT_ID).filter((m) => m.seq > mark)).toEqual([]);
    expect(await s.ui.countCards(WELCOME)).toBe(0);
    await s.ui.screenshot('reload-no-second-welcome');
  });
});

test('list roles: every eligible role with its limits, nothing active yet', async () => {
  await s.step('roles', async () => {
    await s.ui.say('roles');
    const { card, text } = await s.ui.waitForCard('Your PIM roles');
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
    await s.ui.screenshot('roles', card);
  });
});

test('activate a role with no requirements from the roles card', async () => {
  await s.step('activate-global-reader', async () => {
    const roles = s.ui.card('Your PIM roles');
    await s.ui.press(roles, 'Activate', 'Global Reader');
    // The demo tenant provisions in 3 s (SIMULATOR_REALISM=demo), as PIM takes seconds: the card
    // reads "activating…" until the assignment is visible, then "active" (F16).
    const granted = await s.ui.waitForCard('Global Reader is activating…');
    expect(granted.text).toMatch(/Until /);
    expect(granted.text).not.toContain('is active');
    await s.ui.screenshot('global-reader-activating', granted.card);
    const { card, text } = await s.ui.waitForCard(/✓ Global Reader is active[\s\S]*Effective now/, 60_000);
    expect(text).toMatch(/Until /);
    await s.ui.screenshot('global-reader-active', card);
  });
});

test('activation refused for a too-long duration, then corrected', async () => {
  await s.step('too-long', async () => {
    await s.ui.say('activate Application Administrator for 2h');
    const { card, text } = await s.ui.waitForCard('can be activated for at most');
    expect(text).toContain('Cannot activate Application Administrator as asked');
    expect(text).toContain('Application Administrator can be activated for at most 1 h; you asked for 2 h.');
    expect(text).toContain('Ask for 1 h or less');
    expect(text).toContain('DURATION_TOO_LONG');
    await s.ui.screenshot('too-long-refused', card);
  });
  await s.step('corrected', async () => {
    await s.ui.say('activate Application Administrator for 1h');
    const { card, text } = await s.ui.waitForCard('Application Administrator is active');
    expect(text).toMatch(/Until /);
    await s.ui.screenshot('application-administrator-active', card);
  });
});

test('activate a role that needs approval; the approver approves in the channel; the requester sees it', async () => {
  const requested = s.ui.stream.mark();
  await s.step('request-approval', async () => {
    await s.ui.say('activate User Administrator for 1h because e2e approval journey');
    const { card, text } = await s.ui.waitForCard('Waiting for approval');
    expect(text).toContain('User Administrator needs approval. Asked: Dana Schmidt.');
    expect(text).toContain('e2e approval journey');
    await s.ui.screenshot('user-administrator-pending', card);
  });

  await s.step('approve-as-dana', async () => {
    const approvalCard = await s.ui.stream.waitForMessage(
      'the approval card in the approvals channel (General)',
      (m) =>
        m.conversationId === GENERAL_CHANNEL_ID &&
        m.cards.some((c) => findExecuteAction(c, 'refreshApproval')),
      { since: requested },
    );
    await s.ui.openConversation('General');
    // The shared copy reads the state for everyone; approver and requester get their own views.
    const { card, text } = await s.ui.waitForCard('Alex Morgan requests User Administrator');
    expect(text).toContain('e2e approval journey');
    expect(text).toContain('Waiting for a decision by Dana Schmidt');
    await s.ui.screenshot('approval-card-in-channel', card);

    // Dana is not the playground's current user, and the playground has no user-specific views:
    // her client's automatic refresh (refresh.userIds) and her click go through the client's API.
    const where = {
      userId: DANA_ID,
      // In a channel the card lives in its post's conversation, as the UI's own click sends it.
      conversationId: approvalCard.postConversationId ?? GENERAL_CHANNEL_ID,
      messageId: approvalCard.messageId,
    };
    const viewFor = findExecuteAction(approvalCard.cards[0], 'refreshApproval');
    if (!viewFor) throw new Error('the approval card has no user-specific view');
    const danaView = await pressCardButtonAs(s.stack.playgroundUrl, { ...where, action: viewFor });
    const approve = findExecuteAction(danaView, 'approve');
    if (!approve) throw new Error('Dana’s view of the approval card has no Approve button');
    await pressCardButtonAs(s.stack.playgroundUrl, {
      ...where,
      action: { ...approve, data: { ...approve.data, reason: 'Looks right for the e2e journey' } },
    });
    const decided = await s.ui.waitForCard('Approved by Dana Schmidt');
    expect(decided.text).toContain('Alex Morgan requests User Administrator');
    await s.ui.screenshot('approval-card-approved', decided.card);
  });

  await s.step('requester-sees-result', async () => {
    await s.ui.openConversation('Personal Chat');
    const note = await s.ui.waitForText(/Your User Administrator request was approved by Dana Schmidt/);
    expect(note).toContain('“Looks right for the e2e journey”');
    expect(note).toMatch(/User Administrator is active until /);
    // The requester's own copy of the request is kept current too.
    const { text } = await s.ui.waitForCard(
      /Alex Morgan requests User Administrator[\s\S]*Approved by Dana Schmidt/,
    );
    expect(text).not.toContain('Waiting for approval');
    expect(await s.ui.countCards('Waiting for approval')).toBe(0);
    await s.ui.screenshot('requester-after-approval');
  });
});

test('an activation from a channel thread is answered in the thread', async () => {
  await s.step('channel-activation', async () => {
    await s.ui.openConversation('Incidents');
    await s.ui.post('INC-7: mail flow to external domains is failing, looking into it');
    await s.ui.replyMentioningElevate(
      'activate Exchange Administrator for 30m because mail flow incident ticket INC-7',
    );
    // The answer is a reply in the post's thread, so the whole channel sees who holds what. Once
    // the assignment is effective it becomes the thread's announcement, which the thread keeps until
    // the activation ends: one card, whichever of the "effective" follow-up and the reconciler's
    // request-status work draws it last (both draw it the same way).
    const { card, text, message } = await s.ui.waitForThreadCard(
      'Incidents',
      /Alex Morgan · Exchange Administrator[\s\S]*Active until/,
      60_000,
    );
    threadCardId = message.messageId;
    expect(text).toContain('mail flow incident');
    expect(text).toContain('INC-7');
    expect(text).not.toMatch(/Effective now|updates when/);
    await s.ui.screenshot('channel-thread-active', card);
  });
  // The reconciler (every RECONCILE_INTERVAL_SECONDS = 2 s here) must list the new activation
  // once before the next test moves the clock past its end, or it never learns it existed.
  await s.ui.page.waitForTimeout(3 * RECONCILE_INTERVAL_SECONDS * 1_000);
});

test('a reminder before expiry after the simulator clock moves on, then Deactivate now', async () => {
  await s.step('reminder', async () => {
    // Application Administrator was activated for 1 h; the default reminder lead is 10 minutes.
    await s.ui.openConversation('Personal Chat');
    await advanceSimulatorClock(s.stack.simulatorUrl, 'PT52M');
    const { card, text } = await s.ui.waitForCard(/Application Administrator ends in/, 60_000);
    expect(text).toMatch(/Deactivate now/);
    expect(text).toMatch(/Extend/);
    await s.ui.screenshot('reminder', card);
  });
  await s.step('deactivate-now', async () => {
    await s.ui.press(s.ui.card(/Application Administrator ends in/), 'Deactivate now');
    const { card, text } = await s.ui.waitForCard('Application Administrator is deactivated');
    expect(text).toContain('You no longer hold the role');
    // The reminder itself was answered in place: no stale Deactivate now button is left.
    expect(await s.ui.countCards(/Application Administrator ends in/)).toBe(0);
    await s.ui.screenshot('deactivated-from-reminder', card);
  });
});

test('the channel thread announces when the activation made there has ended', async () => {
  await s.step('channel-announcement-ended', async () => {
    // Exchange Administrator was activated for 30 minutes; the clock is now 52 minutes on.
    await s.ui.openConversation('Incidents');
    const { card, text, message } = await s.ui.waitForThreadCard(
      'Incidents',
      /Alex Morgan · Exchange Administrator/,
      60_000,
    );
    expect(text).toMatch(/Ended: expired at .* \(active from /);
    // Kept current on the same card: the thread's answer became the announcement, no second post.
    expect(message.messageId).toBe(threadCardId);
    expect(await s.ui.countCards('Exchange Administrator is active')).toBe(0);
    expect(text).toContain('mail flow incident');
    expect(text).toContain('INC-7');
    await s.ui.screenshot('channel-announcement-ended', card);
    await s.ui.screenshot('channel-thread');
  });
});
