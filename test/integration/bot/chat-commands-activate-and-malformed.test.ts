import {
  activated,
  cardActions,
  cardText,
  findAction,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';

/** Chat commands through /api/messages: activate, and malformed commands. */
const bot = useBotHarness();

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
