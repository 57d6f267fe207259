import {
  cardText,
  findAction,
  refusalBeside,
  startBotHarness,
  type BotHarness,
  type SeedUser,
} from '../../fixtures/bot-harness';

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const APP_ADMIN = '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3';
const BILLING_ADMIN = 'b0f54661-2d74-4c50-afa3-1ec803f12efe';

/**
 * Expiry reminders end to end: simulator tenant + Elevate + a local Bot Connector. The bot's clock
 * is the simulator's; tests advance it and run one reconciler pass at a time. Each test gets a
 * fresh tenant and bot: cached tokens are judged against the simulator clock, so one test keeps
 * its advances within a token's hour.
 */
describe('expiry reminders and the reconciler', () => {
  let h: BotHarness;
  let alex: SeedUser, taylor: SeedUser, jordan: SeedUser, riley: SeedUser, priya: SeedUser;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
    ({ alex, taylor, jordan, riley, priya } = h.users);
    // Users who have the app installed: their personal chat is recorded on their first message.
    for (const user of [alex, taylor, jordan, riley]) await h.say(user, 'help');
  });
  afterEach(() => h.close());

  const pass = () => h.elevate.scheduler.runOnce();
  const personal = (user: SeedUser) => h.conversationId(user);
  const cardsIn = (user: SeedUser, match: RegExp) =>
    h.shown(personal(user)).filter((m) => m.card && match.test(cardText(m.card)));
  const portalActivation = async (body: Record<string, unknown>) => {
    const result = await h.control('POST', '/_sim/activations', body);
    expect(result.status).toBe(201);
    return result.body as { instance: { endDateTime: string } };
  };

  it('reminds 10 minutes before expiry, once, in the user time zone, then notes the end', async () => {
    const activated = await h.say(alex, 'activate Global Reader for 30m');
    expect(cardText(activated.card)).toMatch(/Global Reader/);
    await pass();
    expect(cardsIn(alex, /Global Reader ends in/)).toHaveLength(0);

    await h.advance('PT19M');
    await pass();
    expect(cardsIn(alex, /Global Reader ends in/)).toHaveLength(0);

    await h.advance('PT1M');
    await pass();
    await pass();
    const reminders = cardsIn(alex, /Global Reader ends in/);
    expect(reminders).toHaveLength(1);
    const text = cardText(reminders[0].card);
    expect(text).toMatch(/ends in 10 min\b/);
    expect(text).toMatch(/\((GMT|BST)\)/); // Alex is in Europe/London
    expect(text).toMatch(/Extend re-activates the role directly/);
    expect(findAction(reminders[0].card, 'extend').data).toMatchObject({ roleId: GLOBAL_READER });
    expect(findAction(reminders[0].card, 'deactivateNow').title).toBe('Deactivate now');

    await h.advance('PT11M');
    await pass();
    const ended = cardsIn(alex, /Global Reader has ended/);
    expect(ended).toHaveLength(1);
    expect(cardText(ended[0].card)).toMatch(/expired at .*as planned/);
    await pass();
    expect(cardsIn(alex, /Global Reader has ended/)).toHaveLength(1);
    expect(cardsIn(alex, /Global Reader ends in/)).toHaveLength(1);
  });

  it('Extend re-activates a role whose policy needs no approval, and the outcome replaces the card', async () => {
    await h.say(alex, 'activate Global Reader for 30m');
    await pass();
    await h.advance('PT20M');
    await pass();
    const [reminder] = cardsIn(alex, /Global Reader ends in/).slice(-1);
    const extend = findAction(reminder.card, 'extend');
    const result = await h.execute(
      alex,
      'extend',
      { ...extend.data, extendBy: 'PT2H' },
      { replyToId: reminder.activityId },
    );
    const text = cardText(result.card);
    expect(text).toMatch(/Global Reader/);
    expect(text).not.toMatch(/could not|error/i);
    const active = h.sim.state.schedules.filter(
      (s) =>
        s.principalId === alex.id &&
        s.kind === 'assignment' &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === GLOBAL_READER &&
        h.sim.state.isActive(s),
    );
    expect(active).toHaveLength(1);
    // Extend moves the end 2 h later: the 10 minutes left plus the 2 h asked for.
    expect(Math.round(active[0].end!.diff(h.sim.clock.now(), 'minutes').minutes)).toBe(130);
    // The answer replaced the pressed reminder; that same card says when it is effective (no stale
    // "This card updates when it is" card, no second message).
    const effective = await h.waitForUpdate(reminder.activityId, 'Effective now');
    expect(cardText(effective.card)).not.toMatch(/updates when it is/);
    expect(
      h.shown(personal(alex)).filter((m) => /Global Reader is active/.test(cardText(m.card))),
    ).toHaveLength(
      2, // the chat activation's card and the pressed reminder, nothing new
    );
    // The old instance ended because of the extension: no "ended" note for it.
    await pass();
    expect(cardsIn(alex, /Global Reader has ended/)).toHaveLength(0);
  });

  it('Extend on a role that needs approval says so on the card and keeps the role (no request while active)', async () => {
    await portalActivation({
      principalId: jordan.id,
      roleDefinitionId: USER_ADMIN,
      duration: 'PT30M',
      startedAgo: 'PT10M',
    });
    await pass();
    await h.advance('PT10M');
    await pass();
    const [reminder] = cardsIn(jordan, /User Administrator ends in/);
    expect(cardText(reminder.card)).toMatch(/needs approval by Dana Schmidt/);
    const extend = findAction(reminder.card, 'extend');
    const result = await h.execute(jordan, 'extend', { ...extend.data, extendBy: 'PT1H' });
    // Nothing changed: the answer is beside the reminder, which keeps its buttons.
    const text = refusalBeside(result);
    expect(text).toMatch(/User Administrator stays active until/);
    expect(text).toMatch(/needs approval by Dana Schmidt/);
    // PIM refuses a new request while the role is active; Elevate took nothing away to make one.
    const active = h.sim.state.schedules.filter(
      (s) =>
        s.principalId === jordan.id &&
        s.kind === 'assignment' &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === USER_ADMIN &&
        h.sim.state.isActive(s),
    );
    expect(active).toHaveLength(1);
    const pending = [...h.sim.state.requests.values()].filter(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    expect(pending).toHaveLength(0);
  });

  it('Deactivate now ends the activation from the reminder: the pressed card says so, and nothing else does', async () => {
    await portalActivation({
      principalId: riley.id,
      roleDefinitionId: APP_ADMIN,
      duration: 'PT40M',
      startedAgo: 'PT10M',
    });
    await pass();
    await h.advance('PT20M');
    await pass();
    const [reminder] = cardsIn(riley, /Application Administrator ends in/);
    expect(reminder).toBeDefined();
    const before = h.shown(personal(riley)).length;
    const button = findAction(reminder.card, 'deactivateNow');
    const result = await h.execute(riley, 'deactivateNow', button.data, { replyToId: reminder.activityId });
    expect(cardText(result.card)).toMatch(/Application Administrator/);
    // The watch on the activation looks again each reconcile interval (60 s here).
    await h.advance('PT1M');
    await pass();
    await pass();
    // One event, one message: the answer that replaced the pressed reminder; no "has ended" note.
    expect(cardsIn(riley, /Application Administrator has ended/)).toHaveLength(0);
    expect(h.shown(personal(riley)).length).toBe(before);
    expect(h.logs.join('\n')).not.toMatch(/work item failed/);
  });

  it('reminds about portal-made activations only for users who have the app installed', async () => {
    await portalActivation({ principalId: riley.id, roleDefinitionId: APP_ADMIN, duration: 'PT20M' });
    // Priya never talked to Elevate: no personal chat, so nothing can reach her.
    await portalActivation({
      principalId: priya.id,
      roleDefinitionId: '69091246-20e8-4a56-aa4d-066075b2a7a8',
      duration: 'PT20M',
    });
    await pass();
    await h.advance('PT10M');
    await pass();
    expect(cardsIn(riley, /Application Administrator ends in/).length).toBe(1);
    const reminders = h.connector.sent().filter((c) => /ends in \d+ min/.test(cardText(c.body)));
    expect(reminders.map((c) => c.conversationId)).toEqual([personal(riley)]);
    // Nothing tried to open a chat with Priya; her reminder is done as "not reachable".
    expect(h.connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(0);
    expect(h.logs.join('\n')).not.toMatch(/work item failed/);
  });

  it('"reminders off" stops expiry reminders but keeps the ended note', async () => {
    await h.say(taylor, 'reminders off');
    await h.say(taylor, 'activate Global Reader for 30m');
    await pass();
    await h.advance('PT21M');
    await pass();
    expect(cardsIn(taylor, /Global Reader ends in/)).toHaveLength(0);
    await h.advance('PT10M');
    await pass();
    expect(cardsIn(taylor, /Global Reader has ended/)).toHaveLength(1);
  });

  it('reminds about an eligibility ending within 14 days; Request extension sends selfExtend', async () => {
    await pass();
    const [card] = cardsIn(taylor, /Your eligibility for Billing Administrator ends in 9 days/);
    expect(card).toBeDefined();
    const button = findAction(card.card, 'requestEligibilityExtension');
    expect(button.data).toMatchObject({ roleId: BILLING_ADMIN, directoryScopeId: '/' });
    // selfExtend needs RoleEligibilitySchedule.ReadWrite.Directory (the demo seed grants Read only).
    h.sim.state.directory.apps[0].delegatedScopes.push('RoleEligibilitySchedule.ReadWrite.Directory');
    const empty = await h.execute(taylor, 'requestEligibilityExtension', {
      ...button.data,
      justification: '  ',
    });
    expect(refusalBeside(empty)).toMatch(/needs a reason/);
    const result = await h.execute(taylor, 'requestEligibilityExtension', {
      ...button.data,
      justification: 'On-call rotation continues through Q1',
    });
    expect(cardText(result.card)).toMatch(/Extension of your Billing Administrator eligibility requested/);
    const extend = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === taylor.id && r.action === 'selfExtend',
    );
    expect(extend?.status).toBe('PendingAdminDecision');
    await pass();
    expect(cardsIn(taylor, /Your eligibility for Billing Administrator ends in/)).toHaveLength(1);
    expect(cardsIn(alex, /Your eligibility/)).toHaveLength(0);
  });
});
