import { randomUUID } from 'node:crypto';
import http from 'node:http';

/*
 * A Bot Connector stand-in for the benchmark (loopback only): accepts what CloudAdapter sends
 * (replies, new activities, updates, typing, new 1:1 conversations) as cheaply as possible.
 *   CONNECTOR_RATE=N  enforces N sends a second (token bucket, burst N/10): over it, 429 with
 *                     Retry-After: 1, as Teams throttles bots.
 *   GET /_log         each accepted POST of an activity: [conversationId, epoch ms], then forgets them.
 *   GET /_last?conversation=ID  the last activity posted or updated in that conversation.
 * Prints "connector ready http://127.0.0.1:PORT".
 */
const rate = Number(process.env.CONNECTOR_RATE ?? 0);
const burst = Math.max(1, Math.floor(rate / 10));
let tokens = burst;
let refilledAt = Date.now();
let throttled = 0;
const log: [string, number][] = [];
const last = new Map<string, unknown>();

function takeToken(): boolean {
  if (!rate) return true;
  const now = Date.now();
  tokens = Math.min(burst, tokens + ((now - refilledAt) * rate) / 1000);
  refilledAt = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= 1_000_000) chunks.push(chunk);
  });
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://connector.invalid');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/_log') {
      send(200, { sends: log.splice(0), throttled });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/_last') {
      send(200, last.get(url.searchParams.get('conversation') ?? '') ?? null);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v3/conversations') {
      send(201, { id: `a:${randomUUID()}`, activityId: randomUUID() });
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    let body: { type?: string } = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string };
    } catch {
      // an empty or odd body is still accepted
    }
    const isMessage = body.type !== 'typing';
    if (isMessage && !takeToken()) {
      throttled += 1;
      send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'Retry-After': '1' });
      return;
    }
    if (isMessage) {
      if (last.size > 5_000) last.clear();
      last.set(conversationId, body);
      if (req.method === 'POST' && rate) log.push([conversationId, Date.now()]);
    }
    send(200, { id: match[2] && req.method === 'PUT' ? match[2] : randomUUID() });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`connector ready http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
