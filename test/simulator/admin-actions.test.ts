/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, groups, users, useSimTestClient } from './sim-test-client';

/** admin* actions (REFERENCE §2.2), selfExtend/selfRenew → PendingAdminDecision, PIM for Groups membership effects. */
describe('simulator: admin actions, extend/renew and group membership effects', () => {
  let c: SimTestClient;
  const chris = () => c.userToken(users.chris.userPrincipalName);
  const assign = (action: string, extra: Record<string, unknown> = {}) => ({
    action,
    principalId: users.morgan.id,
    roleDefinitionId: ROLES.securityReader,
    directoryScopeId: '/',
    justification: 'Quarterly access review',
    scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    ...extra,
  });
  const post = async (token: string, body: unknown) =>
    c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, token, body);
  const morganSecurityReader = async () =>
    (
      await c.graph(
        'GET',
        `${RD}/roleAssignmentScheduleInstances?$filter=principalId eq '${users.morgan.id}' and roleDefinitionId eq '${ROLES.securityReader}'`,
        await c.appToken(),
      )
    ).body.value as any[];

  useSimTestClient((s) => ({ c } = s), { resetEach: true });

  it('adminUpdate and adminExtend replace the schedule (Provisioned); adminRemove revokes it; then RoleAssignmentDoesNotExist', async () => {
    expect((await morganSecurityReader())[0]).toMatchObject({
      assignmentType: 'Assigned',
      endDateTime: null,
    });
    const update = await post(await chris(), assign('adminUpdate'));
    expect(update.body).toMatchObject({ status: 'Provisioned', action: 'adminUpdate' });
    expect((await morganSecurityReader())[0].endDateTime).toEqual(expect.any(String));
    expect(
      (
        await post(
          await chris(),
          assign('adminExtend', {
            scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P60D' } },
          }),
        )
      ).body.status,
    ).toBe('Provisioned');
    const remove = await post(await chris(), {
      action: 'adminRemove',
      principalId: users.morgan.id,
      roleDefinitionId: ROLES.securityReader,
      directoryScopeId: '/',
    });
    expect(remove.body).toMatchObject({ status: 'Revoked', targetScheduleId: null, scheduleInfo: null });
    expect(await morganSecurityReader()).toEqual([]);
    const again = await post(await chris(), {
      action: 'adminRemove',
      principalId: users.morgan.id,
      roleDefinitionId: ROLES.securityReader,
      directoryScopeId: '/',
    });
    expect(again.body.error.code).toBe('RoleAssignmentDoesNotExist');
    expect((await post(await chris(), assign('adminUpdate'))).body.error.code).toBe(
      'RoleAssignmentDoesNotExist',
    );
  });

  it('adminAssign of an existing assignment is RoleAssignmentExists; adminRenew of an expired one is Provisioned', async () => {
    expect((await post(await chris(), assign('adminAssign'))).body.error.code).toBe('RoleAssignmentExists');
    const temp = await post(
      await chris(),
      assign('adminAssign', {
        principalId: users.avery.id,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P1D' } },
      }),
    );
    expect(temp.body.status).toBe('Provisioned');
    await c.control('POST', '/clock/advance', { by: 'P2D' });
    const renew = await post(await chris(), assign('adminRenew', { principalId: users.avery.id }));
    expect(renew.body.status).toBe('Provisioned');
  });

  it('selfExtend and selfRenew wait for an administrator (PendingAdminDecision); nothing to extend is RoleAssignmentDoesNotExist', async () => {
    const morgan = await c.userToken(users.morgan.userPrincipalName);
    const extend = await post(morgan, { ...assign('selfExtend'), principalId: users.morgan.id });
    expect(extend.body).toMatchObject({ status: 'PendingAdminDecision' });
    const none = await post(morgan, { ...assign('selfRenew'), roleDefinitionId: ROLES.globalReader });
    expect(none.body.error.code).toBe('RoleAssignmentDoesNotExist');
  });

  it('eligibility adminAssign refuses a permanent eligibility for a group (ExpirationRule) and accepts a bounded one', async () => {
    const token = await c.stepUpToken(users.chris.id, {
      scopes: ['PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup'],
    });
    const db = groups['Production Database Operators'].id;
    const base = {
      accessId: 'member',
      principalId: users.jamie.id,
      groupId: db,
      action: 'AdminAssign',
      justification: 'Rota',
    };
    const permanent = await c.graph(
      'POST',
      '/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
      token,
      { ...base, scheduleInfo: { expiration: { type: 'NoExpiration' } } },
    );
    expect(permanent.body.error.message).toBe(
      'The following policy rules failed: ExpirationRule - The policy does not allow permanent assignment',
    );
    const bounded = await c.graph(
      'POST',
      '/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests',
      token,
      { ...base, scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'P90D' } } },
    );
    expect(bounded.body).toMatchObject({ status: 'Provisioned', action: 'adminAssign' });
    const jamie = await c.userToken(users.jamie.userPrincipalName);
    const eligible = await c.graph(
      'GET',
      `/v1.0/identityGovernance/privilegedAccess/group/eligibilitySchedules/filterByCurrentUser(on='principal')`,
      jamie,
    );
    expect(eligible.body.value.map((s: any) => s.groupId)).toEqual([db]);
  });

  it('an activated PIM for Groups membership shows in transitiveMemberOf and ends with its schedule', async () => {
    const casey = await c.userToken(users.casey.userPrincipalName);
    const db = groups['Production Database Operators'].id;
    await c.graph(
      'POST',
      '/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests',
      casey,
      {
        accessId: 'member',
        principalId: users.casey.id,
        groupId: db,
        action: 'selfActivate',
        justification: 'Hotfix',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
      },
    );
    const during = await c.graph('GET', '/v1.0/me/transitiveMemberOf', casey);
    expect(during.body.value.map((g: any) => g.id)).toEqual([db]);
    await c.control('POST', '/clock/advance', { by: 'PT61M' });
    const after = await c.graph(
      'GET',
      '/v1.0/me/transitiveMemberOf',
      await c.userToken(users.casey.userPrincipalName),
    );
    expect(after.body.value).toEqual([]);
  });
});
