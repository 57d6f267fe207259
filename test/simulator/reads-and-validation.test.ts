/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, groups, selfActivate, users } from './sim-test-client';

/** Policy, role-definition and directory reads, OData options, permissions, and body validation. */
describe('simulator: reads, OData options and request validation', () => {
  let c: SimTestClient;
  let app: string;
  beforeAll(async () => {
    c = await SimTestClient.start();
    app = await c.appToken();
  });
  afterAll(() => c.close());

  describe('policies', () => {
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
      const byId = await c.graph(
        'GET',
        `/v1.0/policies/roleManagementPolicies/${policyId}?$expand=rules`,
        app,
      );
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

  describe('role definitions, $filter, $top and paging', () => {
    it('filters with eq and in, and pages with @odata.nextLink', async () => {
      const byName = await c.graph(
        'GET',
        `${RD}/roleDefinitions?$filter=displayName eq 'Global Reader'`,
        app,
      );
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

  describe('directory', () => {
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
      expect(memberOf.body.value.map((g: any) => g.displayName).sort()).toEqual([
        'Contoso Ops',
        'IT Helpdesk',
      ]);
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
      expect((await c.graph('GET', '/v1.0/users/00000000-0000-0000-0000-000000000000', app)).status).toBe(
        404,
      );
      const userRead = await c.userToken(users.alex.userPrincipalName, 'demo', 'User.Read');
      expect((await c.graph('GET', '/v1.0/me', userRead)).status).toBe(200);
      const other = await c.graph('GET', `/v1.0/users/${users.sam.id}`, userRead);
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('Authorization_RequestDenied');
    });
  });

  describe('request bodies are validated against openapi-subset.json', () => {
    let alex: string;
    beforeAll(async () => {
      alex = await c.userToken(users.alex.userPrincipalName);
    });
    const post = (body: unknown) => c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, alex, body);

    it.each([
      [
        'a missing principalId',
        { ...selfActivate(users.alex.id, ROLES.globalReader), principalId: undefined },
        "'principalId' is required",
      ],
      [
        'a number as duration',
        selfActivate(users.alex.id, ROLES.globalReader, {
          scheduleInfo: { expiration: { type: 'afterDuration', duration: 5 } },
        }),
        "'scheduleInfo.expiration.duration'",
      ],
      [
        'a duration in months',
        selfActivate(users.alex.id, ROLES.globalReader, {
          scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P1M' } },
        }),
        "'scheduleInfo.expiration.duration'",
      ],
      ['an unknown action', selfActivate(users.alex.id, ROLES.globalReader, { action: 'fly' }), "'action'"],
      [
        'a string as isValidationOnly',
        selfActivate(users.alex.id, ROLES.globalReader, { isValidationOnly: 'yes' }),
        "'isValidationOnly'",
      ],
      [
        'a bad startDateTime',
        selfActivate(users.alex.id, ROLES.globalReader, {
          scheduleInfo: {
            startDateTime: 'tomorrow',
            expiration: { type: 'afterDuration', duration: 'PT1H' },
          },
        }),
        "'scheduleInfo.startDateTime'",
      ],
      [
        'no scope at all',
        { ...selfActivate(users.alex.id, ROLES.globalReader), directoryScopeId: undefined },
        "'directoryScopeId' or 'appScopeId'",
      ],
    ])('%s → 400 naming the field', async (_name, body, expected) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BadRequest');
      expect(res.body.error.message).toContain(expected);
      expect(res.body.error.innerError).toMatchObject({
        date: expect.any(String),
        'request-id': expect.any(String),
      });
    });

    it('malformed JSON and an empty body are 400', async () => {
      const bad = await post('{"action": ');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('not valid JSON');
      expect((await post('')).status).toBe(400);
    });

    it('an approval decision other than Approve/Deny names reviewResult', async () => {
      const res = await c.graph(
        'PATCH',
        `/beta/roleManagement/directory/roleAssignmentApprovals/x/steps/y`,
        alex,
        { reviewResult: 'Maybe' },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("'reviewResult'");
    });

    it('unknown paths and methods get the Graph envelope', async () => {
      const unknown = await c.graph('GET', '/v1.0/roleManagement/directory/nothingHere', alex);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain("segment 'nothingHere'");
      expect((await c.graph('PATCH', `${RD}/roleDefinitions`, alex, {})).status).toBe(405);
    });
  });
});
