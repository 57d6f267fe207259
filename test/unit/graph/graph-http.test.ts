import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Writable } from 'node:stream';
import { GraphHttp } from '../../../src/adapters/graph/graph-http';

type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset' | 'hang';

/** A scripted HTTP server: answers the queued replies in order and records what it received. */
class ScriptedServer {
  readonly received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  replies: Reply[] = [];
  private server?: Server;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const reply = this.replies.shift() ?? { status: 200, body: { ok: true } };
        if (reply === 'reset') return req.socket.destroy();
        if (reply === 'hang') return; // never answers
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNob3VsZC1uZXZlci1iZS1sb2dnZWQ';
const throttled = (retryAfter?: string): Reply => ({
  status: 429,
  headers: retryAfter ? { 'retry-after': retryAfter } : {},
  body: { error: { code: 'TooManyRequests', message: 'Please retry again later.' } },
});
const unavailable: Reply = { status: 503, body: { error: { code: 'serviceNotAvailable', message: 'down' } } };

describe('GraphHttp transport', () => {
  const server = new ScriptedServer();
  let waits: number[];
  let lines: string[];
  let http: GraphHttp;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.received.length = 0;
    server.replies = [];
    waits = [];
    lines = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    http = new GraphHttp({
      baseUrl: server.baseUrl,
      logger: pino({ level: 'debug' }, stream),
      timeoutMs: 300,
      retry: { maxAttempts: 4, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 5_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    });
  });
  afterEach(() => {
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line.toLowerCase()).not.toContain('bearer');
    }
  });

  const get = (userInitiated = false) =>
    http.send({ method: 'GET', path: '/v1.0/things', token: TOKEN, operation: 'read', userInitiated });
  const post = () =>
    http.send({ method: 'POST', path: '/v1.0/things', body: { a: 1 }, token: TOKEN, operation: 'activate' });

  it('sends client-request-id on every call, Authorization, and priority for user calls', async () => {
    await get(true);
    await get(false);
    const [first, second] = server.received;
    expect(first.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['client-request-id']).not.toBe(first.headers['client-request-id']);
    expect(first.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first.headers['x-ms-throttle-priority']).toBe('high');
    expect(second.headers['x-ms-throttle-priority']).toBeUndefined();
    expect(
      lines.some((l) => l.includes(String(first.headers['client-request-id'])) && l.includes('"status":200')),
    ).toBe(true);
  });

  it('honours a fractional Retry-After on 429 and retries the same call', async () => {
    server.replies = [throttled('0.25'), throttled('1.5'), { status: 200, body: { value: 1 } }];
    const result = await get();
    expect(result.body).toEqual({ value: 1 });
    expect(server.received).toHaveLength(3);
    expect(waits).toEqual([250, 1500]);
    // one client-request-id per logical call, kept across retries
    expect(new Set(server.received.map((r) => r.headers['client-request-id'])).size).toBe(1);
  });

  it('backs off exponentially with jitter on 503 without Retry-After', async () => {
    server.replies = [unavailable, unavailable, { status: 200, body: {} }];
    await get();
    expect(server.received).toHaveLength(3);
    // random() = 0.5 → 3/4 of the exponential ceiling (100, 200)
    expect(waits).toEqual([75, 150]);
  });

  it('gives up after maxAttempts with THROTTLED and the last Retry-After', async () => {
    server.replies = [throttled('0.1'), throttled('0.1'), throttled('0.1'), throttled('2')];
    await expect(get()).rejects.toMatchObject({ code: 'THROTTLED', details: { retryAfterSeconds: 2 } });
    expect(server.received).toHaveLength(4);
    expect(waits).toEqual([100, 100, 100]);
  });

  it('does not start a retry whose wait would exceed the total time budget', async () => {
    server.replies = [throttled('30')];
    await expect(get()).rejects.toMatchObject({ code: 'THROTTLED' });
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a POST on 429/503 (not processed) and never on 400', async () => {
    server.replies = [throttled('0.01'), unavailable, { status: 201, body: { id: 'r1' } }];
    expect((await post()).body).toEqual({ id: 'r1' });
    expect(server.received).toHaveLength(3);

    server.received.length = 0;
    server.replies = [{ status: 400, body: { error: { code: 'RoleAssignmentExists', message: 'exists' } } }];
    await expect(post()).rejects.toMatchObject({ code: 'ALREADY_ACTIVE' });
    expect(server.received).toHaveLength(1);
  });

  it('retries a GET after a connection reset', async () => {
    server.replies = ['reset', { status: 200, body: { ok: 1 } }];
    expect((await get()).body).toEqual({ ok: 1 });
    expect(server.received).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('never re-sends a POST whose connection was reset: OUTCOME_UNKNOWN after one attempt', async () => {
    server.replies = ['reset'];
    await expect(post()).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', details: { failure: 'reset' } });
    expect(server.received).toHaveLength(1);
  });

  it('times out each attempt; a timed-out POST is OUTCOME_UNKNOWN, a GET is retried', async () => {
    server.replies = ['hang'];
    await expect(post()).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', details: { failure: 'timeout' } });
    expect(server.received).toHaveLength(1);

    server.received.length = 0;
    server.replies = ['hang', { status: 200, body: { ok: 2 } }];
    expect((await get()).body).toEqual({ ok: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('knows a refused connection: nothing was sent, so even a POST is tried again', async () => {
    const closed = new ScriptedServer();
    await closed.start();
    const baseUrl = closed.baseUrl;
    await closed.stop();
    const refused = new GraphHttp({
      baseUrl,
      logger: pino({ level: 'silent' }),
      retry: { maxAttempts: 2, maxTotalMs: 10_000, baseDelayMs: 100, maxDelayMs: 5_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(
      refused.send({ method: 'POST', path: '/v1.0/things', body: {}, token: TOKEN, operation: 'activate' }),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { failure: 'refused', attempts: 2 } });
    expect(waits).toHaveLength(1);
  });

  it('reads a body that arrives in many chunks, and the request id Graph answers with', async () => {
    const big = {
      value: Array.from({ length: 5_000 }, (_, i) => ({ id: `item-${i}`, name: 'x'.repeat(20) })),
    };
    server.replies = [{ status: 200, headers: { 'request-id': 'req-1' }, body: big }];
    const result = await get();
    expect(result.body).toEqual(big);
    expect(lines.join('')).toContain('"requestId":"req-1"');
  });

  it('treats a 504 on a POST as an unknown outcome and retries a 504 on a GET', async () => {
    server.replies = [{ status: 504, body: { error: { code: 'gatewayTimeout', message: 'x' } } }];
    await expect(post()).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    server.received.length = 0;
    server.replies = [{ status: 504 }, { status: 200, body: {} }];
    await get();
    expect(server.received).toHaveLength(2);
  });

  it('follows @odata.nextLink on the same origin and refuses other hosts', async () => {
    server.replies = [
      {
        status: 200,
        body: { value: [1, 2], '@odata.nextLink': `${server.baseUrl}/v1.0/things?$skiptoken=2` },
      },
      { status: 200, body: { value: [3] } },
    ];
    expect(await http.getAll({ path: '/v1.0/things', token: TOKEN, operation: 'read' })).toEqual([1, 2, 3]);
    expect(server.received[1].url).toBe('/v1.0/things?$skiptoken=2');

    server.replies = [
      { status: 200, body: { value: [1], '@odata.nextLink': 'https://elsewhere.example/v1.0/x' } },
    ];
    await expect(
      http.getAll({ path: '/v1.0/things', token: TOKEN, operation: 'read' }),
    ).rejects.toMatchObject({
      code: 'GRAPH_ERROR',
    });
  });
});
