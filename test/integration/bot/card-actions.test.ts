import {
  activated,
  cardActions,
  cardText,
  findAction,
  refusalBeside,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
  type Card,
} from '../../fixtures/bot-harness';

/** Buttons: Action.Execute invokes and Action.Submit fallbacks, the activation form, and signed-token checks. */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => bot?.close());

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const EXCHANGE = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const APP_ADMIN = '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3';

const activationsOf = (userId: string, roleId: string) =>
  bot.sim.state.schedules.filter(
    (s) =>
      s.kind === 'assignment' &&
      s.principalId === userId &&
      s.target.type === 'role' &&
      s.target.roleDefinitionId === roleId,
  );

/** An input of a card by id (searching containers and columns). */
function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Record<string, unknown>;
    if (element.id === id && String(element.type).startsWith('Input.')) found = element;
    else Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

/** The attention message right under input `id` (or under the column set holding it), if any. */
function messageUnder(card: unknown, id: string): string | undefined {
  let message: string | undefined;
  const holds = (node: unknown): boolean => inputById({ body: [node] }, id) !== undefined;
  const visit = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item, index) => {
      const element = item as Record<string, unknown>;
      const next = items[index + 1] as Record<string, unknown> | undefined;
      if (holds(element) && !Array.isArray(element.items) && !Array.isArray(element.columns)) {
        if (next?.type === 'TextBlock' && next.color === 'Attention') message = String(next.text);
      } else if (holds(element) && Array.isArray(element.columns)) {
        if (next?.type === 'TextBlock' && next.color === 'Attention') message = String(next.text);
      } else if (holds(element)) visit(element.items);
    });
  };
  visit((card as { body?: unknown }).body);
  return message;
}

function activateButton(card: Card, roleId: string) {
  const button = cardActions(card).find(
    (a) => a.type === 'Action.Execute' && a.verb === 'activate' && a.data.roleId === roleId,
  );
  if (!button) throw new Error(`no Activate button for ${roleId}:\n${cardText(card)}`);
  return button;
}

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
    expect(activationsOf(u.avery.id, GLOBAL_READER)).toHaveLength(1);
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
    expect(activationsOf(u.priya.id, EXCHANGE)).toHaveLength(0);
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
    expect(activationsOf(u.priya.id, EXCHANGE)).toHaveLength(0);

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
    expect(activationsOf(u.taylor.id, GLOBAL_READER)).toHaveLength(0);
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

describe('Action.Submit fallback', () => {
  test('a Submit click updates the clicked card in place', async () => {
    const help = await bot.say(u.jamie, 'help');
    const clickedId = help.messages[0].activityId;
    const submit = cardActions(help.card).find(
      (a) => a.type === 'Action.Submit' && a.data.verb === 'showRoles',
    );
    expect(submit).toBeDefined();
    const turn = await bot.submit(u.jamie, submit!.data, { replyToId: clickedId });
    const put = turn.calls.find((c) => c.method === 'PUT');
    expect(put?.activityId).toBe(clickedId);
    const now = bot.shown(bot.conversationId(u.jamie)).find((m) => m.activityId === clickedId);
    expect(cardText(now?.card)).toContain('Your PIM roles');
  });
});

