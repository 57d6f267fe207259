import { ErrorCodes, type DomainError, type ErrorCode } from '../../domain/errors';
import { extractPolicyRules } from './graph-error-body';

/** A DomainError for this failure: code, message, remedy and details beyond the Graph ones. */
export type MakeGraphError = (
  code: ErrorCode,
  message: string,
  remedy: string,
  extra?: Record<string, unknown>,
) => DomainError;

const POLICY_RULE_PRIORITY = [
  'EligibilityRule',
  'MfaRule',
  'ExpirationRule',
  'JustificationRule',
  'TicketingRule',
] as const;

/** A role management policy refused the request: the rule that matters most, said plainly. */
export function translatePolicyFailure(message: string, make: MakeGraphError): DomainError {
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
