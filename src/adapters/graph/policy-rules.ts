import { Duration } from 'luxon';
import type { UnifiedApprovalStage, UnifiedRoleManagementPolicyRule } from '@microsoft/microsoft-graph-types';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { ActivationRules, Approver } from '../../domain/roles';

/** Rule objects as they arrive: the base type plus the derived fields of the rules that matter. */
type RawRule = UnifiedRoleManagementPolicyRule & {
  '@odata.type'?: string;
  maximumDuration?: string | null;
  isExpirationRequired?: boolean | null;
  enabledRules?: string[] | null;
  isEnabled?: boolean | null;
  claimValue?: string | null;
  setting?: {
    isApprovalRequired?: boolean | null;
    approvalStages?: UnifiedApprovalStage[] | null;
  } | null;
};

/**
 * A role policy's rules reduced to what matters for self-activation (REFERENCE §5.5): the
 * `*_EndUser_Assignment` rules only.
 */
export function activationRulesFromPolicy(rules: RawRule[], policyId: string): ActivationRules {
  const byId = new Map(rules.map((rule) => [rule.id ?? '', rule]));
  const expiration = byId.get('Expiration_EndUser_Assignment');
  if (!expiration?.maximumDuration) {
    throw new DomainError(
      ErrorCodes.GraphError,
      `Role policy ${policyId} has no Expiration_EndUser_Assignment maximum duration.`,
      { remedy: 'Ask an administrator to check the role settings in PIM.', details: { policyId } },
    );
  }
  const maximumDuration = Duration.fromISO(expiration.maximumDuration);
  if (!maximumDuration.isValid) {
    throw new DomainError(
      ErrorCodes.GraphError,
      `Role policy ${policyId} has an unreadable maximum duration '${expiration.maximumDuration}'.`,
      { details: { policyId } },
    );
  }
  const enabled = (byId.get('Enablement_EndUser_Assignment')?.enabledRules ?? []).map((r) => r.toLowerCase());
  const approval = byId.get('Approval_EndUser_Assignment')?.setting;
  const approvalRequired = approval?.isApprovalRequired === true;
  const stage = approvalRequired ? approval?.approvalStages?.[0] : undefined;
  const authContext = byId.get('AuthenticationContext_EndUser_Assignment');

  return {
    maximumDuration,
    justificationRequired: enabled.includes('justification'),
    ticketRequired: enabled.includes('ticketing'),
    mfaRequired: enabled.includes('multifactorauthentication'),
    approvalRequired,
    approvers: approversOf(stage),
    approverJustificationRequired: stage?.isApproverJustificationRequired === true,
    authenticationContext:
      authContext?.isEnabled === true && authContext.claimValue ? authContext.claimValue : undefined,
  };
}

function approversOf(stage: UnifiedApprovalStage | undefined): Approver[] {
  const approvers: Approver[] = [];
  for (const subject of stage?.primaryApprovers ?? []) {
    const raw = subject as { '@odata.type'?: string; userId?: string; groupId?: string };
    const type = (raw['@odata.type'] ?? '').toLowerCase();
    if (type.endsWith('singleuser') && raw.userId) approvers.push({ type: 'user', userId: raw.userId });
    else if (type.endsWith('groupmembers') && raw.groupId)
      approvers.push({ type: 'group', groupId: raw.groupId });
  }
  return approvers;
}
