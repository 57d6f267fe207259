import { AuditActions } from '../../../src/domain/audit/audit-actions';
import {
  cardText,
  findAction,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 16: the `settings` card for admins (Chris Dubois is in the seed's "Elevate Admins"):
 * validated like the configuration, audited, stored for every instance, and used: the reminder
 * lead by the reconciler, the ticket pattern by the command grammar, the admin group by the admin
 * check.
 */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => bot?.close());

const SECURITY_APPROVERS = '8c23073a-89d0-4aae-8ba5-ad2538ba6e23';

async function save(inputs: Record<string, string>) {
  const card = (await bot.say(u.chris, 'settings')).card;
  const save = findAction(card, 'saveSettings');
  const answer = await bot.execute(u.chris, 'saveSettings', { ...save.data, ...inputs });
  return cardText(answer.card);
}

test('an admin sees the settings, with the deployment’s values named as such', async () => {
  const text = cardText((await bot.say(u.chris, 'settings')).card);
  expect(text).toContain('Elevate settings');
  expect(text).toContain('10 min before an activation ends (the deployment’s)');
  expect(text).toContain('Elevate Admins (the deployment’s)');
  expect(text).toContain('No channel receives approval cards yet.');
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
});

test('someone else is refused clearly, and the refusal is audited', async () => {
  const text = cardText((await bot.say(u.jordan, 'settings')).card);
  expect(text).toContain('Only Elevate administrators can see or change Elevate’s settings.');
  const [last] = await bot.elevate.store.audit.search({ userId: u.jordan.id, limit: 1 });
  expect(last).toMatchObject({ action: AuditActions.adminRefused, details: { command: 'settings' } });
});

test.each([
  [
    { reminderLead: '25h' },
    /Default reminder lead: "25h" cannot be used: 1 day 1 h is outside 1 minute to 24 hours/,
  ],
  [{ reminderLead: 'soon' }, /"soon" cannot be used: it is not a duration\. Give minutes or hours/],
  [{ ticketPattern: '(INC' }, /Ticket pattern: "\(INC" cannot be used: it is not a valid regular expression/],
  [{ ticketPattern: '.*' }, /it matches an empty word, so every word would be a ticket/],
  [
    { adminGroupId: 'Elevate Admins' },
    /Admin group: "Elevate Admins" cannot be used: it is not a group object id\. Copy/,
  ],
  [
    { adminGroupId: SECURITY_APPROVERS },
    /you are not a member of Security Approvers, so you would lose access/,
  ],
  [{ adminGroupId: '00000000-0000-4000-8000-000000000000' }, /no group with that object id exists/],
])('a bad value %j gets a clear answer on the same card, and nothing is stored', async (inputs, answer) => {
  const text = await save(inputs);
  expect(text).toMatch(answer);
  expect(text).toContain('Elevate settings');
  expect(await bot.elevate.store.settings.getAll()).toEqual([]);
});

test('the ticket pattern an admin sets is the one the grammar uses; the change is audited', async () => {
  expect(await save({ ticketPattern: 'CHG\\d{3}' })).toMatch(/Saved: Ticket pattern\./);
  const [changed] = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1 });
  expect(changed).toMatchObject({
    action: AuditActions.settingsChanged,
    actorName: 'Chris Dubois',
    details: { setting: 'ticketPattern', to: 'CHG\\d{3}' },
  });
  await bot.say(u.taylor, 'activate global reader for 1h because db check CHG123');
  const [activated] = await bot.elevate.store.audit.search({ userId: u.taylor.id, limit: 1 });
  expect(activated).toMatchObject({ ticket: 'CHG123', justification: 'db check' });
  expect((await bot.elevate.store.settings.getAll()).map((s) => [s.key, s.value])).toEqual([
    ['ticketPattern', 'CHG\\d{3}'],
  ]);
});

test('the default reminder lead an admin sets is the one the reconciler reminds by', async () => {
  expect(await save({ reminderLead: '25m' })).toMatch(/Saved: Default reminder lead\./);
  expect(cardText((await bot.say(u.chris, 'settings')).card)).toContain('25 min before an activation ends');
  await bot.say(u.alex, 'activate Global Reader for 30m');
  await bot.elevate.scheduler.runOnce();
  await bot.advance('PT5M');
  await bot.elevate.scheduler.runOnce();
  await bot.elevate.scheduler.runOnce();
  const reminder = await bot.waitForCard(bot.conversationId(u.alex), /Global Reader ends in/);
  expect(cardText(reminder.card)).toMatch(/ends in 25 min\b/);
});

test('saving the same values changes nothing and records nothing', async () => {
  const before = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1000 });
  expect(await save({ reminderLead: '25m', ticketPattern: 'CHG\\d{3}' })).toContain('Nothing changed.');
  const after = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1000 });
  // Only the two card views ("settings") — no settings.changed entry.
  expect(after.length - before.length).toBe(0);
});
