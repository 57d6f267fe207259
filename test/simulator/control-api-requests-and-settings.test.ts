/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** The /_sim/requests log of received requests and the /_sim/settings switches. */
describe('simulator: received requests and settings', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });

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
