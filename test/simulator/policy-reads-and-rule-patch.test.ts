/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** Policy-assignment reads (17 rules, seed policy) and the PATCH of a policy rule. */
describe('simulator: policies', () => {
  let c: SimTestClient;
  let app: string;
  useSimTestClient((s) => ({ c, app } = s));

  it('refuses a policy-assignment list without scopeId and scopeType (400 InvalidFilter)', async () => {
    for (const query of ['', `?$filter=scopeType eq 'DirectoryRole'`, `?$filter=scopeId eq '/'`]) {
      const res = await c.graph('GET', `/v1.0/policies/roleManagementPolicyAssignments${query}`, app);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('InvalidFilter');
      expect(res.body.error.message).toContain('scopeId');
    }
    const policies = await c.graph('GET', '/v1.0/policies/roleManagementPolicies', app);
    expect(policies.status).toBe(400);
  });

  it('returns one assignment per role with the 17 rules, reflecting the seed policy', async () => {
    const res = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '${ROLES.userAdministrator}'&$expand=policy($expand=rules)`,
      app,
    );
    const rules = res.body.value[0].policy.rules as any[];
    expect(rules).toHaveLength(17);
    const rule = (id: string) => rules.find((r) => r.id === id);
    expect(rule('Approval_EndUser_Assignment').setting).toMatchObject({
      isApprovalRequired: true,
      approvalStages: [
        { primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: users.dana.id }] },
      ],
    });
    expect(rule('Enablement_EndUser_Assignment').enabledRules).toEqual(['Justification']);
    const policyId = res.body.value[0].policyId;
    expect(policyId).toMatch(new RegExp(`^DirectoryRole_${c.sim.tenantId}_`));
    const byId = await c.graph('GET', `/v1.0/policies/roleManagementPolicies/${policyId}?$expand=rules`, app);
    expect(byId.body.rules).toHaveLength(17);
    const all = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole'`,
      app,
    );
    expect(all.body.value).toHaveLength(c.sim.state.roleDefinitions.length);
    expect(all.body.value[0].policy).toBeUndefined();
  });

  it('PATCH of a rule needs the derived @odata.type, a delegated admin, and is refused app-only', async () => {
    const list = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '${ROLES.globalReader}'`,
      app,
    );
    const url = `/v1.0/policies/roleManagementPolicies/${list.body.value[0].policyId}/rules/Expiration_EndUser_Assignment`;
    const body = {
      '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
      id: 'Expiration_EndUser_Assignment',
      isExpirationRequired: true,
      maximumDuration: 'PT2H',
    };
    expect((await c.graph('PATCH', url, app, body)).status).toBe(403);
    const consentedOnly = await c.userToken(users.chris.userPrincipalName);
    const notConsented = await c.graph('PATCH', url, consentedOnly, body);
    expect(notConsented.status).toBe(403);
    expect(JSON.parse(notConsented.body.error.message).errorCode).toBe('PermissionScopeNotGranted');
    const chris = await c.stepUpToken(users.chris.id, {
      scopes: ['RoleManagementPolicy.ReadWrite.Directory'],
    });
    const missingType = await c.graph('PATCH', url, chris, {
      id: 'Expiration_EndUser_Assignment',
      maximumDuration: 'PT2H',
    });
    expect(missingType.status).toBe(400);
    expect(missingType.body.error.message).toContain('@odata.type');
    const wrongType = await c.graph('PATCH', url, chris, {
      ...body,
      '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
      enabledRules: [],
    });
    expect(wrongType.status).toBe(400);
    expect((await c.graph('PATCH', url, chris, body)).status).toBe(204);
    const alex = await c.userToken(users.alex.userPrincipalName);
    const tooLong = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      alex,
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT3H' } },
      }),
    );
    expect(tooLong.body.error.message).toContain('ExpirationRule');
  });
});
