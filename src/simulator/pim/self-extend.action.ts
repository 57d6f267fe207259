import { policyValidationFailed, roleAssignmentDoesNotExist, RULE_TEXT } from './pim-errors';
import { existingDirect, type ScheduleAction } from './schedule-action';

/** selfExtend / selfRenew: a justified request for an administrator to decide (PendingAdminDecision). */
export function selfExtendOrRenew({ state, parsed: p, request }: ScheduleAction): void {
  const existing = existingDirect(state, p, p.action === 'selfRenew');
  if (existing.length === 0) throw roleAssignmentDoesNotExist();
  if (!p.justification?.trim())
    throw policyValidationFailed(
      [{ rule: 'JustificationRule', text: RULE_TEXT.justification }],
      state.settings,
    );
  request.status = 'PendingAdminDecision';
}
