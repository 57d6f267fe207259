import {
  activated,
  cardActions,
  cardText,
  findAction,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';

/** Chat commands through /api/messages: help, roles and every conversation kind. */
const bot = useBotHarness();

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
