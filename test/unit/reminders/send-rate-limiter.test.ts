import { connectorThrottle, parseRetryAfter } from '../../../src/adapters/teams/proactive/connector-throttle';
import { SendRateLimiter } from '../../../src/adapters/teams/proactive/send-rate-limiter';

describe('SendRateLimiter', () => {
  // Fake timers make Date.now and setTimeout move only when the test says so: with the real clock, a
  // loaded machine let the first slot's 20 ms pass before the other callers queued, and the first
  // caller to arrive ("late") took the free slot (the test's old flakiness).
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('serves waiting callers by priority (due time), then arrival', async () => {
    const limiter = new SendRateLimiter({ ratePerSecond: 50, now: () => Date.now() });
    const order: string[] = [];
    await limiter.acquire(0); // takes the free slot; the rest queue
    const served = Promise.all(
      [
        ['late', 300],
        ['early', 100],
        ['middle-a', 200],
        ['middle-b', 200],
      ].map(([name, priority]) => limiter.acquire(priority as number).then(() => order.push(name as string))),
    );
    expect(limiter.waiting).toBe(4);
    await jest.advanceTimersByTimeAsync(19);
    expect(order).toEqual([]); // the next slot is 20 ms (1/50 s) after the first
    await jest.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['early']);
    await jest.advanceTimersByTimeAsync(60);
    await served;
    expect(order).toEqual(['early', 'middle-a', 'middle-b', 'late']);
  });

  it('holds every caller back during a pause (a 429 Retry-After)', async () => {
    const limiter = new SendRateLimiter({ ratePerSecond: 1000, now: () => Date.now() });
    const started = Date.now();
    limiter.pauseUntil(started + 250);
    expect(limiter.pausedFor()).toBe(250);
    let servedAt = 0;
    const both = Promise.all([limiter.acquire(1), limiter.acquire(2)]).then(() => (servedAt = Date.now()));
    await jest.advanceTimersByTimeAsync(249);
    expect(servedAt).toBe(0);
    await jest.advanceTimersByTimeAsync(10);
    await both;
    expect(servedAt - started).toBeGreaterThanOrEqual(250);
    expect(limiter.pausedFor()).toBe(0);
  });

  it('uses the slots a late timer let pass (a busy event loop), up to 50 ms worth', async () => {
    let now = 1_000;
    const limiter = new SendRateLimiter({ ratePerSecond: 100, now: () => now });
    await limiter.acquire(); // the slot at 1,000; the next is at 1,010
    let served = 0;
    for (let i = 0; i < 30; i += 1) void limiter.acquire(i).then(() => (served += 1));
    // The timer set for 1,010 runs at 1,040: the slots at 1,010, 1,020, 1,030 and 1,040 are all used.
    now = 1_040;
    await jest.advanceTimersByTimeAsync(10);
    expect(served).toBe(4);
    // Back on schedule: one slot each 10 ms.
    now = 1_050;
    await jest.advanceTimersByTimeAsync(10);
    expect(served).toBe(5);
    // A loop stalled for a second gets back 50 ms of slots (the one due now and five before), not 100.
    now = 2_050;
    await jest.advanceTimersByTimeAsync(10);
    expect(served).toBe(11);
    expect(limiter.waiting).toBe(19);
  });

  it('after a quiet spell starts its schedule from the first new caller (no burst)', async () => {
    let now = 1_000;
    const limiter = new SendRateLimiter({ ratePerSecond: 100, now: () => now });
    await limiter.acquire();
    now = 5_000; // nobody asked for four seconds
    let served = 0;
    for (let i = 0; i < 5; i += 1) void limiter.acquire(i).then(() => (served += 1));
    await Promise.resolve();
    expect(served).toBe(1);
    expect(limiter.waiting).toBe(4);
  });

  it('keeps its schedule across a short gap with nobody waiting (a dispatcher between batches)', async () => {
    let now = 1_000;
    const limiter = new SendRateLimiter({ ratePerSecond: 100, now: () => now });
    await limiter.acquire(); // the slot at 1,000; the next is at 1,010
    now = 1_030; // 30 ms without a caller (claiming the next batch), under the 50 ms catch-up
    let served = 0;
    for (let i = 0; i < 5; i += 1) void limiter.acquire(i).then(() => (served += 1));
    await Promise.resolve();
    expect(served).toBe(3); // the slots at 1,010, 1,020 and 1,030
    expect(limiter.waiting).toBe(2);
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
