import { EX } from './example-seed';
import { S, example } from './example-shape';
import { describeExamplesReplay, RD } from './examples-replay-fixture';

/** App-only lists, role management policy assignments and the PATCH of each documented policy rule. */
describeExamplesReplay(
  'documented Graph PIM examples replayed: app-only lists and policies',
  'policies',
  ({ at, c, check, cover, token }) => {
    const ids: Record<string, string> = {};

    it('lists assignment instances and role definitions with an app-only token', async () => {
      // The time the replay reached here when it was one file.
      await at('2022-04-14T01:00:00Z');
      let res = await c.graph('GET', `${RD}/roleAssignmentScheduleInstances`, await token('app'));
      check(
        res,
        200,
        S('unifiedRoleAssignmentScheduleInstanceCollectionResponse'),
        'get-roleassignmentscheduleinstances.response.json',
      );
      res = await c.graph('GET', `${RD}/roleDefinitions`, await token('app'));
      check(
        res,
        200,
        S('unifiedRoleDefinitionCollectionResponse'),
        'get-roledefinitions-directory.response.json',
      );
    });

    it('lists policy assignments (Directory prefix; DirectoryRole with rules; Group owner with rules)', async () => {
      let res = await c.graph(
        'GET',
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'Directory'`,
        await token('app'),
      );
      check(
        res,
        200,
        S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
        'get-rolemanagementpolicyassignments-directory.response.json',
      );
      expect(res.body.value[0].id).toMatch(/^Directory_/);
      res = await c.graph(
        'GET',
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'&$expand=policy($expand=rules)`,
        await token('app'),
      );
      check(
        res,
        200,
        S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
        'get-rolemanagementpolicyassignments-directoryrole-expand-policy-rules.response.json',
      );
      expect(res.body.value).toHaveLength(1);
      expect(res.body.value[0].policy.rules).toHaveLength(17);
      ids.gaPolicy = res.body.value[0].policyId;
      res = await c.graph(
        'GET',
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${EX.ownerPolicyGroup}' and scopeType eq 'Group' and roleDefinitionId eq 'owner'&$expand=policy($expand=rules)`,
        await token('app'),
      );
      check(
        res,
        200,
        S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
        'get-rolemanagementpolicyassignments-group-owner-expand-policy-rules.response.json',
      );
      expect(res.body.value[0].id).toMatch(new RegExp(`^Group_${EX.ownerPolicyGroup}_.*_owner$`));
    });

    it('PATCHes each documented policy rule (204) and the change is visible', async () => {
      for (const [file, ruleId] of [
        [
          'patch-rolemanagementpolicyrule-expiration-enduser-assignment.request.json',
          'Expiration_EndUser_Assignment',
        ],
        [
          'patch-rolemanagementpolicyrule-expiration-admin-eligibility.request.json',
          'Expiration_Admin_Eligibility',
        ],
        [
          'patch-rolemanagementpolicyrule-enablement-enduser-assignment.request.json',
          'Enablement_EndUser_Assignment',
        ],
        [
          'patch-rolemanagementpolicyrule-approval-enduser-assignment.request.json',
          'Approval_EndUser_Assignment',
        ],
      ]) {
        cover(file);
        const res = await c.graph(
          'PATCH',
          `/v1.0/policies/roleManagementPolicies/${ids.gaPolicy}/rules/${ruleId}`,
          await token('admin'),
          example(file),
        );
        expect({ file, status: res.status, body: res.body }).toEqual({ file, status: 204, body: undefined });
      }
      const rule = await c.graph(
        'GET',
        `/v1.0/policies/roleManagementPolicies/${ids.gaPolicy}/rules/Expiration_EndUser_Assignment`,
        await token('app'),
      );
      expect(rule.body.maximumDuration).toBe('PT1H45M');
    });
  },
);
