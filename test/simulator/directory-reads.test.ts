/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { SimTestClient, groups, useSimTestClient, users } from './sim-test-client';

/** Directory reads (/me, users, groups, members) and their permissions. */
describe('simulator: directory', () => {
  let c: SimTestClient;
  let app: string;
  useSimTestClient((s) => ({ c, app } = s));

  it('serves /me, /users/{id}, transitiveMemberOf, group members and id-in lookups', async () => {
    const jordan = await c.userToken(users.jordan.userPrincipalName);
    const me = await c.graph('GET', '/v1.0/me', jordan);
    expect(me.body).toMatchObject({
      id: users.jordan.id,
      displayName: 'Jordan Lee',
      userPrincipalName: users.jordan.userPrincipalName,
    });
    expect(
      (await c.graph('GET', `/v1.0/users/${users.dana.id}?$select=displayName,mail`, app)).body,
    ).toMatchObject({ id: users.dana.id, displayName: 'Dana Schmidt' });
    const memberOf = await c.graph('GET', '/v1.0/me/transitiveMemberOf', jordan);
    expect(memberOf.body.value.map((g: any) => g.displayName).sort()).toEqual(['Contoso Ops', 'IT Helpdesk']);
    const members = await c.graph('GET', `/v1.0/groups/${groups['Security Approvers'].id}/members`, app);
    expect(members.body.value.map((m: any) => m.id).sort()).toEqual([users.sam.id, users.morgan.id].sort());
    const lookup = await c.graph(
      'GET',
      `/v1.0/users?$filter=id in ('${users.alex.id}','${users.sam.id}')`,
      app,
    );
    expect(lookup.body.value).toHaveLength(2);
    const groupLookup = await c.graph(
      'GET',
      `/v1.0/groups?$filter=id in ('${groups['IT Helpdesk'].id}')`,
      app,
    );
    expect(groupLookup.body.value[0].isAssignableToRole).toBe(true);
    expect((await c.graph('GET', `/v1.0/users/${users.alex.id}/mailboxSettings`, app)).body.timeZone).toBe(
      'Europe/London',
    );
  });

  it('/me is refused app-only; unknown users are 404; User.Read alone cannot read others', async () => {
    expect((await c.graph('GET', '/v1.0/me', app)).status).toBe(400);
    expect((await c.graph('GET', '/v1.0/users/00000000-0000-0000-0000-000000000000', app)).status).toBe(404);
    const userRead = await c.userToken(users.alex.userPrincipalName, 'demo', 'User.Read');
    expect((await c.graph('GET', '/v1.0/me', userRead)).status).toBe(200);
    const other = await c.graph('GET', `/v1.0/users/${users.sam.id}`, userRead);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('Authorization_RequestDenied');
  });
});
