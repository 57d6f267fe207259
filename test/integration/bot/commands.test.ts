import {
  activated,
  cardActions,
  cardText,
  findAction,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/** Chat commands through /api/messages: every command, every conversation kind, malformed input. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => bot?.close());

describe('help and anything else', () => {
  test('help lists every command with an example', async () => {
    const turn = await bot.say(u.alex, 'help');
    expect(turn.status).toBe(200);
    const text = cardText(turn.card);
    for (const word of ['roles', 'activate', 'deactivate', 'status', 'cancel', 'help']) {
      expect(text).toMatch(new RegExp(`^${word}$`, 'm'));
    }
    expect(text).toContain('activate Exchange Admin for 2h because mailbox migration ticket INC-42');
    expect(text).toContain('Times are shown in your time zone, Europe/London (GMT).');
  });

  test('unknown text gets a short help answer quoting it, not silence', async () => {
    const turn = await bot.say(u.alex, 'make me a sandwich');
    expect(cardText(turn.card)).toContain(
      'I did not understand "make me a sandwich". Here is what I can do:',
    );
  });

  test('an empty message also gets the help card', async () => {
    const turn = await bot.say(u.alex, '   ');
    expect(cardText(turn.card)).toContain('Here is what I can do:');
  });
});

describe('roles', () => {
  test('lists direct, group-inherited eligibilities with maximum durations and approval needs', async () => {
    const turn = await bot.say(u.alex, 'roles');
    expect(turn.typed).toBe(true);
    const text = cardText(turn.card);
    expect(text).toContain('Alex Morgan · times in Europe/London');
    expect(text).toContain('Global Reader');
    expect(text).toMatch(/Application Administrator\nDirectory · up to 1 h/);
    expect(text).toMatch(/Helpdesk Administrator\nDirectory · up to 8 h\nvia group IT Helpdesk/);
    expect(text).toContain('Nothing is active.');
    const activate = cardActions(turn.card).filter(
      (a) => a.type === 'Action.Execute' && a.verb === 'activate',
    );
    expect(activate.map((a) => a.data.roleId)).toContain('f2ef992c-3afb-46b9-b7cf-a126ee74c451');
  });

  test('"my roles" with odd case and spaces shows the scoped eligibility with its administrative unit name', async () => {
    const turn = await bot.say(u.jamie, '  My   ROLES ');
    const text = cardText(turn.card);
    expect(text).toContain('Jamie Rossi · times in Europe/Rome');
    expect(text).toMatch(/Authentication Administrator\nEMEA Office · up to 8 h/);
    expect(findAction(turn.card, 'activate').data.directoryScopeId).toBe(
      '/administrativeUnits/3cfdd2b2-52cb-4d78-990b-076b52995826',
    );
  });

  test('PIM for Groups eligibilities are listed by group name', async () => {
    const text = cardText((await bot.say(u.casey, 'roles')).card);
    expect(text).toContain('Production Database Operators');
  });

  test('active roles show their end time in the user time zone with Deactivate', async () => {
    await bot.say(u.taylor, 'activate global reader for 1h');
    const turn = await bot.say(u.taylor, 'roles');
    const text = cardText(turn.card);
    expect(text).toMatch(
      /Active now \(1\)\nGlobal Reader\nDirectory · active until .*\((PST|PDT|GMT-[78])\)/,
    );
    expect(findAction(turn.card, 'deactivate').data.roleId).toBe('f2ef992c-3afb-46b9-b7cf-a126ee74c451');
  });

  test('a permanent assignment is shown as having no end', async () => {
    const text = cardText((await bot.say(u.chris, 'roles')).card);
    expect(text).toMatch(
      /Privileged Role Administrator\nDirectory · active until No end \(permanent assignment\)/,
    );
  });
});

describe('conversations', () => {
  test('in a channel the bot answers an @mention, whatever the case and spacing', async () => {
    const turn = await bot.say(u.avery, '  ROLES  ', { where: 'channel' });
    expect(turn.messages[0].conversationId).toBe(bot.conversationId(u.avery, 'channel'));
    expect(cardText(turn.card)).toContain('Avery Patel · times in America/Chicago');
  });

  test('in a group chat the bot answers an @mention with the sender’s own roles', async () => {
    const turn = await bot.say(u.jamie, 'roles', { where: 'groupChat' });
    expect(cardText(turn.card)).toContain('Jamie Rossi');
    expect(cardText(turn.card)).not.toContain('Avery');
  });

  test('an activation from a group chat is answered in that group chat, for the sender', async () => {
    const turn = await bot.say(
      u.casey,
      'activate group production database operators member for 45m because hotfix',
      { where: 'groupChat' },
    );
    expect(turn.messages.every((m) => m.conversationId === bot.conversationId(u.casey, 'groupChat'))).toBe(
      true,
    );
    expect(cardText(turn.card)).toMatch(activated('Production Database Operators (member)'));
    const schedule = bot.sim.state.schedules.find(
      (s) => s.kind === 'assignment' && s.principalId === u.casey.id && s.target.type === 'group',
    );
    expect(schedule).toBeDefined();
  });

  test('"@Elevate" typed as plain text is removed too', async () => {
    const turn = await bot.say(u.alex, '@Elevate help');
    expect(cardText(turn.card)).not.toContain('I did not understand');
  });
});

describe('activate', () => {
  test('long operations show progress: typing, then the progress card is updated in place', async () => {
    const turn = await bot.say(u.avery, 'activate global reader for 30m');
    expect(turn.typed).toBe(true);
    expect(turn.messages).toHaveLength(1);
    const [message] = turn.messages;
    expect(cardText(message.versions[0].attachments)).toContain('Activating…');
    expect(message.updates).toBeGreaterThanOrEqual(1);
    expect(cardText(turn.card)).toMatch(activated('Global Reader'));
  });

  test('several roles in one command: one card, a part per role', async () => {
    const turn = await bot.say(
      u.priya,
      'activate Exchange Admin, teams admin for 1h because mail flow ticket INC-1',
    );
    expect(turn.cards).toHaveLength(1);
    const text = cardText(turn.card);
    expect(text).toMatch(activated('Exchange Administrator'));
    expect(text).toMatch(activated('Teams Administrator'));
    expect(text.match(/Justification\nmail flow\nTicket\nINC-1/g)).toHaveLength(2);
    expect(text).toContain('(GMT+5:30)');
  });

  test.each([
    ['1h30m', '1 h 30 min', u.jordan],
    ['90m', '1 h 30 min', u.alex],
    ['PT2H', '2 h', u.dana],
  ])('duration written as %s', async (written, shown, user) => {
    const text = cardText(
      (await bot.say(user, `activate helpdesk admin for ${written} because tickets`)).card,
    );
    expect(text).toMatch(activated('Helpdesk Administrator'));
    expect(text).toContain(`Duration\n${shown}`);
  });

  test('a start later today ("at H:mm") is scheduled', async () => {
    const now = bot.sim.clock.now().setZone(u.morgan.timeZone);
    const later = now.plus({ hours: 2 });
    if (later.day !== now.day) return; // "at" means today; near midnight the case is covered by "tomorrow"
    const text = cardText(
      (await bot.say(u.morgan, `activate security admin at ${later.toFormat('H:mm')} for 1h because audit`))
        .card,
    );
    expect(text).toContain('Waiting for approval');
  });

  test('an ambiguous name gets a pick-one card listing every match', async () => {
    const turn = await bot.say(u.alex, 'activate admin');
    const text = cardText(turn.card);
    expect(text).toContain('Which role did you mean?');
    expect(text).toContain('"admin" matches');
    const picks = cardActions(turn.card).filter((a) => a.type === 'Action.Execute' && a.verb === 'pickRole');
    expect(picks.length).toBeGreaterThanOrEqual(4);
  });

  test('a name with nothing close gets "no eligible role matches" with a way to see the roles', async () => {
    const turn = await bot.say(u.alex, 'activate billing admin');
    expect(cardText(turn.card)).toContain('No eligible role matches "billing admin"');
    findAction(turn.card, 'showRoles');
  });

  test('a close misspelling gets "did you mean" with the near roles', async () => {
    const turn = await bot.say(u.alex, 'activate global xyz');
    const text = cardText(turn.card);
    expect(text).toContain('Did you mean one of these?');
    expect(text).toContain('Global Reader');
  });

  test('"activate" alone opens the activation form', async () => {
    const turn = await bot.say(u.riley, 'activate');
    const text = cardText(turn.card);
    expect(text).toContain('Activate a role');
    expect(text).toMatch(/Duration \(5 minutes to 1 h\)/);
    findAction(turn.card, 'submitActivation');
  });
});

describe('malformed commands get clear answers', () => {
  test('duration above the role maximum', async () => {
    const text = cardText((await bot.say(u.riley, 'activate application admin for 2h')).card);
    expect(text).toContain('Application Administrator can be activated for at most 1 h; you asked for 2 h.');
    expect(text).toContain('Ask for 1 h or less (at least 5 min).');
    expect(text).toContain('DURATION_TOO_LONG');
  });

  test('duration under five minutes', async () => {
    const text = cardText((await bot.say(u.riley, 'activate application admin for 2m')).card);
    expect(text).toContain('An activation must last at least 5 min; you asked for 2 min.');
    expect(text).toContain('DURATION_TOO_SHORT');
  });

  test('start in the past, with a suggestion', async () => {
    const now = bot.sim.clock.now().setZone(u.alex.timeZone);
    const past = now.minus({ hours: 1 });
    // Only meaningful when an hour ago is still today in the user's zone.
    if (past.day !== now.day) return;
    const text = cardText((await bot.say(u.alex, `activate global reader at ${past.toFormat('H:mm')}`)).card);
    expect(text).toContain('is in the past; a start time must be now or later.');
    expect(text).toContain(`Say "tomorrow ${past.toFormat('H:mm')}" to start tomorrow`);
    expect(text).toContain('START_IN_PAST');
  });

  test('justification over 500 characters', async () => {
    const text = cardText((await bot.say(u.alex, `activate global reader because ${'x'.repeat(501)}`)).card);
    expect(text).toContain('The justification is 501 characters long; at most 500 are allowed.');
    expect(text).toContain('JUSTIFICATION_TOO_LONG');
  });

  test('ticket over 100 characters', async () => {
    const text = cardText(
      (await bot.say(u.riley, `activate application admin for 30m ticket INC-${'1'.repeat(97)}`)).card,
    );
    expect(text).toMatch(/ticket number is 101 characters long; at most 100 are allowed/i);
    expect(text).toContain('TICKET_TOO_LONG');
  });

  test('a missing justification and ticket are both named, with how to add them', async () => {
    const text = cardText((await bot.say(u.alex, 'activate exchange admin for 1h')).card);
    expect(text).toContain('Exchange Administrator needs a justification to activate.');
    expect(text).toContain('Exchange Administrator needs a ticket number to activate.');
    expect(text).toContain(
      'Add a reason ("because …"), up to 500 characters. Add a ticket number ("ticket INC-1234"), up to 100 characters.',
    );
  });

  test('invalid requests never reach PIM: nothing is POSTed to Graph', async () => {
    const posts = async () => {
      const log = await bot.control('GET', '/_sim/requests?method=POST&path=ScheduleRequests');
      return (log.body as { value: unknown[] }).value.length;
    };
    const before = await posts();
    await bot.say(u.riley, 'activate application admin for 3h');
    await bot.say(u.alex, 'activate exchange admin for 1h');
    await bot.say(u.alex, `activate global reader because ${'y'.repeat(600)}`);
    expect(await posts()).toBe(before);
    // The same log does see a valid request (so the check above can fail).
    await bot.say(u.riley, 'activate application admin for 30m');
    expect(await posts()).toBe(before + 1);
  });

  test('deactivate with no role name', async () => {
    const text = cardText((await bot.say(u.alex, 'deactivate')).card);
    expect(text).toMatch(/role/i);
    expect(text).toContain('COMMAND_INVALID');
  });

  test('status with extra words', async () => {
    const text = cardText((await bot.say(u.alex, 'status of everything')).card);
    expect(text).toContain('COMMAND_INVALID');
  });
});

describe('status, cancel, deactivate', () => {
  test('status shows active roles with their end time', async () => {
    const turn = await bot.say(u.priya, 'status');
    const text = cardText(turn.card);
    expect(text).toContain('Your requests');
    expect(text).toMatch(/Exchange Administrator\nDirectory · active until /);
  });

  test('status shows a pending request with its approver and a Cancel button', async () => {
    await bot.say(u.jordan, 'activate user admin for 1h because onboarding');
    const turn = await bot.say(u.jordan, 'status');
    const text = cardText(turn.card);
    expect(text).toMatch(/User Administrator/);
    expect(text).toContain('approvers: Dana Schmidt');
    findAction(turn.card, 'cancel');
  });

  test('cancel with one open request cancels it', async () => {
    const turn = await bot.say(u.jordan, 'cancel');
    expect(cardText(turn.card)).toContain('Cancelled: User Administrator');
    expect(cardText((await bot.say(u.jordan, 'status')).card)).not.toContain('approvers: Dana Schmidt');
  });

  test('cancel by request id', async () => {
    const pending = await bot.say(u.jordan, 'activate user admin for 1h because onboarding again');
    const requestId = String(findAction(pending.card, 'cancel').data.requestId);
    const text = cardText((await bot.say(u.jordan, `cancel ${requestId}`)).card);
    expect(text).toContain('Cancelled: User Administrator');
    expect(text).not.toContain(requestId); // an id is for machines: the role names the request
  });

  test('cancel with nothing open says so', async () => {
    const text = cardText((await bot.say(u.jordan, 'cancel')).card);
    expect(text).toContain('Nothing to cancel');
    expect(text).toContain('You have no pending or scheduled requests.');
  });

  test('cancel by role name', async () => {
    await bot.say(u.sam, 'activate security admin for 1h because audit');
    const text = cardText((await bot.say(u.sam, 'cancel security admin')).card);
    expect(text).toContain('Cancelled: Security Administrator');
  });

  test('deactivate inside the first five minutes is refused with the time it becomes possible', async () => {
    const turn = await bot.say(u.priya, 'deactivate exchange admin');
    const text = cardText(turn.card);
    expect(text).toContain('Exchange Administrator cannot be deactivated yet');
    // "tomorrow" when the five minutes cross midnight in Kolkata (18:25-18:30 UTC).
    expect(text).toMatch(
      /You can deactivate from \d{1,2}:\d{2} (today|tomorrow) \(GMT\+5:30\), in [45] minutes\./,
    );
  });

  test('deactivate after five minutes ends the role', async () => {
    await bot.advance('PT6M');
    const text = cardText((await bot.say(u.priya, 'deactivate exchange admin')).card);
    expect(text).toContain('Exchange Administrator is deactivated');
    expect(cardText((await bot.say(u.priya, 'status')).card)).not.toContain('Exchange Administrator');
  });

  test('deactivate of a role that is not active says so', async () => {
    const text = cardText((await bot.say(u.priya, 'deactivate exchange admin')).card);
    expect(text).toContain('No active role matches "exchange admin", so there is nothing to deactivate.');
    expect(text).toMatch(/Active now: Teams Administrator\.|You have no activated roles right now/);
    expect(text).toContain('NOT_ACTIVE');
  });
});
