import { ApprovalChannels } from '../../../src/app/channels/approval-channels';
import { AuditActions } from '../../../src/domain/audit/audit-actions';
import {
  cardText,
  findAction,
  seedUsers as u,
  HARNESS_TEAM_ID,
  TEAM_GROUP_ID,
  useBotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 16: the `settings` card for admins (Chris Dubois is in the seed's "Elevate Admins"):
 * validated like the configuration, audited, stored for every instance, and used: the reminder
 * lead by the reconciler, the ticket pattern by the command grammar, the admin group by the admin
 * check.
 */
const bot = useBotHarness();

const SECURITY_APPROVERS = '8c23073a-89d0-4aae-8ba5-ad2538ba6e23';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';

async function saveCard(inputs: Record<string, string>) {
  const card = (await bot.say(u.chris, 'settings')).card;
  const save = findAction(card, 'saveSettings');
  return (await bot.execute(u.chris, 'saveSettings', { ...save.data, ...inputs })).card;
}
const save = async (inputs: Record<string, string>) => cardText(await saveCard(inputs));

/** The value a card's input (by id) shows. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id)
      found = record.value;
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
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
  const card = await saveCard(inputs);
  const text = cardText(card);
  expect(text).toMatch(answer);
  expect(text).toContain('Elevate settings');
  // A refused lead or pattern comes back as typed, to be corrected (the admin group field is empty).
  for (const [id, typed] of Object.entries(inputs))
    if (id !== 'adminGroupId') expect(inputValue(card, id)).toBe(typed);
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

describe('approvals channels per role', () => {
  const inputOf = (card: unknown, label: RegExp): { id: string; value: string } => {
    const found: { id: string; value: string }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.Text' && typeof record.label === 'string' && label.test(record.label))
        found.push({ id: String(record.id), value: String(record.value ?? '') });
      Object.values(record).forEach(visit);
    };
    visit(card);
    if (found.length !== 1) throw new Error(`${found.length} inputs labelled ${String(label)}`);
    return found[0];
  };
  const saveApprovals = async (roles: string) => {
    const card = (await bot.say(u.chris, 'settings')).card;
    const input = inputOf(card, /^Operations › Incidents: approval cards for$/);
    const answer = await bot.execute(u.chris, 'saveSettings', {
      ...findAction(card, 'saveSettings').data,
      [input.id]: roles,
    });
    return answer.card;
  };
  const routedRoles = async () =>
    (
      await bot.elevate.store.channelRoutes.listForConversation(
        bot.conversationId(u.chris, 'channel'),
        'approvals',
      )
    )
      .map((r) => r.roleName)
      .sort();

  test('a channel routed with "approvals here" is shown by its name with its roles, editable', async () => {
    await bot.say(u.chris, 'approvals here User Admin, Exchange Admin', { where: 'channel' });
    const card = (await bot.say(u.chris, 'settings')).card;
    expect(inputOf(card, /^Operations › Incidents: approval cards for$/).value).toBe(
      'Exchange Administrator, User Administrator',
    );
    expect(cardText(card)).not.toContain('No channel receives approval cards yet.');
    expect(cardText(card)).not.toMatch(/19:|@thread/);
  });

  // Walked in the local Teams client: Teams sends no team or channel names on messages, so every
  // channel read "A channel Elevate knows no name for". The names come from the connector then.
  test('a channel routed from a message without names is named from Teams (team details, channels)', async () => {
    bot.connector.teams.set(HARNESS_TEAM_ID, {
      name: 'Operations',
      aadGroupId: TEAM_GROUP_ID,
      channels: [{ id: HARNESS_TEAM_ID }, { id: '19:on-call@thread.tacv2', name: 'On call' }],
    });
    const inThread = { where: 'channel' as const, idsOnly: true };
    await bot.say(u.chris, 'approvals here Global Reader', {
      ...inThread,
      conversationId: '19:on-call@thread.tacv2;messageid=42',
    });
    await bot.say(u.chris, 'approvals here Global Reader', { ...inThread, conversationId: HARNESS_TEAM_ID });
    const card = (await bot.say(u.chris, 'settings')).card;
    expect(inputOf(card, /^Operations › On call: approval cards for$/).value).toBe('Global Reader');
    expect(inputOf(card, /^Operations › General: approval cards for$/).value).toBe('Global Reader');
    expect(cardText(card)).not.toContain('knows no name');
    for (const id of ['19:on-call@thread.tacv2', HARNESS_TEAM_ID])
      await bot.say(u.chris, 'approvals off', { ...inThread, conversationId: id });
  });

  test('an unknown role gets a clear answer naming the channel, and nothing changes', async () => {
    const before = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1000 });
    const answer = await saveApprovals('User Admin, Exchnage Wizard');
    const text = cardText(answer);
    // What was typed comes back in the field, to be corrected (walked in the local Teams client:
    // the stored roles came back and the typing was lost).
    expect(inputOf(answer, /^Operations › Incidents: approval cards for$/).value).toBe(
      'User Admin, Exchnage Wizard',
    );
    expect(text).toMatch(
      /Approvals channels \(Operations › Incidents\): .*no role is called "Exchnage Wizard"/,
    );
    expect(text).toMatch(/Nothing was changed\./);
    expect(await routedRoles()).toEqual(['Exchange Administrator', 'User Administrator']);
    const after = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1000 });
    expect(after.filter((e) => e.action === AuditActions.settingsChanged).length).toBe(
      before.filter((e) => e.action === AuditActions.settingsChanged).length,
    );
  });

  test('an admin changes the roles: stored as the channel routes every instance reads, and audited', async () => {
    expect(cardText(await saveApprovals('Global Reader, user admin'))).toMatch(
      /Saved: Approvals channel Operations › Incidents\./,
    );
    expect(await routedRoles()).toEqual(['Global Reader', 'User Administrator']);
    const [changed] = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1 });
    expect(changed).toMatchObject({
      action: AuditActions.settingsChanged,
      actorName: 'Chris Dubois',
      conversationId: bot.conversationId(u.chris, 'channel'),
      details: {
        setting: 'approvalsChannel',
        conversation: 'Operations › Incidents',
        from: 'Exchange Administrator, User Administrator',
        to: 'Global Reader, User Administrator',
      },
    });
    // Saving the card again as shown changes nothing and records nothing.
    const card = (await bot.say(u.chris, 'settings')).card;
    const shown = inputOf(card, /^Operations › Incidents: approval cards for$/);
    expect(shown.value).toBe('Global Reader, User Administrator');
    const again = await bot.execute(u.chris, 'saveSettings', {
      ...findAction(card, 'saveSettings').data,
      [shown.id]: shown.value,
    });
    expect(cardText(again.card)).toContain('Nothing changed.');
    // What approval cards read (any instance, over the same store): Global Reader goes to the channel now.
    const channels = new ApprovalChannels({ routes: bot.elevate.store.channelRoutes });
    expect(await channels.forRole(GLOBAL_READER)).toEqual([bot.conversationId(u.chris, 'channel')]);
    expect(await channels.forRole(EXCHANGE_ADMIN)).toEqual([]);
  });

  test('"all" routes every role; an empty field stops approval cards there', async () => {
    await saveApprovals('all');
    expect(await routedRoles()).toEqual(['all privileged roles']);
    const text = cardText(await saveApprovals(''));
    expect(text).toMatch(/Saved: Approvals channel Operations › Incidents\./);
    expect(text).toContain('No channel receives approval cards yet.');
    expect(await routedRoles()).toEqual([]);
    const [stopped] = await bot.elevate.store.audit.search({ userId: u.chris.id, limit: 1 });
    expect(stopped.details).toMatchObject({ from: 'all privileged roles', to: 'none' });
  });

  test('a conversation that is not routed cannot be set through a crafted input', async () => {
    const card = (await bot.say(u.chris, 'settings')).card;
    const answer = await bot.execute(u.chris, 'saveSettings', {
      ...findAction(card, 'saveSettings').data,
      'approvals:19:someone-else@thread.tacv2': 'Global Administrator',
    });
    expect(cardText(answer.card)).toMatch(/that conversation no longer receives approval cards/);
    expect(await bot.elevate.store.channelRoutes.listForConversation('19:someone-else@thread.tacv2')).toEqual(
      [],
    );
  });
});
