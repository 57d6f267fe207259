import type { Policy, Rule } from './pim-types';
import type { SeedApprover, SeedPolicy } from './seed-types';

/**
 * The 17 rules of a role-management policy with the defaults of the documented expanded policy
 * (REFERENCE §5.2), and readers for the settings activation depends on.
 */
const T = '#microsoft.graph.unifiedRoleManagementPolicy';

function target(caller: 'Admin' | 'EndUser', level: 'Eligibility' | 'Assignment', operations: string) {
  return { caller, operations: [operations], level, inheritableSettings: [], enforcedSettings: [] };
}

function notification(
  id: string,
  caller: 'Admin' | 'EndUser',
  level: 'Eligibility' | 'Assignment',
  recipientType: string,
  ops: string,
): Rule {
  return {
    '@odata.type': `${T}NotificationRule`,
    id,
    notificationType: 'Email',
    recipientType,
    notificationLevel: 'All',
    isDefaultRecipientsEnabled: true,
    notificationRecipients: [],
    target: target(caller, level, ops),
  };
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
    {
      '@odata.type': `${T}ExpirationRule`,
      id: 'Expiration_Admin_Eligibility',
      isExpirationRequired: adminElig.isExpirationRequired,
      maximumDuration: adminElig.maximumDuration,
      target: target('Admin', 'Eligibility', ops),
    },
    {
      '@odata.type': `${T}EnablementRule`,
      id: 'Enablement_Admin_Eligibility',
      enabledRules: [],
      target: target('Admin', 'Eligibility', ops),
    },
    notification('Notification_Admin_Admin_Eligibility', 'Admin', 'Eligibility', 'Admin', ops),
    notification('Notification_Requestor_Admin_Eligibility', 'Admin', 'Eligibility', 'Requestor', ops),
    notification('Notification_Approver_Admin_Eligibility', 'Admin', 'Eligibility', 'Approver', ops),
    {
      '@odata.type': `${T}ExpirationRule`,
      id: 'Expiration_Admin_Assignment',
      isExpirationRequired: adminAssign.isExpirationRequired,
      maximumDuration: adminAssign.maximumDuration,
      target: target('Admin', 'Assignment', ops),
    },
    {
      '@odata.type': `${T}EnablementRule`,
      id: 'Enablement_Admin_Assignment',
      enabledRules: seed.adminAssignment?.enabledRules ?? ['Justification'],
      target: target('Admin', 'Assignment', ops),
    },
    notification('Notification_Admin_Admin_Assignment', 'Admin', 'Assignment', 'Admin', ops),
    notification('Notification_Requestor_Admin_Assignment', 'Admin', 'Assignment', 'Requestor', ops),
    notification('Notification_Approver_Admin_Assignment', 'Admin', 'Assignment', 'Approver', ops),
    {
      '@odata.type': `${T}ExpirationRule`,
      id: 'Expiration_EndUser_Assignment',
      isExpirationRequired: true,
      maximumDuration: seed.maximumDuration ?? 'PT8H',
      target: target('EndUser', 'Assignment', ops),
    },
    {
      '@odata.type': `${T}EnablementRule`,
      id: 'Enablement_EndUser_Assignment',
      enabledRules: seed.enabledRules ?? [],
      target: target('EndUser', 'Assignment', ops),
    },
    {
      '@odata.type': `${T}ApprovalRule`,
      id: 'Approval_EndUser_Assignment',
      target: target('EndUser', 'Assignment', ops),
      setting: {
        isApprovalRequired: seed.approval !== undefined,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        approvalMode: seed.approval ? 'SingleStage' : 'NoApproval',
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
    notification('Notification_Admin_EndUser_Assignment', 'EndUser', 'Assignment', 'Admin', ops),
    notification('Notification_Requestor_EndUser_Assignment', 'EndUser', 'Assignment', 'Requestor', ops),
    notification('Notification_Approver_EndUser_Assignment', 'EndUser', 'Assignment', 'Approver', ops),
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
