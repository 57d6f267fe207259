import { Duration } from 'luxon';
import { startHarness, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';

const hour = Duration.fromObject({ hours: 1 });
const ELIGIBILITY_PATH =
  "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')";
const REQUESTS_PATH = '/v1.0/roleManagement/directory/roleAssignmentScheduleRequests';

describe('Graph transport resilience against simulator faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });
  beforeEach(async () => {
    await control('DELETE', '/_sim/faults');
    h.waits.length = 0;
  });

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${h.sim.baseUrl}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  const sentTo = (path: string, method = 'GET') =>
    h.requests.sent.filter(
      (r) => r.method === method && decodeURIComponent(new URL(r.url).pathname) === path,
    );

  it('429 with a fractional Retry-After: waits exactly that long, then succeeds (3 attempts)', async () => {
    const alex = await h.user(T.alex);
    await control('POST', '/_sim/faults', {
      path: ELIGIBILITY_PATH,
      kind: 'throttle',
      retryAfter: '0.35',
      count: 2,
    });
    const before = sentTo(ELIGIBILITY_PATH).length;
    const roles = await h.gateway.listEligibleRoles(alex);
    expect(roles.length).toBeGreaterThan(0);
    expect(sentTo(ELIGIBILITY_PATH).length - before).toBe(3);
    expect(h.waits).toEqual([350, 350]);
    const ids = sentTo(ELIGIBILITY_PATH)
      .slice(-3)
      .map((r) => r.headers['client-request-id']);
    expect(new Set(ids).size).toBe(1);
    expect(sentTo(ELIGIBILITY_PATH).slice(-1)[0].headers['x-ms-throttle-priority']).toBe('high');
  });

  it('503 without Retry-After: jittered exponential backoff, bounded attempts, then SERVICE_UNAVAILABLE', async () => {
    const alex = await h.user(T.alex);
    await control('POST', '/_sim/faults', { path: ELIGIBILITY_PATH, kind: 'status', status: 503, count: 10 });
    const before = sentTo(ELIGIBILITY_PATH).length;
    await expect(h.gateway.listEligibleRoles(alex)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(sentTo(ELIGIBILITY_PATH).length - before).toBe(4); // maxAttempts
    expect(h.waits).toHaveLength(3);
    // base 50 ms doubling: each wait within [ceiling/2, ceiling]
    h.waits.forEach((wait, i) => {
      const ceiling = 50 * 2 ** i;
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    });
  });

  it('a POST throttled with 429 is retried (not processed) and creates exactly one request', async () => {
    const priya = await h.user(T.priya);
    await control('POST', '/_sim/faults', {
      path: REQUESTS_PATH,
      method: 'POST',
      kind: 'throttle',
      retryAfter: 0.1,
      count: 1,
    });
    const before = sentTo(REQUESTS_PATH, 'POST').length;
    const request = await h.gateway.activate(priya, {
      kind: 'directoryRole',
      roleId: T.roles.globalReader,
      directoryScopeId: '/',
      duration: hour,
    });
    expect(request.status).toBe('Provisioned');
    expect(sentTo(REQUESTS_PATH, 'POST').length - before).toBe(2);
    expect(h.waits).toEqual([100]);
  });

  it('a dropped POST is not re-sent blindly: the user’s requests are checked, then it is sent once more', async () => {
    const alex = await h.user(T.alex);
    await control('POST', '/_sim/faults', { path: REQUESTS_PATH, method: 'POST', kind: 'drop', count: 1 });
    const posts = sentTo(REQUESTS_PATH, 'POST').length;
    const checks = sentTo(`${REQUESTS_PATH}/filterByCurrentUser(on='principal')`).length;
    const request = await h.gateway.activate(alex, {
      kind: 'directoryRole',
      roleId: T.roles.helpdeskAdmin,
      directoryScopeId: '/',
      duration: hour,
    });
    expect(request.status).toBe('Provisioned');
    expect(sentTo(REQUESTS_PATH, 'POST').length - posts).toBe(2);
    expect(sentTo(`${REQUESTS_PATH}/filterByCurrentUser(on='principal')`).length - checks).toBe(1);
    expect(
      h.logLines.some((l) => l.includes('outcome of a PIM request unknown') && l.includes('"found":null')),
    ).toBe(true);
  });

  it('a POST whose answer was lost after Graph processed it is found among the user’s requests, not sent again', async () => {
    const alex = await h.user(T.alex);
    const body = {
      action: 'selfActivate',
      principalId: T.alex,
      roleDefinitionId: T.roles.securityAdmin,
      directoryScopeId: '/',
      justification: 'lost answer drill',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    };
    // The simulator's faults all act before a request is processed, so "processed, answer lost" is
    // staged: the first attempt reaches Graph (sent here, its answer discarded) …
    const lost = await h.requests.uncaptured(`${h.sim.graphBaseUrl}${REQUESTS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await alex.accessToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const created = (await lost.json()) as { id: string };
    // … and the adapter's own attempt loses its connection.
    await control('POST', '/_sim/faults', { path: REQUESTS_PATH, method: 'POST', kind: 'drop', count: 1 });
    const posts = sentTo(REQUESTS_PATH, 'POST').length;
    const request = await h.gateway.activate(alex, {
      kind: 'directoryRole',
      roleId: T.roles.securityAdmin,
      directoryScopeId: '/',
      duration: hour,
      justification: 'lost answer drill',
    });
    expect(request).toMatchObject({ id: created.id, status: 'PendingApproval' });
    expect(sentTo(REQUESTS_PATH, 'POST').length - posts).toBe(1);
    const mine = await h.gateway.listMyRequests(alex, 'directoryRole');
    expect(
      mine.filter((r) => r.roleId === T.roles.securityAdmin && r.action === 'selfActivate'),
    ).toHaveLength(1);
    expect(
      h.logLines.some((l) => l.includes('outcome of a PIM request unknown') && l.includes(created.id)),
    ).toBe(true);
    await h.gateway.cancel(alex, { kind: 'directoryRole', requestId: request.id });
  });

  it('a malformed success body is a clear GRAPH_ERROR', async () => {
    const alex = await h.user(T.alex);
    await control('POST', '/_sim/faults', { path: ELIGIBILITY_PATH, kind: 'malformed', count: 1 });
    await expect(h.gateway.listEligibleRoles(alex)).rejects.toMatchObject({ code: 'GRAPH_ERROR' });
  });
});
