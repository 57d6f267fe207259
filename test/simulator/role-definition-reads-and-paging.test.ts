/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, useSimTestClient, users } from './sim-test-client';

/** Role-definition and schedule-instance reads: $filter, $select, $top and @odata.nextLink paging. */
describe('simulator: role definitions, $filter, $top and paging', () => {
  let c: SimTestClient;
  let app: string;
  useSimTestClient((s) => ({ c, app } = s));

  it('filters with eq and in, and pages with @odata.nextLink', async () => {
    const byName = await c.graph('GET', `${RD}/roleDefinitions?$filter=displayName eq 'Global Reader'`, app);
    expect(byName.body.value.map((r: any) => r.id)).toEqual([ROLES.globalReader]);
    const byIds = await c.graph(
      'GET',
      `${RD}/roleDefinitions?$filter=id in ('${ROLES.globalReader}', '${ROLES.userAdministrator}')`,
      app,
    );
    expect(byIds.body.value).toHaveLength(2);
    const seen: string[] = [];
    let next: string | undefined = `${RD}/roleDefinitions?$top=5`;
    let pages = 0;
    while (next) {
      const page: any = await c.graph('GET', next.replace(c.sim.graphBaseUrl, ''), app);
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.value.map((r: any) => r.id));
      next = page.body['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(c.sim.state.roleDefinitions.length / 5));
    expect(new Set(seen).size).toBe(c.sim.state.roleDefinitions.length);
  });

  it('applies $select and refuses unknown properties', async () => {
    const res = await c.graph('GET', `${RD}/roleDefinitions?$select=displayName&$top=1`, app);
    expect(Object.keys(res.body.value[0]).sort()).toEqual(['displayName', 'id']);
    const bad = await c.graph('GET', `${RD}/roleDefinitions?$select=colour`, app);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'colour'");
  });

  it('rejects unsupported filters and bad $top with 400', async () => {
    expect(
      (await c.graph('GET', `${RD}/roleDefinitions?$filter=startswith(displayName,'G')`, app)).body.error
        .code,
    ).toBe('InvalidFilter');
    expect((await c.graph('GET', `${RD}/roleDefinitions?$top=0`, app)).status).toBe(400);
    const status = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests?$filter=status eq 'PendingApproval'`,
      app,
    );
    expect(status.body.error).toMatchObject({
      code: 'InvalidFilter',
      message: "The status eq 'PendingApproval' filter is invalid.",
    });
  });

  it('filters schedule instances by principalId in (…) and assignmentType', async () => {
    const res = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleInstances?$filter=principalId in ('${users.chris.id}','${users.morgan.id}') and assignmentType eq 'Assigned'`,
      app,
    );
    expect(res.body.value.map((i: any) => i.roleDefinitionId).sort()).toEqual(
      [ROLES.securityReader, ROLES.privilegedRoleAdministrator].sort(),
    );
  });
});
