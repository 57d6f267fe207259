import type { Policy, Rule } from './pim-types';
import type { SeedApprover, SeedPolicy } from './seed-types';

/**
 * The 17 rules of a role-management policy with the defaults of the documented expanded policy
 * (REFERENCE §5.2), and readers for the settings activation depends on.
 */
const T = '#microsoft.graph.unifiedRoleManagementPolicy';

type RuleCaller = 'Admin' | 'EndUser';
type RuleLevel = 'Eligibility' | 'Assignment';

function target(caller: RuleCaller, level: RuleLevel, operations: string) {
  return { caller, operations: [operations], level, inheritableSettings: [], enforcedSettings: [] };
}

function expiration(
  caller: RuleCaller,
  level: RuleLevel,
  setting: { isExpirationRequired: boolean; maximumDuration: string },
  ops: string,
): Rule {
  return {
    '@odata.type': `${T}ExpirationRule`,
    id: `Expiration_${caller}_${level}`,
    isExpirationRequired: setting.isExpirationRequired,
    maximumDuration: setting.maximumDuration,
    target: target(caller, level, ops),
  };
}

function enablement(caller: RuleCaller, level: RuleLevel, enabledRules: string[], ops: string): Rule {
  return {
    '@odata.type': `${T}EnablementRule`,
    id: `Enablement_${caller}_${level}`,
    enabledRules,
    target: target(caller, level, ops),
  };
}

/** The three e-mail notification rules (to admins, the requestor and approvers) of one caller and level. */
function notifications(caller: RuleCaller, level: RuleLevel, ops: string): Rule[] {
  return ['Admin', 'Requestor', 'Approver'].map((recipientType) => ({
    '@odata.type': `${T}NotificationRule`,
    id: `Notification_${recipientType}_${caller}_${level}`,
    notificationType: 'Email',
    recipientType,
    notificationLevel: 'All',
    isDefaultRecipientsEnabled: true,
    notificationRecipients: [],
    target: target(caller, level, ops),
  }));
}

function approverSubject(a: SeedApprover): Record<string, unknown> {
  return 'userId' in a
    ? { '@odata.type': '#microsoft.graph.singleUser', userId: a.userId, description: null }
    : { '@odata.type': '#microsoft.graph.groupMembers', groupId: a.groupId, description: null };
}

export function buildPolicyRules(seed: SeedPolicy, kind: 'directory' | 'group'): Rule[] {
  const ops = kind === 'directory' ? 'all' : 'All';
  const groupDefault = kind === 'group';
  const adminElig = seed.adminEligibility ?? { isExpirationRequired: groupDefault, maximumDuration: 'P365D' };
  const adminAssign = seed.adminAssignment ?? {
    isExpirationRequired: groupDefault,
    maximumDuration: 'P180D',
  };
  return [
    expiration('Admin', 'Eligibility', adminElig, ops),
    enablement('Admin', 'Eligibility', [], ops),
    ...notifications('Admin', 'Eligibility', ops),
    expiration('Admin', 'Assignment', adminAssign, ops),
    enablement('Admin', 'Assignment', seed.adminAssignment?.enabledRules ?? ['Justification'], ops),
    ...notifications('Admin', 'Assignment', ops),
    expiration(
      'EndUser',
      'Assignment',
      { isExpirationRequired: true, maximumDuration: seed.maximumDuration ?? 'PT8H' },
      ops,
    ),
    enablement('EndUser', 'Assignment', seed.enabledRules ?? [], ops),
    {
      '@odata.type': `${T}ApprovalRule`,
      id: 'Approval_EndUser_Assignment',
      target: target('EndUser', 'Assignment', ops),
      setting: {
        isApprovalRequired: seed.approval !== undefined,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        // SingleStage even when approval is off, as in the documented list-policy-assignments
        // examples (policyroot-list-rolemanagementpolicyassignments.md); `NoApproval` is never shown.
        approvalMode: 'SingleStage',
        approvalStages: [
          {
            approvalStageTimeOutInDays: 1,
            isApproverJustificationRequired: seed.approval?.isApproverJustificationRequired ?? true,
            escalationTimeInMinutes: 0,
            isEscalationEnabled: false,
            primaryApprovers: (seed.approval?.approvers ?? []).map(approverSubject),
            escalationApprovers: [],
          },
        ],
      },
    },
    {
      '@odata.type': `${T}AuthenticationContextRule`,
      id: 'AuthenticationContext_EndUser_Assignment',
      isEnabled: seed.authenticationContext !== undefined,
      claimValue: seed.authenticationContext ?? null,
      target: target('EndUser', 'Assignment', ops),
    },
    ...notifications('EndUser', 'Assignment', ops),
  ];
}

function rule(policy: Policy, id: string): Rule {
  const found = policy.rules.find((r) => r.id === id);
  if (!found) throw new Error(`policy ${policy.guid} has no rule ${id}`);
  return found;
}

export function expirationRule(
  policy: Policy,
  id: 'Expiration_EndUser_Assignment' | 'Expiration_Admin_Assignment' | 'Expiration_Admin_Eligibility',
) {
  const r = rule(policy, id);
  return {
    isExpirationRequired: r.isExpirationRequired === true,
    maximumDuration: typeof r.maximumDuration === 'string' ? r.maximumDuration : null,
  };
}

export function enabledRules(
  policy: Policy,
  id: 'Enablement_EndUser_Assignment' | 'Enablement_Admin_Assignment' | 'Enablement_Admin_Eligibility',
): string[] {
  const r = rule(policy, id);
  return Array.isArray(r.enabledRules) ? (r.enabledRules as string[]).map((s) => s.toLowerCase()) : [];
}

export interface ApprovalSetting {
  required: boolean;
  approvers: SeedApprover[];
  isApproverJustificationRequired: boolean;
}

export function approvalSetting(policy: Policy): ApprovalSetting {
  const setting = (rule(policy, 'Approval_EndUser_Assignment').setting ?? {}) as Record<string, unknown>;
  const stage = ((setting.approvalStages as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  const approvers = ((stage.primaryApprovers as Record<string, unknown>[] | undefined) ?? []).flatMap(
    (a): SeedApprover[] => {
      if (typeof a.userId === 'string') return [{ userId: a.userId }];
      if (typeof a.groupId === 'string') return [{ groupId: a.groupId }];
      return [];
    },
  );
  return {
    required: setting.isApprovalRequired === true,
    approvers,
    isApproverJustificationRequired: stage.isApproverJustificationRequired === true,
  };
}

export function authenticationContext(policy: Policy): string | null {
  const r = rule(policy, 'AuthenticationContext_EndUser_Assignment');
  return r.isEnabled === true && typeof r.claimValue === 'string' && r.claimValue ? r.claimValue : null;
}
