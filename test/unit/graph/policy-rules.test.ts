import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationRulesFromPolicy } from '../../../src/adapters/graph/policy-rules';

type Rules = Parameters<typeof activationRulesFromPolicy>[0];

// Copy of graph-pim/examples/get-rolemanagementpolicyassignments-directoryrole-expand-policy-rules.response.json
const documented = JSON.parse(
  readFileSync(
    join(
      __dirname,
      'fixtures',
      'get-rolemanagementpolicyassignments-directoryrole-expand-policy-rules.response.json',
    ),
    'utf8',
  ),
) as { value: { policy: { id: string; rules: Rules } }[] };

function withRule(rules: Rules, id: string, patch: Record<string, unknown>): Rules {
  return rules.map((rule) => (rule.id === id ? { ...rule, ...patch } : rule));
}

describe('role policy → activation rules (REFERENCE §5.5)', () => {
  const { rules, id } = documented.value[0].policy;

  it('reads the documented default policy', () => {
    const result = activationRulesFromPolicy(rules, id);
    expect(result.maximumDuration.as('hours')).toBe(8);
    expect(result).toMatchObject({
      justificationRequired: true,
      ticketRequired: false,
      mfaRequired: true,
      approvalRequired: false,
      approvers: [],
      authenticationContext: undefined,
    });
  });

  it('reads approvers (users and groups), approver justification and the auth context', () => {
    let changed = withRule(rules, 'Approval_EndUser_Assignment', {
      setting: {
        isApprovalRequired: true,
        approvalStages: [
          {
            isApproverJustificationRequired: true,
            primaryApprovers: [
              { '@odata.type': '#microsoft.graph.singleUser', userId: 'u-1' },
              { '@odata.type': '#microsoft.graph.groupMembers', groupId: 'g-1' },
            ],
          },
        ],
      },
    });
    changed = withRule(changed, 'AuthenticationContext_EndUser_Assignment', {
      isEnabled: true,
      claimValue: 'c1',
    });
    changed = withRule(changed, 'Enablement_EndUser_Assignment', { enabledRules: ['Ticketing'] });
    changed = withRule(changed, 'Expiration_EndUser_Assignment', { maximumDuration: 'PT1H30M' });
    const result = activationRulesFromPolicy(changed, id);
    expect(result.approvers).toEqual([
      { type: 'user', userId: 'u-1' },
      { type: 'group', groupId: 'g-1' },
    ]);
    expect(result).toMatchObject({
      approvalRequired: true,
      approverJustificationRequired: true,
      authenticationContext: 'c1',
      ticketRequired: true,
      justificationRequired: false,
      mfaRequired: false,
    });
    expect(result.maximumDuration.as('minutes')).toBe(90);
  });

  it('refuses a policy without a readable maximum duration, naming the policy', () => {
    const broken = withRule(rules, 'Expiration_EndUser_Assignment', { maximumDuration: 'eight hours' });
    expect(() => activationRulesFromPolicy(broken, id)).toThrow(/eight hours/);
    const missing = rules.filter((rule) => rule.id !== 'Expiration_EndUser_Assignment');
    expect(() => activationRulesFromPolicy(missing, id)).toThrow(/Expiration_EndUser_Assignment/);
  });
});
