import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { seedUsers as u, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';
import { startSimulator } from '../../../src/simulator';

/**
 * Issue 14, defect 5: demo mode trusts whoever can reach it, so its endpoints refuse what a web
 * page can make a browser send (simple cross-site posts, rebound host names, foreign origins),
 * the card-signing key is a per-install secret, and /_sim/seed reads only the seed folder.
 */
let bot: BotHarness;
beforeAll(async () => {
  // Demo mode's own guards, whatever ELEVATE_TEST_MODE says.
  bot = await startBotHarness({ mode: 'demo' });
});
afterAll(async () => bot?.close());

/** A raw request, so Host and Origin can be set as a browser or a rebinding page would. */
function send(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function activity(): Record<string, unknown> {
  return {
    type: 'message',
    id: 'csrf-1',
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    from: { id: `29:${u.alex.id}`, name: u.alex.displayName, aadObjectId: u.alex.id },
    recipient: { id: '28:elevate-demo-bot', name: 'Elevate' },
    conversation: { id: `a:personal-${u.alex.id}`, conversationType: 'personal', tenantId: bot.tenantId },
    channelData: { tenant: { id: bot.tenantId } },
    text: 'activate global reader for 1h',
  };
}

const asForm = (value: Record<string, unknown>) =>
  Object.entries(value)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
    )
    .join('&');

describe('/api/messages in demo mode', () => {
  test.each([
    ['text/plain', () => JSON.stringify(activity()), 415],
    ['application/x-www-form-urlencoded', () => asForm(activity()), 415],
    ['multipart/form-data; boundary=x', () => '--x--', 415],
  ])('a %s body (what an HTML form can send cross-site) is refused', async (type, body, status) => {
    const before = bot.connector.calls.length;
    const response = await send(`${bot.url}/api/messages`, { 'content-type': type }, body());
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body).error.message).toContain('Send the body as JSON');
    expect(bot.connector.calls.length).toBe(before);
  });

  test('a foreign Origin is refused, a loopback one is served', async () => {
    const json = { 'content-type': 'application/json' };
    const foreign = await send(
      `${bot.url}/api/messages`,
      { ...json, origin: 'https://evil.example' },
      JSON.stringify(activity()),
    );
    expect(foreign.status).toBe(403);
    const local = await send(
      `${bot.url}/api/messages`,
      { ...json, origin: 'http://localhost:56150' },
      JSON.stringify({ ...activity(), text: 'help' }),
    );
    expect(local.status).toBe(200);
  });

  test('a Host that is not loopback (DNS rebinding) is refused', async () => {
    const response = await send(
      `${bot.url}/api/messages`,
      { 'content-type': 'application/json', host: 'rebind.evil.example:3978' },
      JSON.stringify(activity()),
    );
    expect(response.status).toBe(421);
  });
});

describe('the simulator control API', () => {
  test('refuses form posts, foreign origins and rebound hosts', async () => {
    const reset = `${bot.sim.baseUrl}/_sim/clock/advance`;
    expect((await send(reset, { 'content-type': 'text/plain' }, '{"by":"PT1H"}')).status).toBe(415);
    expect(
      (
        await send(
          reset,
          { 'content-type': 'application/json', origin: 'https://evil.example' },
          '{"by":"PT1M"}',
        )
      ).status,
    ).toBe(403);
    expect(
      (await send(reset, { 'content-type': 'application/json', host: 'evil.example' }, '{"by":"PT1M"}'))
        .status,
    ).toBe(421);
  });

  test('/_sim/seed {"path"} reads only the seed folder', async () => {
    for (const outside of ['/etc/passwd', '../../../package.json', '../../../.env.example']) {
      const response = await bot.control('POST', '/_sim/seed', { path: outside });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('root:');
    }
    const inside = await bot.control('POST', '/_sim/seed', { path: 'demo-tenant.json' });
    expect(inside.status).toBe(200);
  });

  test('the simulator refuses to listen on a non-loopback address (npm run simulator -- --host)', async () => {
    await expect(startSimulator({ port: 0, host: '0.0.0.0' })).rejects.toThrow(
      '--host must be a loopback address',
    );
  });
});

describe('card-signing key', () => {
  test('demo mode generates a per-install key file (0600), not a constant', () => {
    const file = path.join(bot.dataDir, 'card-signing.key');
    expect(fs.existsSync(file)).toBe(true);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const key = fs.readFileSync(file, 'utf8').trim();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(key).not.toContain('demo:');
  });
});
