import { connectorThrottle, parseRetryAfter } from '../../../src/adapters/teams/proactive/connector-throttle';
import { SendRateLimiter } from '../../../src/adapters/teams/proactive/send-rate-limiter';

describe('SendRateLimiter', () => {
  it('serves waiting callers by priority (due time), then arrival', async () => {
    const limiter = new SendRateLimiter({ ratePerSecond: 50 });
    const order: string[] = [];
    await limiter.acquire(0); // takes the free slot; the rest queue
    await Promise.all(
      [
        ['late', 300],
        ['early', 100],
        ['middle-a', 200],
        ['middle-b', 200],
      ].map(([name, priority]) => limiter.acquire(priority as number).then(() => order.push(name as string))),
    );
    expect(order).toEqual(['early', 'middle-a', 'middle-b', 'late']);
  });

  it('holds every caller back during a pause (a 429 Retry-After)', async () => {
    const limiter = new SendRateLimiter({ ratePerSecond: 1000 });
    limiter.pauseUntil(Date.now() + 250);
    expect(limiter.pausedFor()).toBeGreaterThan(200);
    const started = Date.now();
    await Promise.all([limiter.acquire(1), limiter.acquire(2)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new SendRateLimiter({ ratePerSecond: 0 })).toThrow(
      /ratePerSecond must be a positive number; got 0/,
    );
  });
});

describe('connectorThrottle', () => {
  it('reads 429 and Retry-After (seconds, fractional, HTTP date) from a connector error', () => {
    const headers = new Map([['retry-after', '2.128']]);
    expect(connectorThrottle({ statusCode: 429, response: { headers } })).toEqual({ retryAfterMs: 2128 });
    expect(connectorThrottle({ statusCode: 429, response: { headers: { 'Retry-After': '3' } } })).toEqual({
      retryAfterMs: 3000,
    });
    expect(connectorThrottle({ errors: [{ statusCode: 500 }, { statusCode: 429 }] })).toEqual({
      retryAfterMs: 1000,
    });
    expect(connectorThrottle({ statusCode: 500 })).toBeUndefined();
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
