import { randomUUID } from 'node:crypto';
import { seedUsers as u, startBotHarness, BOT_ID, type BotHarness } from '../../fixtures/bot-harness';

/**
 * Issue 14, defect 8: an activity may re-point a user's conversation reference (where their
 * approvals and reminders go) only after the sender's identity has been checked.
 */
let bot: BotHarness;
beforeAll(async () => {
  // Demo mode: activities are anonymous there, so the identity check is the only guard (in tenant
  // mode the channel token's serviceurl claim already refuses this forged activity with 401).
  bot = await startBotHarness({ mode: 'demo' });
});
afterAll(async () => bot?.close());

const referenceOf = async (userId: string) =>
  (await bot.elevate.store.conversations.getForUser(bot.tenantId, userId))?.reference as
    { conversation: { id: string }; serviceUrl: string } | undefined;

function claimingToBe(userId: string, name: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/attacker',
    from: { id: '29:someone-else', name, aadObjectId: userId },
    recipient: { id: BOT_ID, name: 'Elevate' },
    conversation: { id: 'a:attacker-chat', conversationType: 'personal', tenantId: bot.tenantId },
    channelData: { tenant: { id: bot.tenantId } },
    text,
  };
}

test('a message that needs no identity check does not re-point a known user’s chat or rename them', async () => {
  await bot.say(u.alex, 'roles');
  const before = await referenceOf(u.alex.id);
  expect(before?.conversation.id).toBe(bot.conversationId(u.alex));

  const response = await bot.post(claimingToBe(u.alex.id, 'Mallory', 'help'));
  expect(response.status).toBe(200);

  const after = await referenceOf(u.alex.id);
  expect(after?.conversation.id).toBe(bot.conversationId(u.alex));
  expect(after?.serviceUrl).toBe(before?.serviceUrl);
  expect((await bot.elevate.store.users.get(bot.tenantId, u.alex.id))?.displayName).toBe(u.alex.displayName);
});

test('a first contact (app installed, no command yet) is still recorded, so approvals can reach them', async () => {
  const response = await bot.post({
    ...claimingToBe(u.dana.id, u.dana.displayName, ''),
    type: 'installationUpdate',
    action: 'add',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${u.dana.id}`, name: u.dana.displayName, aadObjectId: u.dana.id },
    conversation: { id: `a:personal-${u.dana.id}`, conversationType: 'personal', tenantId: bot.tenantId },
  });
  expect(response.status).toBe(200);
  expect((await referenceOf(u.dana.id))?.conversation.id).toBe(`a:personal-${u.dana.id}`);
});

test('after the identity check the reference follows the user to a new chat', async () => {
  await bot.say(u.jamie, 'roles');
  await bot.say(u.jamie, 'roles', { conversationId: 'a:jamie-new-chat' });
  expect((await referenceOf(u.jamie.id))?.conversation.id).toBe('a:jamie-new-chat');
});
