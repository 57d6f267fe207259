import { randomUUID } from 'node:crypto';
// autocannon ships no types; the part used here is declared below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
) => NodeJS.EventEmitter & PromiseLike<{ errors: number; timeouts: number; non2xx: number }>;
import { percentile } from './results';

/** A seed user of the demo tenant, as Teams names them in activities. */
export interface BenchUser {
  id: string;
  name: string;
}

export interface LoadResult {
  turns: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** A Bot Framework activity from `user` in their personal chat with the bot. */
export function activity(
  user: BenchUser,
  serviceUrl: string,
  fields: Record<string, unknown>,
  tenantId: string,
): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'Europe/London',
    locale: 'en-GB',
    from: { id: `29:${user.id}`, name: user.name, aadObjectId: user.id },
    recipient: { id: '28:elevate-bench-bot', name: 'Elevate' },
    conversation: { id: `a:bench-${user.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    ...fields,
  };
}

/**
 * `connections` concurrent conversations POSTing activities to `url`/api/messages for `seconds`
 * (autocannon; it stops by itself). `next()` gives each request's activity. Latency percentiles
 * come from every response's own time; turns counts 2xx answers only.
 */
export async function load(
  url: string,
  next: () => Record<string, unknown>,
  seconds: number,
  connections = 50,
): Promise<LoadResult> {
  const times: number[] = [];
  let ok = 0;
  const started = performance.now();
  const instance = autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: JSON.stringify(next()) }),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 200 && status < 300) {
      ok += 1;
      times.push(responseTime);
    }
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  return {
    turns: ok,
    seconds: elapsed,
    perSecond: ok / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Round-robin over `items`. */
export function rotation<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}
