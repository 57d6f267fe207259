import { cardText, seedUsers as u, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

/**
 * Issue 16, observability: every log line of a turn names it (activity, conversation, user,
 * Graph client-request-id); error codes are visible in logs; the error card's reference is that
 * id; /metrics counts what a scripted run did, with closed label sets; /readyz speaks plainly.
 */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ env: { LOG_LEVEL: 'info' } });
});
afterAll(async () => bot?.close());

type LogLine = Record<string, unknown> & { msg?: string };
const parsed = (): LogLine[] => bot.logs.map((l) => JSON.parse(l) as LogLine);

async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${bot.url}/metrics`)).text();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (want.every((w) => have.includes(w))) total += Number(match[3]);
  }
  return total;
}

test('a failed turn: its log lines carry the turn ids and the error code; the card shows the reference', async () => {
  // Every read of Alex's eligibilities fails with a 500 (not retried): "roles" cannot be answered.
  const fault = await bot.control('POST', '/_sim/faults', {
    path: '*roleEligibilityScheduleInstances*',
    kind: 'status',
    status: 500,
  });
  expect(fault.status).toBe(201);
  const before = bot.logs.length;
  const turn = await bot.say(u.alex, 'roles');
  await bot.control('DELETE', '/_sim/faults');

  const text = cardText(turn.card);
  const reference = /reference ([0-9a-f-]{36})/.exec(text)?.[1];
  expect(reference).toBeDefined();
  const codeOnCard = /Details: ([A-Z_]+)/.exec(text)?.[1];
  expect(codeOnCard).toBeDefined();

  const lines = parsed()
    .slice(before)
    .filter((l) => l.clientRequestId === reference);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  for (const line of lines) {
    expect(line).toMatchObject({
      conversationId: bot.conversationId(u.alex),
      userObjectId: u.alex.id,
      activityId: expect.any(String),
    });
  }
  const refused = lines.find((l) => l.msg === 'command refused');
  expect(refused?.code).toBe(codeOnCard);
  expect(JSON.stringify(lines)).not.toContain('[redacted]');
  // Graph saw the same id: one id finds the turn in our logs and in Graph's.
  const graphLine = lines.find((l) => l.msg === 'graph call answered with an error');
  expect(graphLine?.status).toBe(500);
  const requests = (await bot.control('GET', '/_sim/requests')).body as {
    value: { path: string; headers: Record<string, string> }[];
  };
  const seenByGraph = requests.value.filter((r) => r.headers['client-request-id'] === reference);
  expect(seenByGraph.length).toBeGreaterThanOrEqual(1);
});

test('/metrics counts turns, activations, Graph calls and retries of a scripted run', async () => {
  const turnsBefore = await metric('elevate_turns_total', { type: 'message', outcome: 'ok' });
  const activatedBefore = await metric('elevate_activations_total', { outcome: 'activated' });
  const activateCallsBefore = await metric('elevate_graph_calls_total', { operation: 'activate' });
  const retriesBefore = await metric('elevate_graph_retries_total', { operation: 'read' });
  const durationBefore = await metric('elevate_graph_call_duration_seconds_count', { operation: 'activate' });

  // One transient 503 on a read: retried once, then the turn goes through.
  await bot.control('POST', '/_sim/faults', {
    path: '*roleEligibilityScheduleInstances*',
    kind: 'status',
    status: 503,
    count: 1,
  });
  await bot.say(u.taylor, 'roles');
  await bot.say(u.taylor, 'activate global reader for 1h');
  await bot.say(u.taylor, 'help');

  expect((await metric('elevate_turns_total', { type: 'message', outcome: 'ok' })) - turnsBefore).toBe(3);
  expect((await metric('elevate_activations_total', { outcome: 'activated' })) - activatedBefore).toBe(1);
  expect(
    (await metric('elevate_graph_calls_total', { operation: 'activate', status: '201' })) - 0,
  ).toBeGreaterThanOrEqual(1);
  const activateCalls =
    (await metric('elevate_graph_calls_total', { operation: 'activate' })) - activateCallsBefore;
  expect(activateCalls).toBeGreaterThanOrEqual(1);
  expect(
    (await metric('elevate_graph_call_duration_seconds_count', { operation: 'activate' })) - durationBefore,
  ).toBe(activateCalls);
  expect((await metric('elevate_graph_retries_total', { operation: 'read' })) - retriesBefore).toBe(1);
  expect(
    await metric('elevate_graph_calls_total', { operation: 'read', status: '503' }),
  ).toBeGreaterThanOrEqual(1);

  const text = await (await fetch(`${bot.url}/metrics`)).text();
  for (const name of [
    'elevate_turns_total',
    'elevate_turn_duration_seconds',
    'elevate_activations_total',
    'elevate_graph_calls_total',
    'elevate_graph_call_duration_seconds',
    'elevate_graph_retries_total',
    'elevate_reminders_due_total',
    'elevate_reminders_sent_total',
    'elevate_reminders_late_total',
    'elevate_proactive_sends_total',
    'elevate_proactive_send_failures_total',
    'elevate_store_errors_total',
  ]) {
    expect(text).toContain(`# TYPE ${name} `);
  }
});

test('reminders due and sent are counted when the clock reaches them', async () => {
  const dueBefore = await metric('elevate_reminders_due_total', { kind: 'reminder' });
  const sentBefore = await metric('elevate_reminders_sent_total', { kind: 'reminder' });
  await bot.say(u.alex, 'activate Global Reader for 30m');
  await bot.elevate.scheduler.runOnce();
  await bot.advance('PT20M');
  await bot.elevate.scheduler.runOnce();
  await bot.elevate.scheduler.runOnce();
  await bot.waitForCard(bot.conversationId(u.alex), /Global Reader ends in/);
  expect((await metric('elevate_reminders_due_total', { kind: 'reminder' })) - dueBefore).toBe(1);
  expect((await metric('elevate_reminders_sent_total', { kind: 'reminder' })) - sentBefore).toBe(1);
});

test('/readyz names the dependency that is down in plain words', async () => {
  await bot.elevate.store.close();
  const response = await fetch(`${bot.url}/readyz`);
  expect(response.status).toBe(503);
  const body = (await response.json()) as { message: string; checks: { name: string; error?: string }[] };
  expect(body.message).toMatch(/^Not ready: the database (and .* )?(is|are) unavailable\.$/);
  const store = body.checks.find((c) => c.name === 'store');
  expect(store?.error).toMatch(/^The database is unavailable: \S/);
  expect(JSON.stringify(body)).not.toContain('[object Object]');
});
