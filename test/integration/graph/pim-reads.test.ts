import { DateTime, Duration } from 'luxon';
import { startHarness, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';

describe('Graph PIM gateway reads against the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });

  it('lists eligible roles direct, through role-assignable groups, scoped, time-bound, and PIM for Groups', async () => {
    const alex = await h.user(T.alex);
    const roles = await h.gateway.listEligibleRoles(alex);
    const byId = new Map(roles.map((r) => [`${r.kind}|${r.roleId}`, r]));

    expect(byId.get(`directoryRole|${T.roles.globalReader}`)).toMatchObject({
      roleName: 'Global Reader',
      directoryScopeId: '/',
      scopeName: 'Directory',
      via: { type: 'direct' },
    });
    // filterByCurrentUser leaves this one out; it comes from the group's eligibility.
    expect(byId.get(`directoryRole|${T.roles.helpdeskAdmin}`)).toMatchObject({
      roleName: 'Helpdesk Administrator',
      via: { type: 'group', groupId: T.itHelpdesk, groupName: 'IT Helpdesk' },
    });
    const scoped = byId.get(`directoryRole|${T.roles.authAdmin}`);
    expect(scoped).toMatchObject({ directoryScopeId: `/administrativeUnits/${T.emeaAu}` });
    // The simulator does not serve /directory/administrativeUnits/{id} yet; the adapter then names the unit by id.
    expect(scoped!.scopeName).toMatch(/^(EMEA Office|an administrative unit)$/);
    const daysLeft = scoped!.eligibleUntil!.diff(h.sim.clock.now(), 'days').days;
    expect(daysLeft).toBeGreaterThan(9);
    expect(daysLeft).toBeLessThanOrEqual(10);
    expect(byId.get(`groupMember|${T.dbOperators}`)).toMatchObject({
      kind: 'groupMember',
      roleName: 'Production Database Operators',
    });
    // Someone outside the group does not inherit it.
    const priyaRoles = await h.gateway.listEligibleRoles(await h.user(T.priya));
    expect(priyaRoles.map((r) => r.roleId)).toEqual([T.roles.globalReader]);
  });

  it('turns each role policy into activation rules', async () => {
    await expect(
      h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.userAdmin }),
    ).resolves.toMatchObject({
      justificationRequired: true,
      ticketRequired: true,
      approvalRequired: false,
    });
    const userAdmin = await h.gateway.getActivationRules({
      kind: 'directoryRole',
      roleId: T.roles.userAdmin,
    });
    expect(userAdmin.maximumDuration.as('hours')).toBe(2);
    await expect(
      h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.exchangeAdmin }),
    ).resolves.toMatchObject({ approvalRequired: true, approvers: [{ type: 'user', userId: T.priya }] });
    await expect(
      h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.securityAdmin }),
    ).resolves.toMatchObject({
      approvers: [{ type: 'group', groupId: T.securityApprovers }],
      approverJustificationRequired: true,
    });
    await expect(
      h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.groupsAdmin }),
    ).resolves.toMatchObject({
      mfaRequired: true,
    });
    await expect(
      h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.privilegedRoleAdmin }),
    ).resolves.toMatchObject({ authenticationContext: 'c1' });
    const group = await h.gateway.getActivationRules({ kind: 'groupMember', roleId: T.dbOperators });
    expect(group.maximumDuration.as('hours')).toBe(4);
  });

  it('caches a role policy for 10 minutes (by the injected clock)', async () => {
    const count = () =>
      h.requests.sent.filter((r) => r.url.includes('roleManagementPolicyAssignments')).length;
    await h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.globalReader });
    const afterFirst = count();
    await h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.globalReader });
    expect(count()).toBe(afterFirst);
    h.sim.clock.advance(Duration.fromObject({ minutes: 11 }));
    await h.gateway.getActivationRules({ kind: 'directoryRole', roleId: T.roles.globalReader });
    expect(count()).toBe(afterFirst + 1);
  });

  it('lists role definitions from a cache', async () => {
    const found = (await h.gateway.listRoleDefinitions()).filter((r) => r.displayName === 'Global Reader');
    expect(found.map((r) => r.id)).toEqual([T.roles.globalReader]);
    await expect(h.gateway.getRoleDefinition('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'ROLE_NOT_FOUND',
    });
    const lists = h.requests.sent.filter((r) => new URL(r.url).pathname.endsWith('/roleDefinitions')).length;
    expect(lists).toBe(1);
  });

  it('looks up users, groups, transitive membership and group members', async () => {
    await expect(h.directory.getUser(T.alex)).resolves.toMatchObject({
      displayName: 'Alex Morgan',
      userPrincipalName: 'alex.morgan@contoso.example',
    });
    const users = await h.directory.getUsers([T.alex, T.priya]);
    expect(users.map((u) => u.displayName).sort()).toEqual(['Alex Morgan', 'Priya Natarajan']);
    await expect(h.directory.getGroup(T.itHelpdesk)).resolves.toMatchObject({ displayName: 'IT Helpdesk' });
    const groups = await h.directory.listTransitiveGroups(T.alex);
    expect(groups.map((g) => g.id)).toContain(T.itHelpdesk);
    const members = await h.directory.listGroupMembers(T.securityApprovers);
    expect(members.map((m) => m.id).sort()).toEqual([T.sam, T.morgan].sort());
    await expect(h.directory.getUser('00000000-0000-0000-0000-00000000dead')).rejects.toMatchObject({
      details: { status: 404 },
    });
  });

  it('answers transitive group membership (the admin check), app-only', async () => {
    await expect(h.directory.isMemberOfGroup(T.alex, T.itHelpdesk)).resolves.toBe(true);
    await expect(h.directory.isMemberOfGroup(T.alex, T.itHelpdesk.toUpperCase())).resolves.toBe(true);
    await expect(h.directory.isMemberOfGroup(T.alex, T.securityApprovers)).resolves.toBe(false);
    await expect(h.directory.isMemberOfGroup(T.sam, T.securityApprovers)).resolves.toBe(true);
    await expect(
      h.directory.isMemberOfGroup('00000000-0000-0000-0000-00000000dead', T.securityApprovers),
    ).resolves.toBe(false);
  });

  it('lists eligibilities ending soon tenant-wide (app-only)', async () => {
    const ending = await h.gateway.listEligibilitiesEndingBefore(h.sim.clock.now().plus({ days: 14 }));
    expect(ending.map((e) => [e.principalId, e.roleId])).toEqual([[T.alex, T.roles.authAdmin]]);
    expect(ending[0].endDateTime! > DateTime.utc()).toBe(true);
  });
});
