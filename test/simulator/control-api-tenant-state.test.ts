/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import demoTenant from '../../src/simulator/seed/demo-tenant.json';
import { RD, ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** The /_sim/ control API on the tenant state: portal activations, reset, seeds, reactivation lag, the summary. */
describe('simulator: tenant state through the control API', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });

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
});
