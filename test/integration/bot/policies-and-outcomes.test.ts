import {
  activated,
  cardActions,
  cardText,
  findAction,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';

/** Each policy branch of the seed tenant, and every activation outcome, end to end. */
const bot = useBotHarness();

const versionsText = (versions: Record<string, unknown>[]) => versions.map((v) => cardText(v.attachments));

describe('policy branches of the seed tenant', () => {
  test('no requirements: active until T, then updated to "effective" once the assignment is visible', async () => {
    const turn = await bot.say(u.avery, 'activate global reader for 1h');
    const [sent] = turn.messages;
    // The turn answers at once; the "effective" update follows after the turn (Teams' 15 s limit).
    const message = await bot.waitForUpdate(sent.activityId, 'Effective now');
    const versions = versionsText(message.versions);
    expect(versions[0]).toContain('Activating…');
    // Granted by PIM, not yet listed: "activating…", never a green "active" before it is usable.
    const granted = versions.find((v) => v.includes('Global Reader is activating…'));
    expect(granted).toContain('setting up the assignment');
    expect(granted).not.toContain('✓');
    const final = cardText(message.card);
    expect(final).toContain('✓ Global Reader is active');
    // Real time: an hour from now is "tomorrow" in Chicago after 23:00 there.
    expect(final).toMatch(/Until \d{1,2}:\d{2} (today|tomorrow) \(C[SD]T\)/);
    expect(final).toContain('Effective now: the assignment is visible in Entra ID and ready to use.');
    expect(findAction(turn.card, 'deactivate').data.roleId).toBe('f2ef992c-3afb-46b9-b7cf-a126ee74c451');
  });

  test('justification and ticket required: activates when both are given, and the card repeats them', async () => {
    const text = cardText(
      (await bot.say(u.alex, 'activate exchange admin for 2h because mailbox migration ticket INC-42')).card,
    );
    expect(text).toMatch(activated('Exchange Administrator'));
    expect(text).toMatch(/Until \d{1,2}:\d{2} (today|tomorrow) \(GMT\)/);
    expect(text).toMatch(/Duration\n2 h\nJustification\nmailbox migration\nTicket\nINC-42/);
  });

  test('approval by a named user: pending card names the approver and has Cancel', async () => {
    const turn = await bot.say(u.jordan, 'activate user admin for 1h because new starters');
    const text = cardText(turn.card);
    expect(text).toContain('Waiting for approval');
    expect(text).toContain('User Administrator needs approval. Asked: Dana Schmidt.');
    expect(text).toContain('Requests expire after 24 hours without a decision.');
    const cancel = findAction(turn.card, 'cancel');
    expect(typeof cancel.data.requestId).toBe('string');
    expect(cardActions(turn.card).some((a) => a.type === 'Action.Submit' && a.data.verb === 'cancel')).toBe(
      true,
    );
  });

  test('a second request while one is pending: duplicate pending, with Cancel for the open one', async () => {
    const first = findAction((await bot.say(u.jordan, 'status')).card, 'cancel').data.requestId;
    const turn = await bot.say(u.jordan, 'activate user admin for 1h because new starters');
    const text = cardText(turn.card);
    expect(text).toContain('You already have a request for User Administrator');
    expect(text).toContain('PIM allows one open request per role');
    const cancel = findAction(turn.card, 'cancel');
    expect(cancel.data.requestId).toBe(first);

    // The Cancel button (Action.Execute) cancels it; the answer replaces the clicked card.
    const clicked = await bot.execute(u.jordan, 'cancel', cancel.data);
    expect(clicked.status).toBe(200);
    expect(cardText(clicked.card)).toContain('Cancelled: User Administrator');
    expect(cardText((await bot.say(u.jordan, 'status')).card)).not.toContain('User Administrator');
  });

  test('approval by a group: the group members are asked, never the requester', async () => {
    const text = cardText((await bot.say(u.sam, 'activate security admin for 1h because audit')).card);
    expect(text).toContain('Security Administrator needs approval. Asked: Morgan Yu.');
  });

  test('approval with no named approver: the card says PIM default approvers decide', async () => {
    const text = cardText((await bot.say(u.avery, 'activate compliance admin for 1h because audit')).card);
    expect(text).toContain('Waiting for approval');
    expect(text).toContain('Privileged Role Administrators and Global Administrators');
  });

  test('MFA required: a Verify card whose button opens the bot’s own step-up page', async () => {
    const turn = await bot.say(u.taylor, 'activate global admin for 1h because incident');
    const text = cardText(turn.card);
    expect(text).toContain("Verify it's you to activate Global Administrator");
    expect(text).toContain('requires multi-factor authentication');
    expect(text).toContain('The link works once and expires in 10 minutes.');
    const verify = cardActions(turn.card).find((a) => a.type === 'Action.OpenUrl');
    expect(verify?.title).toBe('Verify');
    expect(verify?.url).toMatch(new RegExp(`^${bot.url}/auth/step-up\\?state=`));
  });

  test('authentication context c1: a Verify card naming the context', async () => {
    const turn = await bot.say(u.riley, 'activate privileged role admin for 1h because incident');
    const text = cardText(turn.card);
    expect(text).toContain("Verify it's you to activate Privileged Role Administrator");
    expect(text).toContain('Conditional Access authentication context "c1"');
    expect(cardActions(turn.card).find((a) => a.type === 'Action.OpenUrl')?.url).toContain(
      '/auth/step-up?state=',
    );
  });

  test('short maximum (PT1H): the maximum is enforced before PIM and 1h activates', async () => {
    const refused = cardText((await bot.say(u.riley, 'activate application admin for 90m')).card);
    expect(refused).toContain('at most 1 h; you asked for 1 h 30 min');
    const text = cardText((await bot.say(u.riley, 'activate application admin for PT1H')).card);
    expect(text).toMatch(activated('Application Administrator'));
    expect(text).toMatch(/Duration\n1 h/);
  });

  test('eligibility inherited from a role-assignable group activates with the user’s own id', async () => {
    const text = cardText((await bot.say(u.jordan, 'activate helpdesk admin for 1h because tickets')).card);
    expect(text).toMatch(activated('Helpdesk Administrator'));
    const instances = bot.sim.state.schedules.filter(
      (s) =>
        s.kind === 'assignment' &&
        s.principalId === u.jordan.id &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    );
    expect(instances).toHaveLength(1);
  });

  test('administrative-unit-scoped eligibility activates at that scope, shown by name', async () => {
    const turn = await bot.say(
      u.jamie,
      'activate authentication admin for 1h because emea scope EMEA Office',
    );
    const text = cardText(turn.card);
    expect(text).toMatch(activated('Authentication Administrator'));
    expect(text).toMatch(/Scope\nEMEA Office/);
    expect(findAction(turn.card, 'deactivate').data.directoryScopeId).toBe(
      '/administrativeUnits/3cfdd2b2-52cb-4d78-990b-076b52995826',
    );
  });

  test('PIM for Groups membership activates (justification, four-hour maximum)', async () => {
    const refused = cardText(
      (await bot.say(u.casey, 'activate group production database operators member for 5h because db')).card,
    );
    expect(refused).toContain('at most 4 h');
    const turn = await bot.say(
      u.casey,
      'activate group Production Database Operators member for 1h because db',
    );
    expect(cardText(turn.card)).toMatch(activated('Production Database Operators (member)'));
    const effective = await bot.waitForUpdate(turn.messages[0].activityId, 'Effective now');
    expect(cardText(effective.card)).toContain('✓ Production Database Operators (member) is active');
  });

  test('PIM for Groups ownership needs approval by the Elevate Admins group', async () => {
    const text = cardText(
      (await bot.say(u.casey, 'activate group production database operators owner for 1h because schema'))
        .card,
    );
    expect(text).toContain('Waiting for approval');
    expect(text).toContain('Asked: Chris Dubois.');
  });
});

describe('other outcomes', () => {
  test('a start time: scheduled (Granted) for T, with Cancel', async () => {
    const turn = await bot.say(u.taylor, 'activate global reader tomorrow 9:00 for 1h');
    const text = cardText(turn.card);
    expect(text).toContain('Global Reader is scheduled');
    expect(text).toMatch(/Starts 09:00 tomorrow \(P[SD]T\), ends 10:00 tomorrow \(P[SD]T\)/);
    expect(text).toContain('PIM granted the request.');
    const cancel = findAction(turn.card, 'cancel');

    const status = cardText((await bot.say(u.taylor, 'status')).card);
    expect(status).toMatch(/Scheduled \(1\)/);

    const cancelled = await bot.execute(u.taylor, 'cancel', cancel.data);
    expect(cardText(cancelled.card)).toContain('Cancelled: Global Reader');
  });

  test('already active is information, not an error', async () => {
    const text = cardText((await bot.say(u.avery, 'activate global reader for 1h')).card);
    expect(text).toContain('ℹ Global Reader is already active');
    expect(text).toContain('Nothing to do: you already hold this role.');
    expect(text).not.toMatch(/Details: [A-Z_]+/);
  });

  test('a PIM outage is answered with its cause and remedy, not silence', async () => {
    const fault = await bot.control('POST', '/_sim/faults', {
      path: '/v1.0/roleManagement/directory/roleAssignmentScheduleRequests',
      method: 'POST',
      kind: 'status',
      status: 503,
      count: 10,
    });
    expect(fault.status).toBeLessThan(300);
    try {
      const turn = await bot.say(u.alex, 'activate application admin for 30m');
      const text = cardText(turn.card);
      expect(text).toContain('Could not activate Application Administrator');
      expect(text).toContain('What you can do');
      expect(text).toMatch(/Details: [A-Z_]+/);
      expect(text).not.toContain('is active');
    } finally {
      await bot.control('DELETE', '/_sim/faults');
    }
  });
});
