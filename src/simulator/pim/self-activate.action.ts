import { randomUUID } from 'node:crypto';
import { Duration } from 'luxon';
import { badRequest } from '../graph/graph-error';
import type { ParsedRequest } from './parsed-request';
import {
  acrsValidationFailed,
  pendingRequestExists,
  policyValidationFailed,
  roleAssignmentExists,
  RULE_TEXT,
  type RuleFailure,
} from './pim-errors';
import type { RequestCollection } from './pim-types';
import { checkEnablement, checkExpiration, policyOf } from './policy-checks';
import { approvalSetting, authenticationContext, enabledRules, expirationRule } from './policy-rules';
import { newSchedule, provision, scheduleIdFor } from './request-records';
import type { ScheduleAction } from './schedule-action';
import { invalidSchedule } from './schedule-input';
import { sameTarget, type TenantState } from './tenant-state';

/** Approval window, not configurable for Entra roles (REFERENCE §5.3). */
export const APPROVAL_WINDOW = Duration.fromObject({ hours: 24 });

const PENDING = [
  'PendingApproval',
  'Granted',
  'PendingAdminDecision',
  'PendingProvisioning',
  'PendingScheduleCreation',
  'ScheduleCreated',
];

function hasPendingRequest(state: TenantState, p: ParsedRequest, collection: RequestCollection): boolean {
  return [...state.requests.values()].some(
    (r) =>
      r.collection === collection &&
      r.principalId === p.principalId &&
      sameTarget(r.target, p.target) &&
      PENDING.includes(r.status) &&
      r.action !== 'selfDeactivate',
  );
}

/**
 * selfActivate (REFERENCE §12.2): eligibility, no active assignment or recent deactivation, no
 * pending request, the policy's rules and authentication context; then PendingApproval or provisioned.
 */
export function selfActivate({ state, collection, parsed: p, caller, request, now }: ScheduleAction): void {
  if (p.kind !== 'assignment')
    throw badRequest(
      'BadRequest',
      'selfActivate is an activation: POST it to roleAssignmentScheduleRequests (or PIM for Groups assignmentScheduleRequests), not to the eligibility collection.',
    );
  if (!p.scheduleInfo)
    throw invalidSchedule(
      "selfActivate needs 'scheduleInfo' with an expiration (afterDuration or afterDateTime).",
    );
  const eligibility = state.schedulesFor('eligibility', p.principalId, p.target, true)[0];
  if (!eligibility)
    throw policyValidationFailed([{ rule: 'EligibilityRule', text: RULE_TEXT.eligibility }], state.settings);
  if (state.schedulesFor('assignment', p.principalId, p.target, true).length > 0)
    throw roleAssignmentExists();
  const lagMs = state.settings.reactivationLagSeconds * 1000;
  const recent = state.deactivations.some(
    (d) =>
      d.principalId === p.principalId && sameTarget(d.target, p.target) && now.diff(d.at).toMillis() < lagMs,
  );
  if (recent) throw roleAssignmentExists();
  if (hasPendingRequest(state, p, collection)) throw pendingRequestExists();
  const policy = policyOf(state, p.target);
  const failures: RuleFailure[] = [];
  checkExpiration(p.scheduleInfo, expirationRule(policy, 'Expiration_EndUser_Assignment'), failures);
  checkEnablement(enabledRules(policy, 'Enablement_EndUser_Assignment'), p, caller, failures);
  if (failures.length) throw policyValidationFailed(failures, state.settings);
  const claim = authenticationContext(policy);
  // PIM keeps refusing an auth-context activation from a client that did not declare cp1, even with
  // the acrs claim (microsoftgraph/msgraph-sdk-powershell#2800; Graph sends claims challenges only to
  // clients that declare capabilities, Entra docs "Claims challenges… and client capabilities").
  const capable = caller.clientCapabilities.some((c) => c.toLowerCase() === 'cp1');
  if (claim && (!capable || !caller.acrs.includes(claim))) throw acrsValidationFailed(claim, state.settings);

  request.activatedUsing = eligibility.id;
  const approval = approvalSetting(policy);
  if (approval.required) {
    request.status = 'PendingApproval';
    request.approval = {
      id: request.id,
      approverIds: state.resolveApprovers(approval.approvers).filter((id) => id !== p.principalId),
      isApproverJustificationRequired: approval.isApproverJustificationRequired,
      step: {
        id: randomUUID(),
        status: 'InProgress',
        reviewResult: 'NotReviewed',
        justification: '',
        reviewedBy: null,
        reviewedDateTime: null,
      },
      expiresAt: now.plus(APPROVAL_WINDOW),
    };
    request.targetScheduleId = scheduleIdFor(request);
    request.pendingSchedule = newSchedule(
      request,
      'assignment',
      'Activated',
      p.scheduleInfo.startDateTime ?? now,
      now,
    );
    return;
  }
  provision(state, request, 'Activated', now);
}
