import { AuditActions } from '../../../src/domain/audit/audit-actions';
import {
  cardText,
  findAction,
  refusalBeside,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 16: `audit [<user>|<role>] [since …]` through /api/messages. Chris Dubois is in the seed's
 * "Elevate Admins" group (demo mode's admin group); everyone else is refused, and the refusal is
 * itself in the trail.
 */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
  await bot.say(u.taylor, 'activate global reader for 1h because on call ticket INC-7');
  await bot.say(u.riley, 'activate application admin for 2m');
});
afterAll(async () => bot?.close());

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ERROR_CODE = /\b[A-Z]+_[A-Z_]+\b/;

function expectReadable(text: string): void {
  expect(text).not.toMatch(GUID);
  expect(text).not.toMatch(ISO_INSTANT);
  expect(text).not.toMatch(ERROR_CODE);
  expect(text).not.toMatch(/\bUTC\b/);
}

test('an admin sees the trail newest first, with names and local times', async () => {
  const turn = await bot.say(u.chris, 'audit');
  const text = cardText(turn.card);
  expect(text).toContain('Audit trail');
  expect(text).toContain('Everyone and every role');
  const refused = text.indexOf('Refused by Elevate');
  const activated = text.indexOf('Activated · Global Reader @ Directory');
  expect(refused).toBeGreaterThan(-1);
  expect(activated).toBeGreaterThan(refused); // Riley's refusal came later: it is listed first
  expect(text).toContain('Taylor Kim');
  expect(text).toContain('“on call” · Ticket INC-7');
  expect(text).toMatch(/\d{2}:\d{2} today \((CET|GMT\+1)\)/i); // Chris reads Paris time
  expectReadable(text);
  const viewed = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 5 });
  expect(viewed[0]).toMatchObject({ action: AuditActions.auditViewed, outcome: 'succeeded' });
});

test.each([
  ['a user by display name', 'audit Taylor Kim', 'Taylor Kim', 'Riley Chen'],
  ['a user by sign-in name', 'audit user riley.chen@contoso.example since 1h', 'Riley Chen', 'Taylor Kim'],
  ['a role by short name', 'audit role global reader since today', 'Global Reader', 'Riley Chen'],
])('filters by %s', async (_what, command, shown, hidden) => {
  const text = cardText((await bot.say(u.chris, command)).card);
  expect(text).toContain(shown);
  expect(text).not.toContain(hidden);
  expectReadable(text);
});

test.each([
  ['audit since whenever', /"since whenever" is neither a duration nor a date/, /since 7d/],
  ['audit since 2099-01-01', /is in the future/, /since yesterday/],
  ['audit Nobody Atall', /No user or role is called "Nobody Atall"/, /display name/],
  ['audit role Made Up Role', /No role is called "Made Up Role"/, /as PIM shows it/],
  ['audit since', /is missing how far back/, /since 30 Nov/],
])('a bad filter gets a specific answer: %s', async (command, cause, remedy) => {
  const text = cardText((await bot.say(u.chris, command)).card);
  expect(text).toMatch(cause);
  expect(text).toMatch(remedy);
});

test('someone outside the admin group is refused clearly, and the refusal is audited', async () => {
  const text = cardText((await bot.say(u.alex, 'audit')).card);
  expect(text).toContain('Only Elevate administrators can read the audit trail.');
  expect(text).toContain('ask an Elevate administrator to add you to the admin group');
  const [last] = await bot.elevate.store.audit.search({ userId: u.alex.id, limit: 1 });
  expect(last).toMatchObject({
    action: AuditActions.adminRefused,
    outcome: 'refused',
    actorName: 'Alex Morgan',
    reason: expect.stringMatching(/^NOT_AN_ADMIN/),
    details: { command: 'audit' },
  });
});

test('pages go back in time with "Older entries"; a page is never repeated', async () => {
  for (let i = 0; i < 12; i += 1) await bot.say(u.jordan, 'audit');
  const first = await bot.say(u.chris, 'audit Jordan Lee');
  expect(cardText(first.card)).toContain('Page 1 · older entries follow');
  const older = findAction(first.card, 'showAudit');
  const second = await bot.execute(u.chris, 'showAudit', older.data);
  const secondText = cardText(second.card);
  expect(secondText).toContain('Page 2 · the oldest');
  expect(secondText.match(/Admin command refused/g)).toHaveLength(2);
  expect(cardText(first.card).match(/Admin command refused/g)).toHaveLength(10);
  // The same button pressed by a non-admin is refused (the admin check runs on every page).
  const sneaky = await bot.execute(u.jordan, 'showAudit', older.data);
  expect(refusalBeside(sneaky)).toMatch(/acts only for them|Only Elevate administrators/);
});
