import {
  activeDurationTooShort,
  policyValidationFailed,
  roleAssignmentDoesNotExist,
  roleAssignmentExists,
  type RuleFailure,
} from './pim-errors';
import { checkEnablement, checkExpiration, policyOf } from './policy-checks';
import { enabledRules, expirationRule } from './policy-rules';
import { provision } from './request-records';
import {
  existingDirect,
  MINIMUM_ACTIVE_DURATION,
  removeSchedules,
  type ScheduleAction,
} from './schedule-action';
import { endOf, invalidSchedule } from './schedule-input';

/**
 * adminAssign / adminUpdate / adminRemove / adminExtend / adminRenew: replaces (or removes) the
 * principal's direct schedule, checked against the policy's Admin rules for its level.
 */
export function adminAction({ state, parsed: p, caller, request, now }: ScheduleAction): void {
  const policy = policyOf(state, p.target);
  const level = p.kind === 'assignment' ? 'Assignment' : 'Eligibility';
  const existing = existingDirect(state, p, p.action === 'adminRenew');
  if (p.action === 'adminRemove') {
    if (existing.length === 0) throw roleAssignmentDoesNotExist();
    removeSchedules(state, request, existing, now);
    request.scheduleInfo = null;
    return;
  }
  if (p.action === 'adminAssign' && existing.length > 0) throw roleAssignmentExists();
  if (p.action !== 'adminAssign' && existing.length === 0) throw roleAssignmentDoesNotExist();
  if (!p.scheduleInfo)
    throw invalidSchedule(
      `${p.action} needs 'scheduleInfo' with an expiration (noExpiration, afterDuration or afterDateTime).`,
    );
  // "Can't be assigned for a duration of less than five minutes" (Entra docs, PIM assignments).
  const start =
    p.scheduleInfo.startDateTime && p.scheduleInfo.startDateTime > now ? p.scheduleInfo.startDateTime : now;
  const end = endOf(p.scheduleInfo, start);
  if (end && end.diff(start) < MINIMUM_ACTIVE_DURATION) throw activeDurationTooShort();
  const failures: RuleFailure[] = [];
  checkExpiration(p.scheduleInfo, expirationRule(policy, `Expiration_Admin_${level}`), failures);
  checkEnablement(enabledRules(policy, `Enablement_Admin_${level}`), p, caller, failures);
  if (failures.length) throw policyValidationFailed(failures, state.settings);
  if (!request.isValidationOnly) state.schedules = state.schedules.filter((s) => !existing.includes(s));
  provision(state, request, 'Assigned', now);
}
