import { Duration } from 'luxon';
import { badRequest } from '../graph/graph-error';
import type { CallerIdentity } from '../identity/types';
import type { ParsedRequest } from './parsed-request';
import { RULE_TEXT, type RuleFailure } from './pim-errors';
import type { Policy, Target } from './pim-types';
import { lengthOf, type ScheduleInfo } from './schedule-input';
import type { TenantState } from './tenant-state';

/** The role management policy that applies to a role or group. */
export function policyOf(state: TenantState, target: Target): Policy {
  const policy = state.policyFor(target);
  if (!policy) throw badRequest('BadRequest', 'No role management policy applies to this role or group.');
  return policy;
}

/** Adds an ExpirationRule failure for a permanent request the rule forbids, or one longer than its maximum. */
export function checkExpiration(
  info: ScheduleInfo | null,
  rule: { isExpirationRequired: boolean; maximumDuration: string | null },
  failures: RuleFailure[],
): void {
  const permanent =
    !info || info.expiration.type === 'noExpiration' || info.expiration.type === 'notSpecified';
  if (permanent) {
    if (rule.isExpirationRequired)
      failures.push({ rule: 'ExpirationRule', text: RULE_TEXT.expirationPermanent });
    return;
  }
  // "Allow permanent" (isExpirationRequired false) disables the maximum, as in the portal.
  const length = lengthOf(info);
  if (
    rule.isExpirationRequired &&
    rule.maximumDuration &&
    length &&
    length.toMillis() > Duration.fromISO(rule.maximumDuration).toMillis()
  ) {
    failures.push({ rule: 'ExpirationRule', text: RULE_TEXT.expirationTooLong });
  }
}

/** Adds a failure for each enabled rule (justification, ticketing, MFA) the request or caller does not meet. */
export function checkEnablement(
  rules: string[],
  p: ParsedRequest,
  caller: CallerIdentity,
  failures: RuleFailure[],
): void {
  if (rules.includes('justification') && !p.justification?.trim())
    failures.push({ rule: 'JustificationRule', text: RULE_TEXT.justification });
  if (rules.includes('ticketing') && !p.ticketInfo.ticketNumber?.trim())
    failures.push({ rule: 'TicketingRule', text: RULE_TEXT.ticketing });
  if (
    rules.includes('multifactorauthentication') &&
    !caller.amr.map((a) => a.toLowerCase()).includes('mfa')
  ) {
    failures.push({ rule: 'MfaRule', text: RULE_TEXT.mfa });
  }
}
