import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { ElevateBot } from '../../../src/adapters/teams/elevate-bot';
import type { ConversationRecorder } from '../../../src/adapters/teams/conversation-recorder';
import { createLogger } from '../../../src/adapters/observability/logger';
import {
  BOT_ID,
  SEED_TENANT_ID,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/**
 * Teams SSO invokes: `signin/tokenExchange` (silent SSO; a failure must be 412 so Teams shows the
 * sign-in button) and `signin/verifyState` (after the button).
 */
const invoke = (name: string, value: unknown, serviceUrl: string, conversationId: string) => ({
  type: 'invoke',
  name,
  value,
  id: `invoke-${name}`,
  channelId: 'msteams',
  serviceUrl,
  from: { id: `29:${u.alex.id}`, name: u.alex.displayName, aadObjectId: u.alex.id },
  recipient: { id: BOT_ID, name: 'Elevate' },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: SEED_TENANT_ID },
  channelData: { tenant: { id: SEED_TENANT_ID } },
});

describe('through /api/messages (demo mode: no token service to exchange with)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ mode: 'demo' });
  });
  afterAll(async () => bot?.close());

  test('a token exchange that cannot be done is answered 412 so Teams falls back to the sign-in button', async () => {
    const response = await bot.post(
      invoke(
        'signin/tokenExchange',
        { id: 'x1', connectionName: 'elevate-sso', token: 'eyJ.teams.sso' },
        bot.connector.serviceUrl,
        'a:sso-demo',
      ),
    );
    expect(response.status).toBe(412);
    expect(response.body).toEqual({
      id: 'x1',
      connectionName: 'elevate-sso',
      failureDetail: 'Elevate could not exchange the Teams sign-in token; sign in with the button instead.',
    });
  });

  test('a verifyState that cannot be redeemed gets a clear message', async () => {
    const response = await bot.post(
      invoke('signin/verifyState', { state: '123456' }, bot.connector.serviceUrl, 'a:sso-demo'),
    );
    expect(response.status).toBe(200);
    const [reply] = bot.shown('a:sso-demo');
    expect(reply.text).toContain('Elevate could not complete your sign-in.');
  });
});

describe('ElevateBot with a token source that can exchange (tenant mode)', () => {
  const recorder = { record: async () => undefined } as unknown as ConversationRecorder;
  const exchanged: string[] = [];
  const verified: string[] = [];
  const bot = new ElevateBot({
    commands: { dispatch: async () => undefined },
    verbs: { dispatch: async () => undefined },
    recorder,
    welcome: async () => undefined,
    logger: createLogger({ level: 'silent' }),
    sso: {
      exchange: async (_turn, token) => {
        exchanged.push(token);
        return token === 'good';
      },
      verifyState: async (_turn, state) => {
        verified.push(state);
        return state === '424242';
      },
    },
  });

  async function run(activity: Partial<Activity>) {
    const adapter = new TestAdapter(async (context: TurnContext) => bot.run(context));
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  const base = invoke('', undefined, 'https://test.invalid/', 'a:sso-tenant');

  test('a successful exchange answers 200 and tells the user to go ahead', async () => {
    const sent = await run({
      ...base,
      name: 'signin/tokenExchange',
      value: { id: 'x2', connectionName: 'elevate-sso', token: 'good' },
    } as Partial<Activity>);
    expect(exchanged).toContain('good');
    const response = sent.find((a) => a.type === 'invokeResponse');
    expect((response?.value as { status: number }).status).toBe(200);
    expect(sent.some((a) => String(a.text).startsWith('You are signed in to Elevate.'))).toBe(true);
  });

  test('a refused exchange answers 412 with the request id', async () => {
    const sent = await run({
      ...base,
      name: 'signin/tokenExchange',
      value: { id: 'x3', connectionName: 'elevate-sso', token: 'bad' },
    } as Partial<Activity>);
    const response = sent.find((a) => a.type === 'invokeResponse')?.value as {
      status: number;
      body: { id: string };
    };
    expect(response.status).toBe(412);
    expect(response.body.id).toBe('x3');
  });

  test('verifyState redeems the code and tells the user to go ahead', async () => {
    const sent = await run({
      ...base,
      name: 'signin/verifyState',
      value: { state: '424242' },
    } as Partial<Activity>);
    expect(verified).toContain('424242');
    expect(sent.some((a) => String(a.text).startsWith('You are signed in to Elevate.'))).toBe(true);
  });
});