describe('identity comes from the activity, never from card data', () => {
  test('forged user ids in card data are ignored: the sender acts as themselves', async () => {
    const roles = await bot.say(u.jamie, 'roles');
    const button = cardActions(roles.card).find((a) => a.type === 'Action.Execute' && a.verb === 'activate');
    const forged = {
      ...button!.data,
      userId: u.alex.id,
      aadObjectId: u.alex.id,
      principalId: u.alex.id,
      actorId: u.alex.id,
      from: { aadObjectId: u.alex.id },
    };
    const clicked = await bot.execute(u.jamie, 'activate', forged);
    // Authentication Administrator needs a justification: the form opens, for Jamie.
    expect(cardText(clicked.card)).toContain('Limits shown are for Authentication Administrator');
    const submit = findAction(clicked.card, 'submitActivation');
    const done = await bot.execute(u.jamie, 'submitActivation', {
      ...submit.data,
      role: `c4e39bd9-1100-46d3-8c65-fb160da0071f|/administrativeUnits/3cfdd2b2-52cb-4d78-990b-076b52995826`,
      duration: 'PT30M',
      justification: 'emea',
      userId: u.alex.id,
      aadObjectId: u.alex.id,
    });
    expect(cardText(done.card)).toMatch(activated('Authentication Administrator'));
    expect(activationsOf(u.jamie.id, 'c4e39bd9-1100-46d3-8c65-fb160da0071f')).toHaveLength(1);
    expect(activationsOf(u.alex.id, 'c4e39bd9-1100-46d3-8c65-fb160da0071f')).toHaveLength(0);
  });

  test('a button sent to someone else is refused for another sender', async () => {
    const alexRoles = await bot.say(u.alex, 'roles');
    const clicked = await bot.execute(
      u.taylor,
      'activate',
      activateButton(alexRoles.card, GLOBAL_READER).data,
    );
    const text = refusalBeside(clicked);
    expect(text).toContain(
      'This button is on a card Elevate made for someone else, and it acts only for them.',
    );
    expect(text).toContain('CARD_ACTION_INVALID');
    expect(activationsOf(u.alex.id, GLOBAL_READER)).toHaveLength(0);
  });

  test('an activity without an Entra object id is refused with a clear answer', async () => {
    const turn = await bot.post({
      type: 'message',
      id: 'no-aad',
      channelId: 'msteams',
      serviceUrl: bot.connector.serviceUrl,
      from: { id: '29:guest', name: 'Guest' },
      recipient: { id: '28:elevate-demo-bot', name: 'Elevate' },
      conversation: { id: 'a:guest', conversationType: 'personal', tenantId: bot.tenantId },
      channelData: { tenant: { id: bot.tenantId } },
      text: 'roles',
    });
    expect(turn.status).toBe(200);
    const reply = bot.shown('a:guest').at(-1);
    expect(cardText(reply?.card)).toContain('Teams did not tell Elevate who you are');
  });
});

test('a sender who is not in the tenant gets a clear answer, not a crash', async () => {
  const stranger = {
    id: '00000000-1111-2222-3333-444444444444',
    displayName: 'Stranger',
    userPrincipalName: 'stranger@fabrikam.example',
    timeZone: 'UTC',
  };
  const turn = await bot.say(stranger, 'roles');
  expect(turn.status).toBe(200);
  if (process.env.ELEVATE_TEST_MODE === 'tenant') {
    // Tenant mode: nobody signed in to the bot's OAuth connection as them, so Teams' sign-in card.
    const sent = turn.calls.flatMap((c) => (c.body.attachments ?? []) as { contentType?: string }[]);
    expect(sent.map((a) => a.contentType)).toContain('application/vnd.microsoft.card.oauth');
    return;
  }
  const text = cardText(turn.card);
  expect(text).toContain('is not a user of the demo tenant');
  expect(text).toContain('SIGN_IN_REQUIRED');
});

describe('signed card tokens', () => {
  test('changing the role in the data after signing is refused', async () => {
    const roles = await bot.say(u.riley, 'roles');
    const button = cardActions(roles.card).find((a) => a.type === 'Action.Execute' && a.verb === 'activate');
    const clicked = await bot.execute(u.riley, 'activate', { ...button!.data, roleId: GLOBAL_READER });
    expect(refusalBeside(clicked)).toContain('its signature is for a different role or request');
  });

  test('a tampered signature is refused', async () => {
    const roles = await bot.say(u.riley, 'roles');
    const button = cardActions(roles.card).find((a) => a.type === 'Action.Execute' && a.verb === 'activate');
    const token = String(button!.data.token);
    const [payload, signature] = token.split('.');
    const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const clicked = await bot.execute(u.riley, 'activate', { ...button!.data, token: flipped });
    expect(refusalBeside(clicked)).toContain('its data was changed after Elevate sent it');
  });

  test('a button without a token is refused', async () => {
    const clicked = await bot.execute(u.riley, 'activate', { roleId: GLOBAL_READER, directoryScopeId: '/' });
    expect(refusalBeside(clicked)).toContain('it carries no signature');
  });

  test('a button used for another verb is refused', async () => {
    const help = await bot.say(u.riley, 'help');
    const token = findAction(help.card, 'showRoles').data.token;
    const clicked = await bot.execute(u.riley, 'cancel', { requestId: 'x', token });
    expect(refusalBeside(clicked)).toContain('its signature is for a different button');
  });

  test('an expired button (older than a day) is refused', async () => {
    const roles = await bot.say(u.dana, 'roles');
    const button = cardActions(roles.card).find((a) => a.type === 'Action.Execute' && a.verb === 'activate');
    await bot.advance('P2D');
    const clicked = await bot.execute(u.dana, 'activate', button!.data);
    expect(refusalBeside(clicked)).toContain('it is more than a day old');
    expect(refusalBeside(clicked)).toContain('Say "roles" or "status" for a fresh card, then try again.');
  });
});
