/**
 * One `activate` naming several roles, in Microsoft's local Teams client: one card answers it,
 * a part per role; when the approver decides the role that needed approval, that part of the
 * same card changes and the other role's part stays (issue 14: multi-role cards kept in place).
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { findExecuteAction } from './support/conversation-stream';
import { startE2eStack, GENERAL_CHANNEL_ID, PERSONAL_CHAT_ID, type E2eStack } from './support/e2e-stack';
import { pressCardButtonAs } from './support/playground-api';
import { PlaygroundUi } from './support/playground-ui';

const DANA_ID = '0d8b9967-e192-4fc1-b1a9-af3904e16f7a';

let stack: E2eStack | undefined;
let browser: Browser | undefined;
let ui: PlaygroundUi;

beforeAll(async () => {
  stack = await startE2eStack({ reconcileIntervalSeconds: 2 });
  browser = await launchChromium();
  ui = await PlaygroundUi.open(browser, stack.playgroundUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 30_000);

test('several roles in one card: the approved role’s part changes in place, the other stays', async () => {
  // General is the approvals channel of the run: Elevate learns it when it is first opened.
  await ui.openConversation('General');
  await ui.waitForCard('Welcome to Elevate!');
  await ui.openConversation('Personal Chat');
  const asked = ui.stream.mark();
  await ui.say('activate Global Reader, User Administrator for 1h because e2e several roles ticket INC-31');
  const first = await ui.waitForCard(/Global Reader[\s\S]*User Administrator needs approval/);
  expect(first.text).toContain('INC-31');
  await ui.screenshot('several-roles-asked', first.card);

  const approvalCard = await ui.stream.waitForMessage(
    'the approval card in General',
    (m) =>
      m.conversationId === GENERAL_CHANNEL_ID && m.cards.some((c) => findExecuteAction(c, 'refreshApproval')),
    { since: asked },
  );
  const where = {
    userId: DANA_ID,
    conversationId: approvalCard.postConversationId ?? GENERAL_CHANNEL_ID,
    messageId: approvalCard.messageId,
  };
  const danaView = await pressCardButtonAs(stack!.playgroundUrl, {
    ...where,
    action: findExecuteAction(approvalCard.cards[0], 'refreshApproval')!,
  });
  const approve = findExecuteAction(danaView, 'approve')!;
  await pressCardButtonAs(stack!.playgroundUrl, {
    ...where,
    action: { ...approve, data: { ...approve.data, reason: 'e2e several roles' } },
  });

  await ui.openConversation('Personal Chat');
  const after = await ui.waitForCard(
    /Global Reader[\s\S]*User Administrator[\s\S]*(Approved|is active)/,
    60_000,
  );
  expect(after.text).not.toContain('needs approval');
  expect(after.text).toContain('Global Reader');
  // Still one card for the request in the chat.
  expect(await ui.countCards(/User Administrator/)).toBe(1);
  expect(
    ui.stream.messages(PERSONAL_CHAT_ID).filter((m) => m.seq > asked && m.cards.length > 0),
  ).toHaveLength(1);
  await ui.screenshot('several-roles-approved', after.card);
});
