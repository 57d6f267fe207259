import {
  cardText,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
  useBotHarness,
} from '../../fixtures/bot-harness';

/**
 * Issue 16, observability: every log line of a turn names it (activity, conversation, user,
 * Graph client-request-id); error codes are visible in logs; the error card's reference is that
 * id; /metrics counts what a scripted run did, with closed label sets; /readyz speaks plainly.
 */
const bot = useBotHarness({ env: { LOG_LEVEL: 'info' } });

type LogLine = Record<string, unknown> & { msg?: string };
const parsed = (): LogLine[] => bot.logs.map((l) => JSON.parse(l) as LogLine);

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

describe('/metrics after a scripted run: every named series with its exact count', () => {
  // A harness of its own: nothing done by the other tests (their reminders, their activations) counts here.
  let run: BotHarness;
  beforeAll(async () => {
    // No reconciler pass of its own (the interval is wall time): the test runs it when it means to.
    run = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
  });
  afterAll(async () => run?.close());

  /** Every series of one metric: labels (as written) → value. */
  async function series(name: string): Promise<Record<string, number>> {
    const text = await (await fetch(`${run.url}/metrics`)).text();
    const found: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const match = /^([a-z_]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
      if (match && match[1] === name) found[match[2] ?? ''] = Number(match[3]);
    }
    return found;
  }
  const NAMES = [
    'elevate_turns_total',
    'elevate_turn_duration_seconds_count',
    'elevate_activations_total',
    'elevate_graph_calls_total',
    'elevate_graph_call_duration_seconds_count',
    'elevate_graph_retries_total',
    'elevate_reminders_due_total',
    'elevate_reminders_sent_total',
    'elevate_reminders_late_total',
    'elevate_proactive_sends_total',
    'elevate_proactive_send_failures_total',
    'elevate_store_errors_total',
  ] as const;
  type Snapshot = Record<(typeof NAMES)[number], Record<string, number>>;
  async function snapshot(): Promise<Snapshot> {
    const entries = await Promise.all(NAMES.map(async (n) => [n, await series(n)] as const));
    return Object.fromEntries(entries) as Snapshot;
  }
  /** What changed between two snapshots of one metric (series that did not move are left out). */
  function moved(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
    const changed: Record<string, number> = {};
    for (const [labels, value] of Object.entries(after)) {
      const delta = value - (before[labels] ?? 0);
      if (delta !== 0) changed[labels] = delta;
    }
    return changed;
  }
  /** Graph requests the simulator received (its own log: the other side of the wire), after `afterSeq`. */
  async function graphRequestsSince(afterSeq: number) {
    const { value } = (await run.control('GET', '/_sim/requests')).body as {
      value: { seq: number; method: string; path: string; body: unknown }[];
    };
    return value.filter((r) => r.seq > afterSeq && /^\/(v1\.0|beta)\//.test(r.path));
  }
  const lastSeq = async () => Math.max(0, ...(await graphRequestsSince(0)).map((r) => r.seq));

  test('turns, activations, Graph calls (with latency and retries), reminders, proactive sends, store errors', async () => {
    const { taylor } = run.users;
    // Settle what starting up does (the welcome, first reads), then count from here.
    await run.say(taylor, 'help');
    const before = await snapshot();
    const seqBefore = await lastSeq();

    // Four messages: a read retried once after a transient 503, one activation, one refused by policy.
    await run.control('POST', '/_sim/faults', {
      path: '*roleEligibilityScheduleInstances*',
      kind: 'status',
      status: 503,
      count: 1,
    });
    await run.say(taylor, 'roles');
    await run.say(taylor, 'activate global reader for 1h because on call');
    await run.say(run.users.riley, 'activate application admin for 2m');
    await run.say(taylor, 'help');
    await run.waitForCard(run.conversationId(taylor), 'Effective now');

    const afterTurns = await snapshot();
    expect(moved(before.elevate_turns_total, afterTurns.elevate_turns_total)).toEqual({
      'type="message",outcome="ok"': 4,
    });
    expect(
      moved(before.elevate_turn_duration_seconds_count, afterTurns.elevate_turn_duration_seconds_count),
    ).toEqual({ 'type="message"': 4 });
    expect(moved(before.elevate_activations_total, afterTurns.elevate_activations_total)).toEqual({
      'outcome="activated"': 1,
      'outcome="invalid"': 1,
    });

    // Graph: every request the simulator received is counted once, by operation and status.
    const requests = await graphRequestsSince(seqBefore);
    const activates = requests.filter(
      (r) => r.method === 'POST' && (r.body as { action?: string } | null)?.action === 'selfActivate',
    ).length;
    const reads = requests.filter((r) => r.method === 'GET').length;
    expect(activates).toBe(1);
    expect(requests).toHaveLength(activates + reads);
    const calls = moved(before.elevate_graph_calls_total, afterTurns.elevate_graph_calls_total);
    expect(calls).toEqual({
      'operation="read",status="200"': reads - 1,
      'operation="read",status="503"': 1,
      'operation="activate",status="201"': 1,
    });
    expect(
      moved(
        before.elevate_graph_call_duration_seconds_count,
        afterTurns.elevate_graph_call_duration_seconds_count,
      ),
    ).toEqual({ 'operation="read"': reads, 'operation="activate"': 1 });
    expect(moved(before.elevate_graph_retries_total, afterTurns.elevate_graph_retries_total)).toEqual({
      'operation="read"': 1,
    });

    // The expiry reminder (10 minutes before the end) is picked up 2 minutes late; its first send
    // fails at the connector (a 400: a 5xx is repeated inside the connector client and never reached
    // the messenger as a failure here), the scheduler's retry is accepted.
    await run.elevate.scheduler.runOnce();
    const beforeReminder = await snapshot();
    run.connector.failNext(1, 400);
    await run.advance('PT52M');
    await run.elevate.scheduler.runOnce();
    await run.advance('PT1M');
    await run.elevate.scheduler.runOnce();
    await run.waitForCard(run.conversationId(taylor), /Global Reader ends in/);
    const afterReminder = await snapshot();
    const reminderKind = (name: keyof Snapshot) =>
      moved(beforeReminder[name], afterReminder[name])['kind="reminder"'] ?? 0;
    expect(reminderKind('elevate_reminders_due_total')).toBe(1);
    expect(reminderKind('elevate_reminders_sent_total')).toBe(1);
    expect(reminderKind('elevate_reminders_late_total')).toBe(1);
    expect(
      moved(beforeReminder.elevate_proactive_sends_total, afterReminder.elevate_proactive_sends_total),
    ).toEqual({ 'outcome="failed"': 1, 'outcome="sent"': 1 });
    expect(
      moved(
        beforeReminder.elevate_proactive_send_failures_total,
        afterReminder.elevate_proactive_send_failures_total,
      ),
    ).toEqual({ '': 1 });

    // Store errors: none in all of that; then the database goes away and /readyz pings it once.
    expect(moved(before.elevate_store_errors_total, afterReminder.elevate_store_errors_total)).toEqual({});
    await run.elevate.store.close();
    expect((await fetch(`${run.url}/readyz`)).status).toBe(503);
    expect(
      moved(afterReminder.elevate_store_errors_total, await series('elevate_store_errors_total')),
    ).toEqual({
      'repository="ping"': 1,
    });

    // Every series is declared, with closed labels only.
    const text = await (await fetch(`${run.url}/metrics`)).text();
    for (const name of NAMES) expect(text).toContain(`# TYPE ${name.replace(/_count$/, '')} `);
  });
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
