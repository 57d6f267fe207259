/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { DateTime } from 'luxon';
import { activationHelpers } from './activation-helpers';
import { RD, ROLES, SimTestClient, groups, selfActivate, useSimTestClient, users } from './sim-test-client';

/** Who may activate what: group-held, AU-scoped and time-bound eligibility, PIM for Groups, tokens and admin actions. */
describe('simulator: eligibility and access', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });
  const { post, alex } = activationHelpers(() => c);

  it('eligibility through a role-assignable group: member activates with own principalId', async () => {
    const token = await c.userToken(users.jordan.userPrincipalName);
    const eligible = (
      await c.graph(
        'GET',
        `${RD}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')`,
        token,
      )
    ).body.value;
    // The row names the group (azure-docs#113251, see group-held-eligibility.test.ts); Jordan sends his own id.
    expect(eligible.find((e: any) => e.roleDefinitionId === ROLES.helpdeskAdministrator)).toMatchObject({
      principalId: groups['IT Helpdesk'].id,
      memberType: 'Group',
    });
    const res = await post(token, selfActivate(users.jordan.id, ROLES.helpdeskAdministrator));
    expect(res.body).toMatchObject({ status: 'Provisioned', principalId: users.jordan.id });
    const direct = await c.graph(
      'GET',
      `${RD}/roleEligibilityScheduleInstances?$filter=principalId eq '${groups['IT Helpdesk'].id}'`,
      await c.appToken(),
    );
    expect(direct.body.value).toHaveLength(1);
  });

  it('administrative-unit-scoped eligibility: the AU scope works, tenant scope is not eligible, a bad scope is InvalidScope', async () => {
    const token = await c.userToken(users.jamie.userPrincipalName);
    const au = '/administrativeUnits/3cfdd2b2-52cb-4d78-990b-076b52995826';
    const ok = await post(
      token,
      selfActivate(users.jamie.id, ROLES.authenticationAdministrator, { directoryScopeId: au }),
    );
    expect(ok.body).toMatchObject({ status: 'Provisioned', directoryScopeId: au });
    const tenantWide = await post(token, selfActivate(users.jamie.id, ROLES.authenticationAdministrator));
    expect(tenantWide.body.error.message).toContain('EligibilityRule');
    const bad = await post(
      token,
      selfActivate(users.jamie.id, ROLES.authenticationAdministrator, {
        directoryScopeId: '/administrativeUnits/00000000-0000-0000-0000-000000000000',
      }),
    );
    expect(bad.body.error.code).toBe('InvalidScope');
  });

  it('time-bound eligibility ends after 10 days', async () => {
    const token = await c.userToken(users.taylor.userPrincipalName);
    const list = (
      await c.graph(
        'GET',
        `${RD}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')?$filter=roleDefinitionId eq '${ROLES.billingAdministrator}'`,
        token,
      )
    ).body.value;
    expect(Math.round(DateTime.fromISO(list[0].endDateTime).diff(c.sim.clock.now()).as('days'))).toBe(10);
    await c.control('POST', '/clock/advance', { by: 'P10DT1M' });
    const later = await c.userToken(users.taylor.userPrincipalName);
    expect(
      (await post(later, selfActivate(users.taylor.id, ROLES.billingAdministrator))).body.error.message,
    ).toContain('EligibilityRule');
  });

  it('self actions: app-only tokens and other principals are refused (403)', async () => {
    const app = await c.appToken();
    const appOnly = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`,
      app,
    );
    expect(appOnly.status).toBe(403);
    const other = await post(await alex(), selfActivate(users.jordan.id, ROLES.helpdeskAdministrator));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('401 InvalidAuthenticationToken without or with a bad token; client-request-id is echoed', async () => {
    const none = await c.graph('GET', `${RD}/roleDefinitions`, null, undefined, {
      'client-request-id': 'abc-123',
    });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      innerError: { 'client-request-id': 'abc-123' },
    });
    expect(none.headers.get('client-request-id')).toBe('abc-123');
    expect((await c.graph('GET', `${RD}/roleDefinitions`, 'not-a-jwt')).status).toBe(401);
  });

  it('PIM for Groups: eligible member activates membership; the group lists them as member', async () => {
    const token = await c.userToken(users.casey.userPrincipalName);
    const db = groups['Production Database Operators'].id;
    const eligible = await c.graph(
      'GET',
      `/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances/filterByCurrentUser(on='principal')`,
      token,
    );
    expect(eligible.body.value[0]).toMatchObject({ groupId: db, accessId: 'member', memberType: 'direct' });
    const res = await c.graph(
      'POST',
      '/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests',
      token,
      {
        accessId: 'member',
        principalId: users.casey.id,
        groupId: db,
        action: 'selfActivate',
        justification: 'Schema migration',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } },
      },
    );
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      targetScheduleId: `${db}_member_${res.body.id}`,
    });
    const members = await c.graph('GET', `/v1.0/groups/${db}/members`, await c.appToken());
    expect(members.body.value.map((m: any) => m.id)).toEqual([users.casey.id]);
    const active = await c.graph(
      'GET',
      `/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances/filterByCurrentUser(on='principal')`,
      token,
    );
    expect(active.body.value[0]).toMatchObject({ assignmentType: 'activated', accessId: 'member' });
  });

  it('admin actions need Privileged Role Administrator: adminAssign by a plain user is 403, by Chris Provisioned', async () => {
    const body = {
      action: 'adminAssign',
      principalId: users.avery.id,
      roleDefinitionId: ROLES.securityReader,
      directoryScopeId: '/',
      justification: 'Audit season',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    };
    expect((await post(await alex(), body)).status).toBe(403);
    const res = await post(await c.userToken(users.chris.userPrincipalName), body);
    expect(res.body).toMatchObject({ status: 'Provisioned' });
    const noJustification = await post(await c.userToken(users.chris.userPrincipalName), {
      ...body,
      principalId: users.jamie.id,
      justification: null,
    });
    expect(noJustification.body.error.message).toContain('JustificationRule');
  });
});
