/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, SimTestClient, useSimTestClient, users } from './sim-test-client';

/** The /_sim/faults control API: throttling, status codes, latency, dropped connections, malformed JSON, matching. */
describe('simulator: injected faults', () => {
  let c: SimTestClient;
  let app: string;
  useSimTestClient((s) => ({ c, app } = s), { resetEach: true });

  it('throttles by count with a fractional Retry-After, then recovers', async () => {
    const fault = await c.control('POST', '/faults', {
      path: '/v1.0/roleManagement/directory/roleDefinitions',
      kind: 'throttle',
      retryAfter: 0.5,
      count: 2,
    });
    expect(fault.status).toBe(201);
    for (let i = 0; i < 2; i += 1) {
      const res = await c.graph('GET', `${RD}/roleDefinitions`, app);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('0.5');
      expect(res.body.error.code).toBe('TooManyRequests');
    }
    expect((await c.graph('GET', `${RD}/roleDefinitions`, app)).status).toBe(200);
    expect((await c.control('GET', '/faults')).body.value).toEqual([]);
  });

  it.each([
    [500, 'InternalServerError'],
    [503, 'serviceNotAvailable'],
    [504, 'GatewayTimeout'],
  ])('injects %i', async (status, code) => {
    await c.control('POST', '/faults', { path: '/v1.0/*', kind: 'status', status, retryAfter: 3, count: 1 });
    const res = await c.graph('GET', `${RD}/roleDefinitions`, app);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('adds latency, drops connections, returns malformed JSON; rate 0 never and rate 1 always fires', async () => {
    await c.control('POST', '/faults', { path: '/v1.0/me', kind: 'latency', latencyMs: 300, count: 1 });
    const jordan = await c.userToken(users.jordan.userPrincipalName);
    const t0 = Date.now();
    expect((await c.graph('GET', '/v1.0/me', jordan)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    await c.control('POST', '/faults', { path: '/v1.0/me', kind: 'drop', count: 1 });
    await expect(c.graph('GET', '/v1.0/me', jordan)).rejects.toThrow();

    await c.control('POST', '/faults', { path: '/v1.0/me', kind: 'malformed', count: 1 });
    const malformed = await c.graph('GET', '/v1.0/me', jordan);
    expect(malformed.status).toBe(200);
    expect(typeof malformed.body).toBe('string');
    expect(() => JSON.parse(malformed.body)).toThrow();

    const never = await c.control('POST', '/faults', {
      path: '/v1.0/me',
      kind: 'status',
      status: 503,
      rate: 0,
    });
    expect((await c.graph('GET', '/v1.0/me', jordan)).status).toBe(200);
    expect((await c.control('DELETE', `/faults/${never.body.id}`)).status).toBe(204);
    await c.control('POST', '/faults', { path: '/^\\/v1\\.0\\/m.$/', kind: 'status', status: 503, rate: 1 });
    expect((await c.graph('GET', '/v1.0/me', jordan)).status).toBe(503);
    expect((await c.graph('GET', '/v1.0/me', jordan)).status).toBe(503);
    await c.control('DELETE', '/faults');
    expect((await c.graph('GET', '/v1.0/me', jordan)).status).toBe(200);
  });

  it('matches fault paths after percent-decoding', async () => {
    const path =
      "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')";
    await c.control('POST', '/faults', { path, kind: 'status', status: 503, count: 1 });
    const alex = await c.userToken(users.alex.userPrincipalName);
    const encoded = await c.graph('GET', path.replace(/'/g, '%27'), alex);
    expect(encoded.status).toBe(503);
    expect((await c.graph('GET', path, alex)).status).toBe(200);
    const log = (await c.control('GET', '/requests?path=filterByCurrentUser')).body.value;
    expect(log.map((e: any) => e.path)).toEqual([path, path]);
  });

  it('faults also apply to the identity endpoints', async () => {
    await c.control('POST', '/faults', {
      path: '*/oauth2/v2.0/token',
      kind: 'status',
      status: 503,
      count: 1,
    });
    await expect(c.appToken()).rejects.toThrow('503');
    await expect(c.appToken()).resolves.toEqual(expect.any(String));
  });

  it('refuses an invalid fault with the field named', async () => {
    const res = await c.control('POST', '/faults', { path: '/v1.0/*', kind: 'status' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'status'");
    expect((await c.control('POST', '/faults', { path: '/x', kind: 'explode' })).status).toBe(400);
  });
});
