import { GraphError, badRequest } from '../graph/graph-error';
import type { SimSettings } from './tenant-state';

/** The PIM error bodies of REFERENCE §7.2, worded as the service words them. */
export interface RuleFailure {
  rule: 'ExpirationRule' | 'JustificationRule' | 'TicketingRule' | 'MfaRule' | 'EligibilityRule';
  text: string;
}

export const RULE_TEXT = {
  expirationTooLong: 'The duration in the request is greater than maximum allowed duration',
  expirationPermanent: 'The policy does not allow permanent assignment',
  justification: 'Justification is required',
  ticketing: 'Ticket information is required',
  mfa: 'Multi-factor authentication is required',
  eligibility: 'The principal does not have a valid eligibility to activate this role at this scope',
} as const;

export function policyValidationFailed(failures: RuleFailure[], settings: SimSettings): GraphError {
  const detail =
    settings.policyErrorFormat === 'legacy-array'
      ? JSON.stringify(failures.map((f) => f.rule))
      : failures.map((f) => `${f.rule} - ${f.text}`).join(', ');
  return badRequest(
    'RoleAssignmentRequestPolicyValidationFailed',
    `The following policy rules failed: ${detail}`,
  );
}

/** The claims challenge Graph puts in the body (URL-encoded after `&claims=`), wrapped in UnknownError by default. */
export function acrsValidationFailed(claimValue: string, settings: SimSettings): GraphError {
  const claims = `{"access_token":{"acrs":{"essential":true, "value":"${claimValue}"}}}`;
  return new GraphError(
    400,
    'RoleAssignmentRequestAcrsValidationFailed',
    `&claims=${encodeURIComponent(claims)}`,
    {
      wrapped: settings.acrsErrorStyle === 'wrapped',
    },
  );
}

export const roleAssignmentExists = (): GraphError =>
  badRequest('RoleAssignmentExists', 'The Role assignment already exists.');
export const roleAssignmentDoesNotExist = (): GraphError =>
  badRequest('RoleAssignmentDoesNotExist', 'The Role assignment does not exist.');
export const activeDurationTooShort = (): GraphError =>
  badRequest('ActiveDurationTooShort', 'The Active duration is too short. Miniumum Required is 5 minutes.');
export const pendingRequestExists = (): GraphError =>
  badRequest(
    'PendingRoleAssignmentRequest',
    'There is already a pending request for this role, principal and scope. Cancel it or wait for it to complete.',
  );

export const permissionScopeNotGranted = (scopes: string[]): GraphError =>
  new GraphError(
    403,
    'PermissionScopeNotGranted',
    `Authorization failed due to missing permission scope ${scopes.join(',')}.`,
    { wrapped: true, instanceAnnotations: true },
  );

export const accessDenied = (message: string): GraphError =>
  new GraphError(403, 'Authorization_RequestDenied', message);
