import { cardActions, cardText, findAction, refusalBeside, useBotHarness } from '../../fixtures/bot-harness';

/*
 * Issue 13 (what people read), one test per defect this file covers; the card-internals scanner
 * (test/fixtures/card-internals.ts) also checks every card of this run when the harness closes.
 */

const bot = useBotHarness();

const u = () => bot.users;

test('defect 1: a stale Deactivate button names no role id', async () => {
  const active = await bot.say(u().taylor, 'activate global reader for 1h');
  const button = findAction(active.card, 'deactivate');
  await bot.advance('PT6M');
  await bot.execute(u().taylor, 'deactivate', button.data);
  const stale = await bot.execute(u().taylor, 'deactivate', button.data);
  const text = refusalBeside(stale);
  expect(text).toContain('That role is not active any more, so there is nothing to deactivate.');
  expect(text).not.toContain(String(button.data.roleId));
});

test('defect 1: a refusal states limits in words; the code only on the Details line', async () => {
  const text = cardText((await bot.say(u().alex, 'activate global reader for 30h')).card);
  expect(text).not.toMatch(/PT\d|Required: true|Minimum text/);
  expect(text).toMatch(/\nDetails: DURATION_TOO_LONG · reference [0-9a-f-]{36}$/);
});

test('defect 2: hints carry no <placeholder> that Teams would swallow', async () => {
  const text = cardText((await bot.say(u().jordan, 'activate user admin for 1h')).card);
  expect(text).toContain('Add a reason ("because …")');
  expect(text).not.toMatch(/<[a-z]+>/);
  const help = cardText((await bot.say(u().jordan, 'help')).card);
  expect(help).not.toMatch(/<[a-z]+>/);
});

test('defect 3: cancelling one’s own request is a success, not a red error card', async () => {
  await bot.say(u().jordan, 'activate user admin for 1h because onboarding');
  const turn = await bot.say(u().jordan, 'cancel');
  const json = JSON.stringify(turn.card);
  expect(cardText(turn.card)).toContain('Cancelled: User Administrator');
  expect(json).not.toMatch(/"style":"attention"|"color":"Attention"|REQUEST_CANCELLED|Error code/);
  expect(json).toContain('"color":"Good"');
});

test('defect 9: one way of writing times: "from 12:46 today (GMT+5:30), in 5 minutes"', async () => {
  const active = await bot.say(u().priya, 'activate exchange admin for 1h because mail outage ticket INC-1');
  expect(cardText(active.card)).toMatch(/Until \d\d:\d\d (today|tomorrow) \(GMT\+5:30\)/);
  const early = cardText((await bot.say(u().priya, 'deactivate exchange admin')).card);
  expect(early).toMatch(
    /You can deactivate from \d\d:\d\d (today|tomorrow) \(GMT\+5:30\), in [45] minutes\./,
  );
  expect(early).not.toMatch(/Today|Tomorrow|\) \(/);
  const help = cardText((await bot.say(u().riley, 'help')).card);
  expect(help).toMatch(/your time zone, Australia\/Sydney \(GMT\+1[01]\)/);
});

test('defect 9: the welcome card names no zone it does not know', async () => {
  const installed = await bot.post({
    type: 'conversationUpdate',
    id: 'install-1',
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${u().morgan.id}`, aadObjectId: u().morgan.id },
    recipient: { id: '28:elevate-demo-bot', name: 'Elevate' },
    conversation: {
      id: bot.conversationId(u().morgan),
      conversationType: 'personal',
      tenantId: bot.tenantId,
    },
    channelData: { tenant: { id: bot.tenantId }, eventType: 'teamMemberAdded' },
    membersAdded: [{ id: '28:elevate-demo-bot' }],
  });
  expect(installed.status).toBeLessThan(300);
  const welcome = await bot.waitForCard(bot.conversationId(u().morgan), 'Welcome to Elevate');
  expect(cardText(welcome.card)).toContain('Times are shown in your Teams time zone.');
  expect(cardText(welcome.card)).not.toContain('(UTC)');
});

test('defect 10: unknown text in a channel thread gets one line, not the help card', async () => {
  const turn = await bot.say(u().avery, 'make me a sandwich', { where: 'channel' });
  expect(turn.cards).toEqual([]);
  expect(turn.messages).toHaveLength(1);
  expect(turn.messages[0].text).toBe(
    'I did not understand "make me a sandwich". Mention me with "help" to see what I can do.',
  );
  // In a personal chat the whole help card is still the answer.
  const personal = await bot.say(u().avery, 'make me a sandwich');
  expect(cardActions(personal.card).length).toBeGreaterThan(0);
  expect(cardText(personal.card)).toContain('I did not understand "make me a sandwich"');
});

test('defect 6: PIM for Groups access is named with member or owner on every card', async () => {
  const roles = cardText((await bot.say(u().casey, 'roles')).card);
  expect(roles).toContain('Production Database Operators (member)');
  const asked = await bot.say(
    u().casey,
    'activate group Production Database Operators member for 1h because schema change',
  );
  expect(cardText(asked.card)).toContain('Production Database Operators (member)');
  const status = cardText((await bot.say(u().casey, 'status')).card);
  expect(status).toContain('Production Database Operators (member)');
});

test('defect 6: a group owner request is named "(owner)" in its cancellation and in the channel thread', async () => {
  const group = 'group Production Database Operators owner';
  await bot.say(u().casey, `activate ${group} for 1h because schema change`);
  const cancelled = cardText((await bot.say(u().casey, 'cancel')).card);
  expect(cancelled).toContain('Cancelled: Production Database Operators (owner)');
  const thread = await bot.say(u().casey, `activate ${group} for 1h because schema change`, {
    where: 'channel',
  });
  const card = cardText(thread.cards[0]);
  expect(card).toContain('Production Database Operators (owner)');
  expect(card).not.toMatch(/Production Database Operators(?! \(owner\))(?!\n)/);
});

test('defect 6: "extend group <name> member" finds the active group membership', async () => {
  await bot.say(
    u().casey,
    'activate group Production Database Operators member for 1h because schema change',
  );
  const turn = await bot.say(u().casey, 'extend group Production Database Operators member by 1h');
  const text = cardText(turn.card);
  expect(text).not.toContain('Nothing to extend');
  expect(text).toContain('Production Database Operators (member)');
  const owner = cardText((await bot.say(u().casey, 'extend group Production Database Operators owner')).card);
  expect(owner).toContain('No active role of yours matches "group Production Database Operators owner"');
  expect(owner).toContain('Active now: Production Database Operators (member).');
});
