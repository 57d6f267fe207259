/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, groups, selfActivate, users, useSimTestClient } from './sim-test-client';

/**
 * F16 point 3: eligibility held through a role-assignable group. Source: MicrosoftDocs/azure-docs#113251
 * ("Azure AD PIM Role SelfActivation for Group Based Assignment"): the eligibility row's principalId is
 * the group's object id, and a selfActivate sent with that principalId "activates the role for all
 * users who are member of the group". Graph docs (unifiedRoleEligibilityScheduleInstance, memberType):
 * `Group` when the assignment is held through a group.
 */
describe('simulator: group-held eligibility rows and the group-principal selfActivate', () => {
  let c: SimTestClient;
  const helpdesk = groups['IT Helpdesk'];
  const mine = async (token: string, collection: string) =>
    (
      await c.graph(
        'GET',
        `${RD}/${collection}/filterByCurrentUser(on='principal')?$filter=roleDefinitionId eq '${ROLES.helpdeskAdministrator}'`,
        token,
      )
    ).body.value as any[];

  useSimTestClient((s) => ({ c } = s), { resetEach: true });

  it('the signed-in member sees the row with the group as principalId and memberType Group', async () => {
    const alex = await c.userToken(users.alex.userPrincipalName);
    for (const collection of ['roleEligibilityScheduleInstances', 'roleEligibilitySchedules']) {
      const rows = await mine(alex, collection);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ principalId: helpdesk.id, memberType: 'Group', directoryScopeId: '/' });
    }
  });

  it('selfActivate with the user’s own id activates for that user only', async () => {
    const alex = await c.userToken(users.alex.userPrincipalName);
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.helpdeskAdministrator),
    );
    expect(res.body).toMatchObject({ status: 'Provisioned', principalId: users.alex.id });
    const jordan = await c.userToken(users.jordan.userPrincipalName);
    expect(await mine(jordan, 'roleAssignmentScheduleInstances')).toHaveLength(0);
    expect(await mine(alex, 'roleAssignmentScheduleInstances')).toEqual([
      expect.objectContaining({ principalId: users.alex.id, memberType: 'Direct' }),
    ]);
  });

  it('selfActivate with the group’s principalId (copied from the row) is accepted and activates every member', async () => {
    const alex = await c.userToken(users.alex.userPrincipalName);
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(helpdesk.id, ROLES.helpdeskAdministrator),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      principalId: helpdesk.id,
      createdBy: { user: { id: users.alex.id } },
    });
    // The over-grant: every member of IT Helpdesk now holds the role, through the group.
    for (const member of [users.jordan, users.dana, users.alex]) {
      const rows = await mine(await c.userToken(member.userPrincipalName), 'roleAssignmentScheduleInstances');
      expect(rows).toEqual([
        expect.objectContaining({
          principalId: helpdesk.id,
          memberType: 'Group',
          assignmentType: 'Activated',
        }),
      ]);
    }
  });

  it('a non-member cannot use the group’s principalId', async () => {
    const priya = await c.userToken(users.priya.userPrincipalName);
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      priya,
      selfActivate(helpdesk.id, ROLES.helpdeskAdministrator),
    );
    expect(res.status).toBe(403);
  });
});
