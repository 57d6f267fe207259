import { createHmac, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  cardText,
  seedUsers as u,
  startBotHarness,
  BOT_ID,
  type BotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 14, defect 7 (tokens) in tenant mode against the simulator's Bot Framework channel: every
 * bad token is 401 (never 500), and no key or token reaches the logs.
 */
let bot: BotHarness;
let publicPem: string;
let jwkN: string;
beforeAll(async () => {
  bot = await startBotHarness({ mode: 'tenant', env: { LOG_LEVEL: 'info' } });
  const keys = (await (await fetch(`${bot.sim.baseUrl}/botframework/v1/.well-known/keys`)).json()) as {
    keys: (Record<string, string> & { n: string })[];
  };
  jwkN = keys.keys[0].n;
  publicPem = createPublicKey({ key: keys.keys[0], format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
});
afterAll(async () => bot?.close());

const appId = () => bot.sim.state.directory.apps[0].appId;

function message(): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${u.alex.id}`, name: u.alex.displayName, aadObjectId: u.alex.id },
    recipient: { id: BOT_ID, name: 'Elevate' },
    conversation: { id: `a:personal-${u.alex.id}`, conversationType: 'personal', tenantId: bot.tenantId },
    channelData: { tenant: { id: bot.tenantId } },
    text: 'help',
  };
}

function hs256(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({
  iss: 'https://api.botframework.com',
  aud: appId(),
  nbf: now() - 10,
  exp: now() + 600,
  serviceurl: bot.connector.serviceUrl,
});

test('a valid simulator channel token is served (the help card is posted)', async () => {
  const turn = await bot.say(u.alex, 'help');
  expect(turn.status).toBe(200);
  expect(cardText(turn.card)).toContain('activate');
});

const badTokens: [string, () => string | undefined][] = [
  ['no Authorization header', () => undefined],
  ['HS256 signed with the channel public key', () => hs256(goodClaims(), publicPem)],
  [
    'RS256 signed by a key the channel never published',
    () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return jwt.sign(goodClaims(), privateKey, { algorithm: 'RS256', keyid: 'stranger' });
    },
  ],
  [
    'alg none',
    () =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(goodClaims())).toString('base64url')}.`,
  ],
  ['garbage', () => 'not-a-jwt'],
];

test.each(badTokens)('%s is answered 401 and logs neither key nor token', async (_name, token) => {
  const before = bot.logs.length;
  const sent = token();
  const response = await bot.post(message(), { authorization: sent === undefined ? '' : `Bearer ${sent}` });
  expect(response.status).toBe(401);
  const logged = bot.logs.slice(before).join('\n');
  expect(logged).not.toContain('PUBLIC KEY');
  expect(logged).not.toContain(jwkN.slice(0, 40));
  if (sent && sent.length > 20) expect(logged).not.toContain(sent.slice(-20));
  expect(logged).toContain('Bot Framework token refused');
});
