/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { startSimulator } from '../../src/simulator';
import demoTenant from '../../src/simulator/seed/demo-tenant.json';
import { RD, ROLES, SimTestClient, selfActivate, users } from './sim-test-client';

/** The /_sim/ control API: clock, faults, received requests, reset, seed, settings, portal activations. */
describe('simulator: control API', () => {
  let c: SimTestClient;
  let app: string;
  beforeAll(async () => {
    c = await SimTestClient.start();
  });
  beforeEach(async () => {
    await c.control('POST', '/reset');
    app = await c.appToken();
  });
  afterAll(() => c.close());

  it('starts and reports its URLs (start-up time printed, not asserted)', async () => {
    const started = Date.now();
    const sim = await startSimulator({ port: 0 });
    // The target is < 2 s (≈ 0.4–0.9 s on an idle machine, most of it RSA key generation); a shared,
    // saturated machine took 6.9 s, so the figure is printed for people, not asserted.
    process.stdout.write(`simulator start-up: ${Date.now() - started} ms\n`);
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.authority).toBe(`${sim.baseUrl}/${demoTenant.tenant.id}`);
    expect(sim.tenantId).toBe(demoTenant.tenant.id);
    await sim.close();
  });

  it('reads, advances and sets the clock; bad input is refused with the field named', async () => {
    const before = (await c.control('GET', '/clock')).body;
    const advanced = (await c.control('POST', '/clock/advance', { by: 'PT2H' })).body;
    expect(Date.parse(advanced.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * 3600 * 1000);
    const set = await c.control('POST', '/clock/set', { to: '2030-01-01T09:00:00Z' });
    expect(set.body.now).toMatch(/^2030-01-01T09:00/);
    const bad = await c.control('POST', '/clock/advance', { by: 'two hours' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'by'");
    expect((await c.control('POST', '/clock/set', { when: 'now' })).status).toBe(400);
  });

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

  it('lists received requests with query and body, never the Authorization header', async () => {
    const alex = await c.userToken(users.alex.userPrincipalName);
    await c.control('DELETE', '/requests');
    await c.graph('GET', `${RD}/roleDefinitions?$top=1`, alex, undefined, { 'client-request-id': 'trace-1' });
    await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    const log = (await c.control('GET', '/requests?path=roleManagement')).body.value;
    expect(log.map((e: any) => e.method)).toEqual(['GET', 'POST']);
    expect(log[0]).toMatchObject({
      path: '/v1.0/roleManagement/directory/roleDefinitions',
      query: { $top: '1' },
      headers: { 'client-request-id': 'trace-1' },
    });
    expect(log[0].headers.authorization).toBeUndefined();
    expect(log[1].body).toMatchObject({ action: 'selfActivate', principalId: users.alex.id });
    expect((await c.control('GET', '/requests?method=POST')).body.value).toHaveLength(1);
  });

  it('creates an activation "in the portal" that Elevate did not make, visible in instances and requests', async () => {
    const res = await c.control('POST', '/activations', {
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      duration: 'PT2H',
      startedAgo: 'PT10M',
    });
    expect(res.status).toBe(201);
    expect(res.body.instance).toMatchObject({ assignmentType: 'Activated', principalId: users.alex.id });
    const alex = await c.userToken(users.alex.userPrincipalName);
    const instances = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`,
      alex,
    );
    expect(instances.body.value.map((i: any) => i.roleDefinitionId)).toEqual([ROLES.globalReader]);
    const again = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(again.body.error.code).toBe('RoleAssignmentExists');
    const deactivate = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, alex, {
      action: 'selfDeactivate',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      directoryScopeId: '/',
    });
    expect(deactivate.body.status).toBe('Revoked');
    const bad = await c.control('POST', '/activations', {
      principalId: users.alex.id,
      roleDefinitionId: '11111111-1111-1111-1111-111111111111',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('roleDefinitionId');
  });

  it('reset restores the seed state; seeds load from an object or a path, and a broken seed names the field', async () => {
    const alex = await c.userToken(users.alex.userPrincipalName);
    await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    await c.control('POST', '/reset');
    expect(
      (
        await c.graph(
          'GET',
          `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`,
          await c.userToken(users.alex.userPrincipalName),
        )
      ).body.value,
    ).toEqual([]);

    const broken = structuredClone(demoTenant) as any;
    broken.policies[0].maximumDuration = 'P1Y';
    const res = await c.control('POST', '/seed', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'policies.0.maximumDuration'");
    // Paths outside the project's seed folder are refused (issue 14, defect 5).
    const outside = await c.control('POST', '/seed', { path: '/nonexistent/seed.json' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('src/simulator/seed');
    const missing = await c.control('POST', '/seed', { path: 'nonexistent.json' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("no seed file 'nonexistent.json'");
    const fromPath = await c.control('POST', '/seed', {
      path: require.resolve('../../src/simulator/seed/demo-tenant.json'),
    });
    expect(fromPath.body).toMatchObject({ loaded: true, users: demoTenant.users.length });
  });

  it('reactivationLagSeconds keeps RoleAssignmentExists for a while after a deactivation', async () => {
    await c.control('PATCH', '/settings', { reactivationLagSeconds: 60 });
    await c.control('POST', '/activations', {
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      startedAgo: 'PT10M',
    });
    const alex = await c.userToken(users.alex.userPrincipalName);
    const deactivate = {
      action: 'selfDeactivate',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      directoryScopeId: '/',
    };
    expect(
      (await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, alex, deactivate)).body.status,
    ).toBe('Revoked');
    const tooSoon = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(tooSoon.body.error.code).toBe('RoleAssignmentExists');
    await c.control('POST', '/clock/advance', { by: 'PT61S' });
    const later = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await c.userToken(users.alex.userPrincipalName),
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(later.body.status).toBe('Provisioned');
  });

  it('summarises the tenant state', async () => {
    const sam = await c.userToken(users.sam.userPrincipalName);
    await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      sam,
      selfActivate(users.sam.id, ROLES.securityAdministrator),
    );
    const state = (await c.control('GET', '/state')).body;
    expect(state.pendingRequests).toEqual([
      expect.objectContaining({
        status: 'PendingApproval',
        principal: 'Sam Okafor',
        target: 'Security Administrator @ /',
        approvers: ['Morgan Yu'],
      }),
    ]);
    expect(state.activeAssignments.map((a: any) => a.target).sort()).toEqual([
      'Privileged Role Administrator @ /',
      'Security Reader @ /',
    ]);
  });

  it('settings switch the error wording; unknown settings are refused', async () => {
    expect((await c.control('GET', '/settings')).body).toEqual({
      acrsErrorStyle: 'wrapped',
      policyErrorFormat: 'rule-text',
      reactivationLagSeconds: 0,
      realism: {},
    });
    expect(
      (await c.control('PATCH', '/settings', { policyErrorFormat: 'legacy-array' })).body.policyErrorFormat,
    ).toBe('legacy-array');
    expect((await c.control('PATCH', '/settings', { colour: 'blue' })).status).toBe(400);
    expect((await c.control('GET', '/nothing')).status).toBe(404);
  });
});
