import { randomUUID } from 'node:crypto';
import { cardText, seedUsers as u, BOT_ID, useBotHarness } from '../../fixtures/bot-harness';

/**
 * Issue 14, defect 4: tenant mode serves only MicrosoftAppTenantId and ALLOWED_TENANT_IDS. Other
 * tenants, with a valid channel token, get a refusal and an audit entry, and nothing is stored.
 */
const FOREIGN = '0b7e2c55-1111-4222-8333-944455556666';
const PARTNER = '7d1f0a00-aaaa-4bbb-8ccc-ddddeeeeffff';
const bot = useBotHarness({ mode: 'tenant', env: { ALLOWED_TENANT_IDS: PARTNER } });

function message(channelTenant: string, conversationTenant: string, text = 'roles'): Record<string, unknown> {
  const userId = randomUUID();
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${userId}`, name: 'Outsider', aadObjectId: userId },
    recipient: { id: BOT_ID, name: 'Elevate' },
    conversation: { id: `a:outsider-${userId}`, conversationType: 'personal', tenantId: conversationTenant },
    channelData: { tenant: { id: channelTenant } },
    text,
  };
}

async function storedFor(activity: Record<string, unknown>, tenantId: string) {
  const userId = (activity.from as { aadObjectId: string }).aadObjectId;
  return {
    conversation: await bot.elevate.store.conversations.getForUser(tenantId, userId),
    user: await bot.elevate.store.users.get(tenantId, userId),
  };
}

test('another tenant gets a refusal, an audit entry, and nothing is stored', async () => {
  const activity = message(FOREIGN, FOREIGN);
  const before = bot.connector.calls.length;
  const response = await bot.post(activity);
  expect(response.status).toBe(200);
  const sent = bot.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST' && c.body.type === 'message');
  expect(sent).toHaveLength(1);
  expect(String(sent[0].body.text)).toContain('Elevate serves only the organisation it is installed for');
  expect(sent[0].body.attachments ?? []).toEqual([]);
  expect(await storedFor(activity, FOREIGN)).toEqual({ conversation: null, user: null });
  const audit = await bot.elevate.store.audit.list({ actorId: `tenant:${FOREIGN}`, limit: 5 });
  expect(audit[0]).toMatchObject({
    action: 'tenant.refused',
    outcome: 'refused',
    reason: 'TENANT_NOT_SERVED: foreign',
  });
  expect(
    bot.sim.state.directory.users.some(
      (user) => user.id === (activity.from as { aadObjectId: string }).aadObjectId,
    ),
  ).toBe(false);
});

test('channelData.tenant.id and conversation.tenantId that disagree are refused', async () => {
  const activity = message(bot.tenantId, FOREIGN);
  await bot.post(activity);
  expect(await storedFor(activity, bot.tenantId)).toEqual({ conversation: null, user: null });
  const audit = await bot.elevate.store.audit.list({ actorId: `tenant:${bot.tenantId}`, limit: 5 });
  expect(audit[0]).toMatchObject({
    action: 'tenant.refused',
    details: expect.objectContaining({ reason: 'mismatch' }),
  });
});

test('a card action from another tenant is answered 403 and runs nothing', async () => {
  const response = await bot.post({
    ...message(FOREIGN, FOREIGN),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'showRoles', data: {} } },
  });
  expect(response.status).toBe(403);
});

test('the home tenant and an allow-listed tenant are served', async () => {
  const home = await bot.say(u.alex, 'help');
  expect(cardText(home.card)).toContain('activate');
  const before = bot.connector.calls.length;
  await bot.post(message(PARTNER, PARTNER, 'help'));
  const sent = bot.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST' && c.body.type === 'message');
  expect(JSON.stringify(sent)).not.toContain('Elevate serves only the organisation');
});
