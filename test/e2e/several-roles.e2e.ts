/**
 * One `activate` naming several roles, in Microsoft's local Teams client: one card answers it,
 * a part per role; when the approver decides the role that needed approval, that part of the
 * same card changes and the other role's part stays (issue 14: multi-role cards kept in place).
 */
import { findExecuteAction } from './support/conversation-stream';
import { GENERAL_CHANNEL_ID, PERSONAL_CHAT_ID } from './support/e2e-stack';
import { pressCardButtonAs } from './support/playground-api';
import { useE2eSession } from './support/e2e-session';

const DANA_ID = '0d8b9967-e192-4fc1-b1a9-af3904e16f7a';

const s = useE2eSession({ prefix: 'several-roles-' });

test('several roles in one card: the approved role’s part changes in place, the other stays', async () => {
  // General is the approvals channel of the run: Elevate learns it when it is first opened.
  await s.ui.openConversation('General');
  await s.ui.waitForCard('Welcome to Elevate!');
  await s.ui.openConversation('Personal Chat');
  const asked = s.ui.stream.mark();
  await s.ui.say('activate Global Reader, User Administrator for 1h because e2e several roles ticket INC-31');
  const first = await s.ui.waitForCard(/Global Reader[\s\S]*User Administrator needs approval/);
  expect(first.text).toContain('INC-31');
  await s.ui.screenshot('several-roles-asked', first.card);

  const approvalCard = await s.ui.stream.waitForMessage(
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
  const danaView = await pressCardButtonAs(s.stack.playgroundUrl, {
    ...where,
    action: findExecuteAction(approvalCard.cards[0], 'refreshApproval')!,
  });
  const approve = findExecuteAction(danaView, 'approve')!;
  await pressCardButtonAs(s.stack.playgroundUrl, {
    ...where,
    action: { ...approve, data: { ...approve.data, reason: 'e2e several roles' } },
  });

  await s.ui.openConversation('Personal Chat');
  const after = await s.ui.waitForCard(
    /Global Reader[\s\S]*User Administrator[\s\S]*(Approved|is active)/,
    60_000,
  );
  expect(after.text).not.toContain('needs approval');
  expect(after.text).toContain('Global Reader');
  // Still one card for the request in the chat.
  expect(await s.ui.countCards(/User Administrator/)).toBe(1);
  expect(
    s.ui.stream.messages(PERSONAL_CHAT_ID).filter((m) => m.seq > asked && m.cards.length > 0),
  ).toHaveLength(1);
  await s.ui.screenshot('several-roles-approved', after.card);
});
