import { DomainError, ErrorCodes, type ErrorCode } from '../../domain/errors';

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

/** The Graph error envelope after unwrapping an `UnknownError` whose message is JSON (REFERENCE §7.1). */
export interface ParsedGraphError {
  code: string;
  message: string;
  /** The outer code when the error came wrapped (e.g. 'UnknownError'). */
  wrapperCode?: string;
  requestId?: string;
}

const POLICY_RULE_PRIORITY = [
  'EligibilityRule',
  'MfaRule',
  'ExpirationRule',
  'JustificationRule',
  'TicketingRule',
] as const;

export function parseGraphErrorBody(body: string): ParsedGraphError {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    return { code: '', message: body.slice(0, 500) };
  }
  const error = isRecord(envelope) && isRecord(envelope.error) ? envelope.error : undefined;
  if (!error) return { code: '', message: body.slice(0, 500) };
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const inner = isRecord(error.innerError) ? error.innerError : undefined;
  const requestId = inner && typeof inner['request-id'] === 'string' ? inner['request-id'] : undefined;
  if (message.trimStart().startsWith('{')) {
    try {
      const wrapped: unknown = JSON.parse(message);
      if (isRecord(wrapped) && typeof wrapped.errorCode === 'string') {
        return {
          code: wrapped.errorCode,
          message: typeof wrapped.message === 'string' ? wrapped.message : '',
          wrapperCode: code,
          requestId,
        };
      }
    } catch {
      // not JSON after all: keep the outer message
    }
  }
  return { code, message, requestId };
}

/** Rule names from either message format: `["MfaRule","ExpirationRule"]` or `MfaRule - text`. */
export function extractPolicyRules(message: string): string[] {
  const afterColon = message.includes(':') ? message.slice(message.indexOf(':') + 1) : message;
  const found = afterColon.match(/\b[A-Z][A-Za-z]*Rule\b/g) ?? [];
  return [...new Set(found)];
}

/**
 * The claims challenge carried in the body of an ACRS failure, URL-decoded: e.g.
 * `{"access_token":{"acrs":{"essential":true, "value":"c1"}}}`. Undefined when absent or not JSON.
 */
export function extractClaimsChallenge(text: string): string | undefined {
  const match = /claims=([^"&\s\\]+)/.exec(text);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  try {
    JSON.parse(decoded);
  } catch {
    return undefined;
  }
  return decoded;
}

/** The `acrs` value(s) a claims challenge demands. */
export function acrsValuesOf(claims: string): string[] {
  try {
    const parsed: unknown = JSON.parse(claims);
    const acrs =
      isRecord(parsed) && isRecord(parsed.access_token) && isRecord(parsed.access_token.acrs)
        ? parsed.access_token.acrs
        : undefined;
    if (!acrs) return [];
    if (typeof acrs.value === 'string') return [acrs.value];
    if (Array.isArray(acrs.values)) return acrs.values.filter((v): v is string => typeof v === 'string');
    return [];
  } catch {
    return [];
  }
}

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

type Make = (
  code: ErrorCode,
  message: string,
  remedy: string,
  extra?: Record<string, unknown>,
) => DomainError;

function translatePolicyFailure(message: string, make: Make): DomainError {
  const rules = extractPolicyRules(message);
  const primary = POLICY_RULE_PRIORITY.find((rule) => rules.includes(rule));
  const extra = { rules, policyMessage: message };
  switch (primary) {
    case 'EligibilityRule':
      return make(
        ErrorCodes.NotEligible,
        'You have no valid eligibility for this role at that scope.',
        'Check your eligible roles with `roles`; ask an administrator if one is missing.',
        extra,
      );
    case 'MfaRule':
      return make(
        ErrorCodes.MfaRequired,
        'This role requires multi-factor authentication, and your sign-in did not include it.',
        'Select Verify and complete multi-factor authentication, then try again.',
        { ...extra, claims: JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } }) },
      );
    case 'ExpirationRule':
      return /permanent/i.test(message)
        ? make(
            ErrorCodes.DurationInvalid,
            'The role policy does not allow a permanent activation.',
            'Ask for a duration within the policy maximum.',
            extra,
          )
        : make(
            ErrorCodes.DurationTooLong,
            'The requested duration is longer than the role policy allows.',
            'Ask for a shorter duration (see the maximum with `roles`).',
            extra,
          );
    case 'JustificationRule':
      return make(
        ErrorCodes.JustificationRequired,
        'This role requires a justification.',
        'Add a reason, e.g. `because investigating INC-1`.',
        extra,
      );
    case 'TicketingRule':
      return make(
        ErrorCodes.TicketRequired,
        'This role requires a ticket number.',
        'Add a ticket, e.g. `ticket INC-1234`.',
        extra,
      );
    default:
      return make(
        ErrorCodes.PolicyRuleFailed,
        `The role policy refused the request: ${message}`,
        'Adjust the request to the role policy shown by `roles`.',
        extra,
      );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
