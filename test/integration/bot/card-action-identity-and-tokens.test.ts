import {
  activated,
  cardActions,
  cardText,
  findAction,
  refusalBeside,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';
import { activateButton, activationsOf, GLOBAL_READER } from './card-action-fixture';

/** Action.Submit fallbacks, and the checks on every button: identity from the activity, signed card tokens. */
const bot = useBotHarness();

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
    expect(activationsOf(bot, u.jamie.id, 'c4e39bd9-1100-46d3-8c65-fb160da0071f')).toHaveLength(1);
    expect(activationsOf(bot, u.alex.id, 'c4e39bd9-1100-46d3-8c65-fb160da0071f')).toHaveLength(0);
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
    expect(activationsOf(bot, u.alex.id, GLOBAL_READER)).toHaveLength(0);
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
