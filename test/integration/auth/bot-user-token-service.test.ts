import { randomUUID } from 'node:crypto';
import {
  cardText,
  seedUsers as u,
  startBotHarness,
  teamsUserId,
  type BotHarness,
  type TurnResult,
} from '../../fixtures/bot-harness';
import { SSO_CONNECTION_NAME } from '../../fixtures/tenant-mode';

/**
 * Tenant mode against the simulator's Bot Framework user-token service (GetToken, exchange,
 * GetSignInResource, SignOut, as botframework-connector's UserTokenClient calls them): a user who
 * has not signed in gets the OAuth card; Teams' silent SSO (a `signin/tokenExchange` invoke) or the
 * sign-in link's magic code (`signin/verifyState`) signs them in; the service answers only the bot.
 */
let bot: BotHarness;
let appId: string;
const oauthCardType = 'application/vnd.microsoft.card.oauth';

beforeAll(async () => {
  bot = await startBotHarness({ mode: 'tenant' });
  appId = bot.sim.state.directory.apps[0].appId;
});
afterAll(async () => bot?.close());

function signOut(userObjectId: string): void {
  const app = bot.sim.state.directory.apps[0];
  bot.sim.identity.botUserTokens.signOut(app, { userId: teamsUserId(userObjectId) });
}

function oauthCard(turn: TurnResult): Record<string, unknown> | undefined {
  for (const call of turn.calls) {
    const attachments = (call.body.attachments ?? []) as { contentType?: string; content?: unknown }[];
    const found = attachments.find((a) => a.contentType === oauthCardType);
    if (found) return found.content as Record<string, unknown>;
  }
  return undefined;
}

function signinInvoke(user: typeof u.alex, name: string, value: unknown): Record<string, unknown> {
  return {
    type: 'invoke',
    name,
    value,
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: teamsUserId(user.id), name: user.displayName, aadObjectId: user.id },
    recipient: { id: '28:elevate-demo-bot', name: 'Elevate' },
    conversation: { id: bot.conversationId(user), conversationType: 'personal', tenantId: bot.tenantId },
    channelData: { tenant: { id: bot.tenantId } },
  };
}

async function botToken(): Promise<string> {
  const app = bot.sim.state.directory.apps[0];
  const response = await fetch(`${bot.sim.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.appId,
      client_secret: app.clientSecret,
      scope: 'https://api.botframework.com/.default',
    }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

test('a signed-in user is served with no sign-in card', async () => {
  const turn = await bot.say(u.alex, 'roles');
  expect(oauthCard(turn)).toBeUndefined();
  expect(cardText(turn.card)).toContain('Global Reader');
});

test("a user who has not signed in gets the OAuth card; Teams' silent SSO exchange signs them in", async () => {
  signOut(u.priya.id);
  const first = await bot.say(u.priya, 'roles');
  const card = oauthCard(first);
  expect(card).toBeDefined();
  const resource = card?.tokenExchangeResource as { id: string; uri: string };
  expect(resource.uri).toBe(`api://botid-${appId}`);
  expect(String((card?.buttons as { value: string }[])[0].value)).toMatch(
    new RegExp(`^${bot.sim.baseUrl}/botframework/signin\\?state=`),
  );

  // What the Teams client does with the card: its own SSO token for the bot's API, exchanged.
  const ssoToken = await bot.sim.identity.issueTokenForTests({
    userId: u.priya.id,
    appId,
    audience: resource.uri,
    scopes: ['access_as_user'],
  });
  const exchanged = await bot.post(
    signinInvoke(u.priya, 'signin/tokenExchange', {
      id: resource.id,
      connectionName: SSO_CONNECTION_NAME,
      token: ssoToken,
    }),
  );
  expect(exchanged.status).toBe(200);
  const after = await bot.say(u.priya, 'roles');
  expect(oauthCard(after)).toBeUndefined();
  expect(cardText(after.card)).toContain('Exchange Administrator');
});

test('a token for another audience is not exchanged: 412, so Teams shows the sign-in button', async () => {
  signOut(u.riley.id);
  const graphToken = await bot.sim.identity.issueTokenForTests({ userId: u.riley.id, appId });
  const refused = await bot.post(
    signinInvoke(u.riley, 'signin/tokenExchange', {
      id: randomUUID(),
      connectionName: SSO_CONNECTION_NAME,
      token: graphToken,
    }),
  );
  expect(refused.status).toBe(412);
  expect(oauthCard(await bot.say(u.riley, 'roles'))).toBeDefined();
});

test("the sign-in link's page gives a magic code that signin/verifyState redeems", async () => {
  signOut(u.alex.id);
  const card = oauthCard(await bot.say(u.alex, 'status'));
  const link = String((card?.buttons as { value: string }[])[0].value);
  const page = await fetch(link);
  expect(await page.text()).toContain('id="signin-form"');
  const state = new URL(link).searchParams.get('state') ?? '';

  const wrong = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, username: u.alex.userPrincipalName, password: 'nope' }).toString(),
  });
  expect(wrong.status).toBe(403);

  const signedIn = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, username: u.alex.userPrincipalName, password: 'demo' }).toString(),
  });
  const code = /id="magic-code">(\d{6})</.exec(await signedIn.text())?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);

  const verified = await bot.post(signinInvoke(u.alex, 'signin/verifyState', { state: code }));
  expect(verified.status).toBe(200);
  expect(bot.shown(bot.conversationId(u.alex)).some((m) => m.text?.startsWith('You are signed in'))).toBe(
    true,
  );
  expect(cardText((await bot.say(u.alex, 'roles')).card)).toContain('Global Reader');
  // A magic code is good once.
  signOut(u.alex.id);
  await bot.post(signinInvoke(u.alex, 'signin/verifyState', { state: code }));
  expect(oauthCard(await bot.say(u.alex, 'roles'))).toBeDefined();
  bot.sim.identity.botUserTokens.signedIn(appId, teamsUserId(u.alex.id), SSO_CONNECTION_NAME, u.alex.id);
});

describe('the token API answers only the bot', () => {
  const getToken = (authorization?: string) =>
    fetch(
      `${bot.sim.baseUrl}/api/usertoken/GetToken?userId=${encodeURIComponent(teamsUserId(u.alex.id))}` +
        `&connectionName=${SSO_CONNECTION_NAME}&channelId=msteams`,
      { headers: authorization ? { authorization } : {} },
    );

  test('without a token, or with a user token, GetToken is 401', async () => {
    expect((await getToken()).status).toBe(401);
    const userToken = await bot.sim.identity.issueTokenForTests({ userId: u.alex.id, appId });
    expect((await getToken(`Bearer ${userToken}`)).status).toBe(401);
  });

  test("with the bot's token GetToken answers the user's token; after SignOut it is 404", async () => {
    const authorization = `Bearer ${await botToken()}`;
    const found = await getToken(authorization);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ connectionName: SSO_CONNECTION_NAME, channelId: 'msteams' });
    const signedOut = await fetch(
      `${bot.sim.baseUrl}/api/usertoken/SignOut?userId=${encodeURIComponent(teamsUserId(u.alex.id))}` +
        `&connectionName=${SSO_CONNECTION_NAME}&channelId=msteams`,
      { method: 'DELETE', headers: { authorization } },
    );
    expect(signedOut.status).toBe(200);
    expect((await getToken(authorization)).status).toBe(404);
    bot.sim.identity.botUserTokens.signedIn(appId, teamsUserId(u.alex.id), SSO_CONNECTION_NAME, u.alex.id);
  });
});
