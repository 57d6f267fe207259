/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { DateTime } from 'luxon';
import { RD, ROLES, SimTestClient, groups, selfActivate, users } from './sim-test-client';

/** REFERENCE §12.2–12.5 status paths and PIM error codes, over HTTP with real tokens. */
describe('simulator: activation, deactivation and their errors', () => {
  let c: SimTestClient;
  const post = async (token: string, body: unknown) =>
    c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, token, body);
  const alex = () => c.userToken(users.alex.userPrincipalName);
  const policyError = (res: any, rule: string, text: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RoleAssignmentRequestPolicyValidationFailed');
    expect(res.body.error.message).toBe(`The following policy rules failed: ${rule} - ${text}`);
  };
  const myInstances = async (token: string) =>
    (await c.graph('GET', `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`, token))
      .body.value as any[];

  beforeAll(async () => {
    c = await SimTestClient.start();
  });
  beforeEach(async () => {
    expect((await c.control('POST', '/reset')).status).toBe(200);
  });
  afterAll(() => c.close());

  it('no requirements: 201 Provisioned, an Activated/Direct instance ending at start + duration', async () => {
    const token = await alex();
    const res = await post(token, selfActivate(users.alex.id, ROLES.globalReader, { justification: null }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      targetScheduleId: res.body.id,
      approvalId: null,
      createdBy: { user: { id: users.alex.id } },
    });
    expect(res.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignmentScheduleRequests/$entity',
    );
    expect(res.body.scheduleInfo).toMatchObject({
      recurrence: null,
      expiration: { type: 'afterDuration', duration: 'PT1H' },
    });
    const instance = (await myInstances(token)).find((i) => i.roleDefinitionId === ROLES.globalReader);
    expect(instance).toMatchObject({
      assignmentType: 'Activated',
      memberType: 'Direct',
      principalId: users.alex.id,
    });
    const length = DateTime.fromISO(instance.endDateTime)
      .diff(DateTime.fromISO(instance.startDateTime))
      .as('minutes');
    expect(length).toBe(60);
  });

  it('enum input is case-insensitive; action and expiration type come back camelCase', async () => {
    const res = await post(
      await alex(),
      selfActivate(users.alex.id, ROLES.globalReader, {
        action: 'SELFACTIVATE',
        scheduleInfo: { expiration: { type: 'AFTERDURATION', duration: 'PT30M' } },
      }),
    );
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      action: 'selfActivate',
      scheduleInfo: { expiration: { type: 'afterDuration' } },
    });
  });

  it('future start: Granted with completedDateTime = start, active at start, gone at end', async () => {
    const start = c.sim.clock.now().plus({ hours: 2 }).startOf('second');
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: {
          startDateTime: start.toISO(),
          expiration: { type: 'afterDuration', duration: 'PT1H' },
        },
      }),
    );
    expect(res.body).toMatchObject({
      status: 'Granted',
      completedDateTime: start.toUTC().toISO({ suppressMilliseconds: true }),
    });
    expect(await myInstances(token)).toEqual([]);
    await c.control('POST', '/clock/advance', { by: 'PT2H1M' });
    const later = await c.userToken(users.alex.userPrincipalName);
    expect((await myInstances(later)).map((i) => i.roleDefinitionId)).toEqual([ROLES.globalReader]);
    expect(
      (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${res.body.id}`, later)).body.status,
    ).toBe('Provisioned');
    await c.control('POST', '/clock/advance', { by: 'PT1H' });
    expect(await myInstances(await c.userToken(users.alex.userPrincipalName))).toEqual([]);
  });

  it('isValidationOnly runs every check and persists nothing', async () => {
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, { isValidationOnly: true }),
    );
    expect(res.body).toMatchObject({ status: 'Provisioned', isValidationOnly: true });
    expect(await myInstances(token)).toEqual([]);
    expect((await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${res.body.id}`, token)).status).toBe(
      404,
    );
    const failing = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, { isValidationOnly: true }),
    );
    policyError(failing, 'TicketingRule', 'Ticket information is required');
  });

  it('cancel: Granted → Canceled (204); Provisioned → 400', async () => {
    const token = await alex();
    const start = c.sim.clock.now().plus({ days: 1 }).toISO();
    const granted = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: { startDateTime: start, expiration: { type: 'afterDuration', duration: 'PT1H' } },
      }),
    );
    const cancel = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests/${granted.body.id}/cancel`,
      token,
    );
    expect(cancel.status).toBe(204);
    expect(cancel.body).toBeUndefined();
    expect(
      (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${granted.body.id}`, token)).body.status,
    ).toBe('Canceled');
    const provisioned = await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const refused = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests/${provisioned.body.id}/cancel`,
      token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Provisioned');
  });

  it('selfDeactivate: ActiveDurationTooShort within 5 minutes, then Revoked, then RoleAssignmentDoesNotExist', async () => {
    const token = await alex();
    await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const deactivate = {
      action: 'selfDeactivate',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      directoryScopeId: '/',
    };
    const early = await post(token, deactivate);
    expect(early.body.error).toMatchObject({
      code: 'ActiveDurationTooShort',
      message: 'The Active duration is too short. Miniumum Required is 5 minutes.',
    });
    await c.control('POST', '/clock/advance', { by: 'PT5M' });
    const later = await c.userToken(users.alex.userPrincipalName);
    const done = await post(later, deactivate);
    expect(done.body).toMatchObject({ status: 'Revoked' });
    expect(await myInstances(later)).toEqual([]);
    const again = await post(later, deactivate);
    expect(again.body.error).toMatchObject({
      code: 'RoleAssignmentDoesNotExist',
      message: 'The Role assignment does not exist.',
    });
  });

  it('RoleAssignmentExists when already active', async () => {
    const token = await alex();
    await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const res = await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'RoleAssignmentExists',
      message: 'The Role assignment already exists.',
    });
  });

  it('PendingRoleAssignmentRequest when a request awaits approval', async () => {
    const token = await c.userToken(users.jordan.userPrincipalName);
    const first = await post(token, selfActivate(users.jordan.id, ROLES.userAdministrator));
    expect(first.body).toMatchObject({ status: 'PendingApproval', approvalId: first.body.id });
    const second = await post(token, selfActivate(users.jordan.id, ROLES.userAdministrator));
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe('PendingRoleAssignmentRequest');
  });

  it('EligibilityRule when the user is not eligible', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, ROLES.securityAdministrator));
    policyError(
      res,
      'EligibilityRule',
      'The principal does not have a valid eligibility to activate this role at this scope',
    );
  });

  it('ExpirationRule: longer than the policy maximum (PT1H) and permanent', async () => {
    const token = await alex();
    const long = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H30M' } },
      }),
    );
    policyError(
      long,
      'ExpirationRule',
      'The duration in the request is greater than maximum allowed duration',
    );
    const permanent = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'noExpiration' } },
      }),
    );
    policyError(permanent, 'ExpirationRule', 'The policy does not allow permanent assignment');
    const ok = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
      }),
    );
    expect(ok.body.status).toBe('Provisioned');
  });

  it('JustificationRule and TicketingRule (both reported together)', async () => {
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, { justification: '  ' }),
    );
    expect(res.body.error.message).toBe(
      'The following policy rules failed: JustificationRule - Justification is required, TicketingRule - Ticket information is required',
    );
    const ticketOnly = await post(token, selfActivate(users.alex.id, ROLES.exchangeAdministrator));
    policyError(ticketOnly, 'TicketingRule', 'Ticket information is required');
    const ok = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, {
        ticketInfo: { ticketNumber: 'CHG-42', ticketSystem: 'ServiceNow' },
      }),
    );
    expect(ok.body).toMatchObject({
      status: 'Provisioned',
      ticketInfo: { ticketNumber: 'CHG-42', ticketSystem: 'ServiceNow' },
    });
  });

  it('MfaRule with a password-grant token (amr pwd); accepted once amr has mfa', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, ROLES.globalAdministrator));
    policyError(res, 'MfaRule', 'Multi-factor authentication is required');
    const mfa = await c.stepUpToken(users.alex.id, { amr: ['pwd', 'mfa'] });
    expect((await post(mfa, selfActivate(users.alex.id, ROLES.globalAdministrator))).body.status).toBe(
      'Provisioned',
    );
  });

  it('authentication context c1: claims challenge in the body (wrapped, then plain); accepted with acrs c1', async () => {
    const token = await c.userToken(users.riley.userPrincipalName);
    const body = selfActivate(users.riley.id, ROLES.privilegedRoleAdministrator);
    const wrapped = await post(token, body);
    expect(wrapped.status).toBe(400);
    expect(wrapped.headers.get('www-authenticate')).toBeNull();
    expect(wrapped.body.error.code).toBe('UnknownError');
    const inner = JSON.parse(wrapped.body.error.message);
    expect(inner.errorCode).toBe('RoleAssignmentRequestAcrsValidationFailed');
    expect(JSON.parse(decodeURIComponent(inner.message.split('&claims=')[1]))).toEqual({
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
    await c.control('PATCH', '/settings', { acrsErrorStyle: 'plain' });
    const plain = await post(token, body);
    expect(plain.body.error.code).toBe('RoleAssignmentRequestAcrsValidationFailed');
    expect(plain.body.error.message).toContain('&claims=');
    const stepped = await c.stepUpToken(users.riley.id, { acrs: ['c1'] });
    expect((await post(stepped, body)).body.status).toBe('Provisioned');
  });

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

  it('RoleDefinitionDoesNotExist for an unknown role', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, '11111111-2222-3333-4444-555555555555'));
    expect(res.body.error.code).toBe('RoleDefinitionDoesNotExist');
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
