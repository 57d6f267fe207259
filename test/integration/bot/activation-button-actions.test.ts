import {
  activated,
  cardActions,
  cardText,
  findAction,
  refusalBeside,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';
import {
  activateButton,
  activationsOf,
  APP_ADMIN,
  EXCHANGE,
  GLOBAL_READER,
  inputById,
  messageUnder,
} from './card-action-fixture';

/** Action.Execute buttons: Activate, Options…, the activation form (refusals, start time, reshaping) and Deactivate. */
const bot = useBotHarness();

describe('Action.Execute', () => {
  test('Activate on the roles card activates and answers in the invoke response', async () => {
    const roles = await bot.say(u.avery, 'roles');
    const rolesId = roles.messages[0].activityId;
    const clicked = await bot.execute(u.avery, 'activate', activateButton(roles.card, GLOBAL_READER).data, {
      replyToId: rolesId,
    });
    expect(clicked.status).toBe(200);
    expect((clicked.body as { statusCode: number }).statusCode).toBe(200);
    expect(cardText(clicked.card)).toMatch(activated('Global Reader'));
    expect(activationsOf(bot, u.avery.id, GLOBAL_READER)).toHaveLength(1);
    // Once the assignment is visible, the clicked card is updated in place to "effective".
    const updated = await bot.waitForUpdate(rolesId, 'Effective now');
    expect(cardText(updated.card)).toContain('✓ Global Reader is active');
  });

  test('Activate on a role that needs a justification and ticket opens the form for that role', async () => {
    const roles = await bot.say(u.priya, 'roles');
    const clicked = await bot.execute(u.priya, 'activate', activateButton(roles.card, EXCHANGE).data);
    const text = cardText(clicked.card);
    expect(text).toContain('Activate a role');
    expect(text).toContain('Limits shown are for Exchange Administrator');
    expect(text).toMatch(/^Justification \(required\)$/m);
    expect(text).toMatch(/^Ticket number \(required\)$/m);
    expect(activationsOf(bot, u.priya.id, EXCHANGE)).toHaveLength(0);
  });

  test('a refused form comes back filled in as sent, with the fields at fault marked; then activates', async () => {
    const form = (await bot.say(u.priya, 'activate')).card;
    const submit = findAction(form, 'submitActivation');
    const missing = await bot.execute(u.priya, 'submitActivation', {
      ...submit.data,
      role: `${EXCHANGE}|/`,
      duration: 'PT30M',
      justification: 'mail flow incident',
      ticketNumber: '',
    });
    // Issue 13, defect 4: the same form, for the chosen role, with what was typed.
    const back = missing.card;
    expect(cardText(back)).toContain('Limits shown are for Exchange Administrator');
    expect(inputById(back, 'role')?.value).toBe(`${EXCHANGE}|/`);
    expect(inputById(back, 'duration')?.value).toBe('PT30M');
    expect(inputById(back, 'justification')?.value).toBe('mail flow incident');
    // Only the ticket is at fault, and it says so under the field.
    expect(messageUnder(back, 'ticketNumber')).toBe(
      'Exchange Administrator needs a ticket number to activate.',
    );
    expect(messageUnder(back, 'justification')).toBeUndefined();
    expect(messageUnder(back, 'duration')).toBeUndefined();
    expect(activationsOf(bot, u.priya.id, EXCHANGE)).toHaveLength(0);

    const ok = await bot.execute(u.priya, 'submitActivation', {
      ...findAction(back, 'submitActivation').data,
      role: `${EXCHANGE}|/`,
      duration: 'PT1H',
      justification: 'mail flow incident',
      ticketNumber: 'INC-7',
    });
    const text = cardText(ok.card);
    expect(text).toMatch(activated('Exchange Administrator'));
    expect(text).toMatch(/Justification\nmail flow incident\nTicket\nINC-7/);
  });

  test('the form refuses a start time in the past under the start fields, keeping the date and time typed', async () => {
    const form = (await bot.say(u.taylor, 'activate')).card;
    const submit = findAction(form, 'submitActivation');
    const yesterday = bot.sim.clock.now().setZone(u.taylor.timeZone).minus({ days: 1 });
    const clicked = await bot.execute(u.taylor, 'submitActivation', {
      ...submit.data,
      role: `${GLOBAL_READER}|/`,
      duration: 'PT1H',
      startDate: yesterday.toISODate(),
      startTime: '09:00',
    });
    expect(messageUnder(clicked.card, 'startTime')).toContain('is in the past');
    expect(inputById(clicked.card, 'startDate')?.value).toBe(yesterday.toISODate());
    expect(inputById(clicked.card, 'startTime')?.value).toBe('09:00');
    expect(activationsOf(bot, u.taylor.id, GLOBAL_READER)).toHaveLength(0);
  });

  test('choosing another role reshapes the form to that role (limits, justification, ticket), keeping what was typed', async () => {
    const form = (await bot.say(u.alex, 'activate')).card;
    const toApps = await bot.execute(u.alex, 'changeFormRole', {
      ...findAction(form, 'changeFormRole').data,
      role: `${APP_ADMIN}|/`,
      duration: 'PT30M',
      justification: 'typed before choosing',
      ticketNumber: 'INC-1',
    });
    // Application Administrator: at most 1 h, nothing required.
    const apps = toApps.card;
    expect(cardText(apps)).toContain('Limits shown are for Application Administrator');
    expect(inputById(apps, 'role')?.value).toBe(`${APP_ADMIN}|/`);
    expect(inputById(apps, 'duration')).toMatchObject({
      label: 'Duration (5 minutes to 1 h)',
      value: 'PT30M',
    });
    expect(inputById(apps, 'justification')).toMatchObject({
      label: 'Justification (optional)',
      value: 'typed before choosing',
    });
    expect(inputById(apps, 'ticketNumber')).toMatchObject({
      label: 'Ticket number (optional)',
      value: 'INC-1',
    });
    // Exchange Administrator: justification and ticket required, a longer maximum.
    const toExchange = await bot.execute(u.alex, 'changeFormRole', {
      ...findAction(apps, 'changeFormRole').data,
      role: `${EXCHANGE}|/`,
      duration: 'PT30M',
      justification: 'typed before choosing',
      ticketNumber: 'INC-1',
    });
    const exchange = toExchange.card;
    expect(cardText(exchange)).toContain('Limits shown are for Exchange Administrator');
    expect(inputById(exchange, 'justification')).toMatchObject({
      label: 'Justification (required)',
      value: 'typed before choosing',
    });
    expect(inputById(exchange, 'ticketNumber')?.label).toBe('Ticket number (required)');
    expect(inputById(exchange, 'duration')?.label).not.toBe('Duration (5 minutes to 1 h)');
  });

  test('pick-one answer opens the form for the chosen role', async () => {
    const pick = (await bot.say(u.alex, 'activate admin')).card;
    const choice = cardActions(pick).find(
      (a) => a.type === 'Action.Execute' && a.verb === 'pickRole' && a.data.roleId === EXCHANGE,
    );
    expect(choice).toBeDefined();
    const clicked = await bot.execute(u.alex, 'pickRole', choice!.data);
    expect(cardText(clicked.card)).toContain('Limits shown are for Exchange Administrator');
  });

  test('Options… on the roles card opens the form for that role', async () => {
    const roles = await bot.say(u.riley, 'roles');
    const options = cardActions(roles.card).find(
      (a) =>
        a.type === 'Action.Execute' &&
        a.verb === 'showActivationForm' &&
        a.data.roleId === '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    );
    const clicked = await bot.execute(u.riley, 'showActivationForm', options!.data);
    expect(cardText(clicked.card)).toContain('Limits shown are for Application Administrator');
    expect(cardText(clicked.card)).toContain('Duration (5 minutes to 1 h)');
  });

  test('Deactivate inside the first five minutes answers with when it becomes possible', async () => {
    const active = (await bot.say(u.avery, 'status')).card;
    const clicked = await bot.execute(u.avery, 'deactivate', findAction(active, 'deactivate').data);
    // Beside the pressed card, which keeps its details and its Deactivate button.
    const note = refusalBeside(clicked);
    expect(note).toContain('Global Reader cannot be deactivated yet');
    expect(note).toMatch(/You can deactivate from .* (today|tomorrow) \(C[SD]T\), in [45] minutes\./);
  });
});
