/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { startSimulator } from '../../src/simulator';
import demoTenant from '../../src/simulator/seed/demo-tenant.json';
import { RD, ROLES, SimTestClient, selfActivate, users, useSimTestClient } from './sim-test-client';

/**
 * F16 point 1: provisioning takes time. Sources: the documented v1.0 selfActivate response answers
 * `"status": "Granted"` (Graph docs, rbacapplication-post-roleassignmentschedulerequests.md); the
 * documented status set adds PendingScheduleCreation, ScheduleCreated and PendingProvisioning
 * (Graph docs, resources/request.md); clients poll "from PendingProvisioning to Provisioned", which
 * took 71 s in one report (JustinGrote/JAz.PIM#7). The instance exists only once Provisioned.
 */
describe('simulator: provisioning delay and transient statuses (realism profile)', () => {
  let c: SimTestClient;
  const profile = {
    selfActivate: {
      delaySeconds: 12,
      statusPath: ['Granted', 'PendingScheduleCreation', 'ScheduleCreated', 'PendingProvisioning'],
    },
  };
  const alexInstances = async (token: string) =>
    (
      await c.graph(
        'GET',
        `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')?$filter=roleDefinitionId eq '${ROLES.globalReader}'`,
        token,
      )
    ).body.value as any[];

  // Started up front: starting a simulator takes seconds, and a client idle that long meets a
  // keep-alive socket the server has just closed.
  let demo: Awaited<ReturnType<typeof startSimulator>>;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });
  beforeAll(async () => {
    demo = await startSimulator({ port: 0, realism: 'demo' });
  });
  afterAll(() => demo.close());

  it('tests start instant: Provisioned at once', async () => {
    expect((await c.control('GET', '/settings')).body.realism).toEqual({});
    const token = await c.userToken(users.alex.userPrincipalName);
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      token,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(res.body.status).toBe('Provisioned');
    expect(await alexInstances(token)).toHaveLength(1);
  });

  it('walks the status path over the delay; the instance appears only when Provisioned', async () => {
    expect((await c.control('PATCH', '/settings', { realism: profile })).status).toBe(200);
    const token = await c.userToken(users.alex.userPrincipalName);
    const post = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      token,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ status: 'Granted', completedDateTime: null });
    const seen: string[] = [post.body.status];
    for (let step = 0; step < 3; step += 1) {
      await c.control('POST', '/clock/advance', { by: 'PT3.5S' });
      expect(await alexInstances(token)).toHaveLength(0);
      seen.push(
        (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${post.body.id}`, token)).body.status,
      );
    }
    expect(seen).toEqual(['Granted', 'PendingScheduleCreation', 'ScheduleCreated', 'PendingProvisioning']);
    // While provisioning, a second activation is a duplicate, not a second grant.
    const again = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      token,
      selfActivate(users.alex.id, ROLES.globalReader),
    );
    expect(again.body.error.code).toBe('PendingRoleAssignmentRequest');

    await c.control('POST', '/clock/advance', { by: 'PT2S' });
    const done = await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${post.body.id}`, token);
    expect(done.body).toMatchObject({ status: 'Provisioned', completedDateTime: expect.any(String) });
    expect(await alexInstances(token)).toHaveLength(1);
  });

  it('presets by name; a seed can carry its own profile; reset keeps the start-up profile', async () => {
    await c.control('PATCH', '/settings', { realism: 'real-world' });
    expect((await c.control('GET', '/settings')).body.realism.selfActivate).toMatchObject({
      delaySeconds: 10,
    });
    const seeded = await c.control('POST', '/seed', { ...demoTenant, realism: profile });
    expect(seeded.status).toBe(200);
    expect((await c.control('GET', '/settings')).body.realism).toEqual(profile);

    const settings = async () =>
      (await (await fetch(`${demo.baseUrl}/_sim/settings`)).json()) as { realism: any };
    expect((await settings()).realism.selfActivate.delaySeconds).toBe(3);
    await fetch(`${demo.baseUrl}/_sim/reset`, { method: 'POST' });
    expect((await settings()).realism.selfActivate.delaySeconds).toBe(3);
  });

  it.each([
    ['an unknown preset', 'slow'],
    ['a delay over 10 minutes', { selfActivate: { delaySeconds: 601 } }],
    ['a status that is not transient', { selfActivate: { delaySeconds: 1, statusPath: ['Denied'] } }],
    ['an action that cannot be delayed', { selfDeactivate: { delaySeconds: 1 } }],
  ])('refuses %s with 400', async (_name, realism) => {
    const res = await c.control('PATCH', '/settings', { realism });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/realism/);
  });
});
