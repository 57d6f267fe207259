import { cardText, seedUsers as u, useBotHarness } from '../../fixtures/bot-harness';

/** F1's HTTP surface, in process: /api/messages, /healthz, /readyz, /metrics. */
const bot = useBotHarness();

test('a message to /api/messages gets the help card as a reply at the connector', async () => {
  const turn = await bot.say(u.alex, 'help');
  expect(turn.status).toBe(200);
  const [reply] = turn.calls.filter((c) => c.method === 'POST' && c.body.type === 'message');
  expect(reply.conversationId).toBe(bot.conversationId(u.alex));
  expect(reply.replyToId).toBeDefined();
  expect(cardText(reply.body.attachments)).toContain('Elevate: just-in-time admin roles');
});

test.each([
  ['a body that is not JSON', '{"type": "message", '],
  ['a JSON array', '[1, 2]'],
  ['an object without a type', JSON.stringify({ text: 'hi' })],
  ['a type that is not a string', JSON.stringify({ type: 42 })],
])('%s is answered 400, not a crash', async (_what, body) => {
  const response = await bot.post(body);
  expect(response.status).toBe(400);
  const health = await fetch(`${bot.url}/healthz`);
  expect(health.status).toBe(200);
});

test('an activity without a type explains what is expected', async () => {
  const response = await bot.post({ text: 'hi' });
  expect(response.body).toEqual({
    error: {
      code: 'InvalidActivity',
      message: 'The body must be a Bot Framework activity: a JSON object with a string "type" property.',
    },
  });
});

test('/healthz answers ok', async () => {
  const response = await fetch(`${bot.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('/readyz checks the store and the Graph token', async () => {
  const response = await fetch(`${bot.url}/readyz`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { status: string; checks: { name: string; ok: boolean }[] };
  expect(body.status).toBe('ready');
  expect(body.checks).toEqual([
    { name: 'store', ok: true },
    { name: 'graph-token', ok: true },
  ]);
});

test('/metrics exposes turn counters in Prometheus text format', async () => {
  await bot.say(u.alex, 'help');
  const response = await fetch(`${bot.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(text).toContain('# TYPE elevate_turns_total counter');
  expect(text).toMatch(/elevate_turns_total\{[^}]*type="message"[^}]*\} [1-9]/);
  expect(text).toContain('elevate_turn_duration_seconds_bucket');
});
