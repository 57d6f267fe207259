import { DomainError, ErrorCodes, type ErrorCode } from '../../domain/errors';
import { acrsValuesOf, extractClaimsChallenge, parseGraphErrorBody } from './graph-error-body';
import { translatePolicyFailure } from './policy-failure';

export {
  acrsValuesOf,
  extractClaimsChallenge,
  extractPolicyRules,
  parseGraphErrorBody,
  type ParsedGraphError,
} from './graph-error-body';

/** A non-2xx Graph answer, as the transport saw it. */
export interface GraphFailure {
  status: number;
  /** Raw response body (may be empty or not JSON). */
  body: string;
  requestId?: string;
  clientRequestId?: string;
  retryAfterSeconds?: number;
}

/** What the adapter was doing; some codes mean different things per operation (REFERENCE §6.2, §2.5). */
export type GraphOperation =
  'read' | 'activate' | 'deactivate' | 'extend' | 'cancel' | 'getApproval' | 'decideApproval';

/** Translates a Graph failure into a DomainError, once, with what happened and what to do. */
export function translateGraphError(failure: GraphFailure, operation: GraphOperation): DomainError {
  const parsed = parseGraphErrorBody(failure.body);
  const base = {
    status: failure.status,
    graphCode: parsed.code || undefined,
    requestId: failure.requestId ?? parsed.requestId,
    clientRequestId: failure.clientRequestId,
  };
  const make = (code: ErrorCode, message: string, remedy: string, extra: Record<string, unknown> = {}) =>
    new DomainError(code, message, { remedy, details: { ...base, ...extra } });

  if (/AcrsValidationFailed/i.test(parsed.code) || /AcrsValidationFailed/i.test(failure.body)) {
    const claims = extractClaimsChallenge(parsed.message) ?? extractClaimsChallenge(failure.body);
    const acrs = claims ? acrsValuesOf(claims) : [];
    return make(
      ErrorCodes.StepUpRequired,
      `This role requires an extra verification step (authentication context ${acrs.join(', ') || 'unspecified'}) that your current sign-in does not satisfy.`,
      'Select Verify, complete the sign-in prompt, and the request will be sent again.',
      { claims, acrs },
    );
  }

  switch (parsed.code) {
    case 'RoleAssignmentRequestPolicyValidationFailed':
      return translatePolicyFailure(parsed.message, make);
    case 'RoleAssignmentExists':
      return make(
        ErrorCodes.AlreadyActive,
        'This role is already active for you at that scope.',
        'Nothing to do; to extend it, deactivate and activate it again.',
      );
    case 'RoleAssignmentDoesNotExist':
      return make(
        ErrorCodes.NotActive,
        'This role is not active for you at that scope, so there is nothing to deactivate.',
        'Refresh your list of active roles.',
      );
    case 'ActiveDurationTooShort':
      return make(
        ErrorCodes.DeactivateTooSoon,
        'A role cannot be deactivated within 5 minutes of its activation.',
        'Wait until 5 minutes have passed since activation, then deactivate again.',
        { minimumActiveMinutes: 5 },
      );
    case 'PendingRoleAssignmentRequest':
    case 'RoleAssignmentScheduleRequestExists':
      return make(
        ErrorCodes.PendingRequestExists,
        'A request for this role is already pending (for example awaiting approval).',
        'Wait for the pending request to be decided, or cancel it and ask again.',
      );
    case 'InvalidScope':
      return make(
        ErrorCodes.InvalidScope,
        `The scope of the request is not valid for this role: ${parsed.message}`,
        'Activate the role at the scope shown in your eligible roles.',
      );
    case 'RoleDefinitionDoesNotExist':
      return make(
        ErrorCodes.RoleNotFound,
        'The role does not exist in this tenant.',
        'Check the role name with `roles`.',
      );
    case 'PermissionScopeNotGranted': {
      const scopes = /permission scope ([\w.,]+?)\.?$/.exec(parsed.message)?.[1]?.split(',') ?? [];
      return make(
        ErrorCodes.PermissionMissing,
        `Elevate lacks a Microsoft Graph permission for this action (${scopes.join(', ') || parsed.message}).`,
        'Ask a Microsoft Entra administrator to grant admin consent to Elevate.',
        { scopes },
      );
    }
    case 'InvalidAuthenticationToken':
      return make(
        ErrorCodes.SignInRequired,
        'Your sign-in has expired or is not valid for Microsoft Graph.',
        'Sign in again.',
      );
    default:
      break;
  }

  if (parsed.code === 'Request_BadRequest' && /scope/i.test(parsed.message)) {
    return make(
      ErrorCodes.InvalidScope,
      `The scope of the request is not valid for this role: ${parsed.message}`,
      'Activate the role at the scope shown in your eligible roles.',
    );
  }

  if (operation === 'cancel' && failure.status === 400) {
    return make(
      ErrorCodes.NotCancelable,
      'This request can no longer be canceled (only pending or scheduled requests can).',
      'Check its status; deactivate the role instead if it is already active.',
    );
  }

  if (operation === 'decideApproval' || operation === 'getApproval') {
    if (failure.status === 409) {
      return make(
        ErrorCodes.ApprovalAlreadyDecided,
        'Another approver has already decided this request.',
        'No action needed; the card shows the decision.',
      );
    }
    if (failure.status === 404) {
      return make(
        ErrorCodes.ApprovalNotFound,
        'The approval no longer exists (it was decided, canceled or expired).',
        'No action needed.',
      );
    }
    if (failure.status === 403) {
      return /self|own request|requestor/i.test(parsed.message)
        ? make(
            ErrorCodes.SelfApprovalForbidden,
            'You cannot approve your own request.',
            'Another approver has to decide it.',
          )
        : make(
            ErrorCodes.NotAnApprover,
            'You are not an approver for this request.',
            'Only the approvers named in the role policy can decide it.',
          );
    }
  }

  if (failure.status === 401) {
    return make(ErrorCodes.SignInRequired, 'Microsoft Graph did not accept the sign-in.', 'Sign in again.');
  }
  if (failure.status === 403) {
    return make(
      ErrorCodes.AccessDenied,
      `Microsoft Graph refused the request: ${parsed.message || 'access denied'}.`,
      'Ask an administrator to check Elevate’s permissions and your roles.',
    );
  }
  if (failure.status === 429) {
    return make(
      ErrorCodes.Throttled,
      'Microsoft Graph is throttling requests right now.',
      'Try again in a minute.',
      { retryAfterSeconds: failure.retryAfterSeconds },
    );
  }
  if (failure.status >= 500) {
    return make(
      ErrorCodes.ServiceUnavailable,
      `Microsoft Graph is temporarily unavailable (HTTP ${failure.status}).`,
      'Try again in a few minutes.',
      { retryAfterSeconds: failure.retryAfterSeconds },
    );
  }
  return make(
    ErrorCodes.GraphError,
    `Microsoft Graph answered HTTP ${failure.status}${parsed.code ? ` ${parsed.code}` : ''}: ${parsed.message || 'no details'}.`,
    'Try again; if it keeps failing, report the request id to an administrator.',
  );
}
