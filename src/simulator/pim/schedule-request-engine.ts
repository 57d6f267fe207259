import { randomUUID } from 'node:crypto';
import { Duration, type DateTime } from 'luxon';
import { badRequest } from '../graph/graph-error';
import type { CallerIdentity } from '../identity/types';
import { approvalSetting, authenticationContext, enabledRules, expirationRule } from './policy-rules';
import {
  accessDenied,
  acrsValidationFailed,
  activeDurationTooShort,
  pendingRequestExists,
  policyValidationFailed,
  roleAssignmentDoesNotExist,
  roleAssignmentExists,
  RULE_TEXT,
  type RuleFailure,
} from './pim-errors';
import type { Policy, RequestCollection, Schedule, ScheduleRequest, Target } from './pim-types';
import {
  canonicalAction,
  endOf,
  invalidSchedule,
  lengthOf,
  parseScheduleInfo,
  type Action,
  type ScheduleInfo,
} from './schedule-input';
import {
  GLOBAL_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  sameTarget,
  type TenantState,
} from './tenant-state';

/** Deactivation or removal of an activation younger than this is refused (REFERENCE §9). */
export const MINIMUM_ACTIVE_DURATION = Duration.fromObject({ minutes: 5 });
/** Approval window, not configurable for Entra roles (REFERENCE §5.3). */
export const APPROVAL_WINDOW = Duration.fromObject({ hours: 24 });

const SELF_ACTIONS: Action[] = ['selfActivate', 'selfDeactivate', 'selfExtend', 'selfRenew'];
const PENDING = [
  'PendingApproval',
  'Granted',
  'PendingAdminDecision',
  'PendingProvisioning',
  'PendingScheduleCreation',
];

interface Parsed {
  action: Action;
  actionAsSent: string;
  kind: Schedule['kind'];
  target: Target;
  principalId: string;
  justification: string | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  scheduleInfo: ScheduleInfo | null;
  isValidationOnly: boolean;
}

const kindOf = (c: RequestCollection): Schedule['kind'] =>
  c === 'roleAssignment' || c === 'groupAssignment' ? 'assignment' : 'eligibility';
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function parse(
  state: TenantState,
  collection: RequestCollection,
  body: Record<string, unknown>,
  now: DateTime,
): Parsed {
  const action = canonicalAction(body.action);
  const principalId = str(body.principalId) ?? '';
  let target: Target;
  if (collection === 'groupAssignment' || collection === 'groupEligibility') {
    const groupId = str(body.groupId) ?? '';
    const group = state.group(groupId);
    if (!group) throw badRequest('BadRequest', `Group '${groupId}' does not exist in the tenant.`);
    if (!group.pimForGroups)
      throw badRequest(
        'BadRequest',
        `Group '${group.displayName}' (${groupId}) is not managed by PIM for Groups.`,
      );
    const accessId = (str(body.accessId) ?? '').toLowerCase();
    if (accessId !== 'member' && accessId !== 'owner')
      throw badRequest(
        'BadRequest',
        `Invalid value '${String(body.accessId)}' for property 'accessId'. Allowed: member, owner.`,
      );
    target = { type: 'group', groupId: group.id, accessId };
  } else {
    const roleDefinitionId = str(body.roleDefinitionId) ?? '';
    if (!state.roleDefinitions.some((r) => r.id.toLowerCase() === roleDefinitionId.toLowerCase())) {
      throw badRequest(
        'RoleDefinitionDoesNotExist',
        `The role definition '${roleDefinitionId}' does not exist in the tenant.`,
      );
    }
    const directoryScopeId = str(body.directoryScopeId);
    const appScopeId = str(body.appScopeId);
    if (directoryScopeId !== null) validateScope(state, directoryScopeId);
    target = { type: 'role', roleDefinitionId, directoryScopeId, appScopeId };
  }
  if (!state.user(principalId) && !state.group(principalId)) {
    throw badRequest(
      'BadRequest',
      `Principal '${principalId}' does not exist in the tenant: principalId must be the object id of a user or group.`,
    );
  }
  const ticket = (body.ticketInfo ?? {}) as Record<string, unknown>;
  return {
    action,
    actionAsSent: String(body.action),
    kind: kindOf(collection),
    target,
    principalId: state.user(principalId)?.id ?? principalId,
    justification: str(body.justification),
    ticketInfo: { ticketNumber: str(ticket.ticketNumber), ticketSystem: str(ticket.ticketSystem) },
    scheduleInfo: parseScheduleInfo(body.scheduleInfo, now),
    isValidationOnly: body.isValidationOnly === true,
  };
}

function validateScope(state: TenantState, scope: string): void {
  if (scope === '/') return;
  const au = /^\/administrativeUnits\/([0-9a-f-]{36})$/i.exec(scope);
  if (au && state.seed.administrativeUnits.some((a) => a.id.toLowerCase() === au[1].toLowerCase())) return;
  const object = /^\/([0-9a-f-]{36})$/i.exec(scope);
  if (object && (state.user(object[1]) || state.group(object[1]))) return;
  throw badRequest(
    'InvalidScope',
    `The directoryScopeId '${scope}' is not valid: use '/', '/administrativeUnits/{id}' of an existing administrative unit, or '/{objectId}'. When activating, pass the eligibility's directoryScopeId unchanged.`,
  );
}

function assertCallerMayAct(state: TenantState, p: Parsed, caller: CallerIdentity): void {
  if (SELF_ACTIONS.includes(p.action)) {
    if (caller.kind !== 'delegated')
      throw accessDenied(
        `${p.action} acts for the signed-in user and is not supported with an application-only token; use a delegated token.`,
      );
    if (caller.oid?.toLowerCase() !== p.principalId.toLowerCase()) {
      throw accessDenied(
        `${p.action} can only be requested for yourself: principalId must be the signed-in user's object id (${caller.oid}).`,
      );
    }
    return;
  }
  if (caller.kind === 'app') return; // application permissions were checked by the router
  const oid = caller.oid ?? '';
  const isAdmin =
    state.holdsRole(oid, PRIVILEGED_ROLE_ADMINISTRATOR) || state.holdsRole(oid, GLOBAL_ADMINISTRATOR);
  const ownsGroup =
    p.target.type === 'group' &&
    state.schedulesFor(
      'assignment',
      oid,
      { type: 'group', groupId: p.target.groupId, accessId: 'owner' },
      true,
    ).length > 0;
  if (!isAdmin && !ownsGroup) {
    throw accessDenied(
      `${p.action} needs the Privileged Role Administrator or Global Administrator role (or group ownership for PIM for Groups); the signed-in user has neither active.`,
    );
  }
}

/** The request record every path produces; status and schedules are filled by the action handlers. */
function newRequest(
  collection: RequestCollection,
  p: Parsed,
  caller: CallerIdentity,
  now: DateTime,
): ScheduleRequest {
  return {
    id: randomUUID(),
    collection,
    action: p.action,
    actionAsSent: p.actionAsSent,
    target: p.target,
    principalId: p.principalId,
    status: 'PendingProvisioning',
    createdDateTime: now,
    completedDateTime: null,
    createdBy: caller.oid ?? null,
    createdByApp: caller.kind === 'app' ? caller.appId : null,
    justification: p.justification,
    ticketInfo: p.ticketInfo,
    scheduleInfo: p.scheduleInfo,
    isValidationOnly: p.isValidationOnly,
    targetScheduleId: null,
    approval: null,
    pendingSchedule: null,
    activatedUsing: null,
  };
}

function scheduleIdFor(request: ScheduleRequest): string {
  return request.target.type === 'group'
    ? `${request.target.groupId}_${request.target.accessId}_${request.id}`
    : request.id;
}

function newSchedule(
  request: ScheduleRequest,
  kind: Schedule['kind'],
  assignmentType: Schedule['assignmentType'],
  start: DateTime,
  now: DateTime,
): Schedule {
  const info = request.scheduleInfo;
  return {
    id: scheduleIdFor(request),
    kind,
    target: request.target,
    principalId: request.principalId,
    assignmentType,
    memberType: 'Direct',
    start,
    end: info ? endOf(info, start) : null,
    expirationType:
      info?.expiration.type === 'afterDuration' || info?.expiration.type === 'afterDateTime'
        ? info.expiration.type
        : 'noExpiration',
    duration: info?.expiration.duration ?? null,
    createdUsing: request.id,
    createdDateTime: now,
    modifiedDateTime: now,
    activatedUsing: request.activatedUsing,
  };
}

function checkExpiration(
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

function checkEnablement(rules: string[], p: Parsed, caller: CallerIdentity, failures: RuleFailure[]): void {
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

function hasPendingRequest(state: TenantState, p: Parsed, collection: RequestCollection): boolean {
  return [...state.requests.values()].some(
    (r) =>
      r.collection === collection &&
      r.principalId === p.principalId &&
      sameTarget(r.target, p.target) &&
      PENDING.includes(r.status) &&
      r.action !== 'selfDeactivate',
  );
}

function policyOf(state: TenantState, target: Target): Policy {
  const policy = state.policyFor(target);
  if (!policy) throw badRequest('BadRequest', 'No role management policy applies to this role or group.');
  return policy;
}

function selfActivate(
  state: TenantState,
  collection: RequestCollection,
  p: Parsed,
  caller: CallerIdentity,
  request: ScheduleRequest,
  now: DateTime,
): void {
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
  if (claim && !caller.acrs.includes(claim)) throw acrsValidationFailed(claim, state.settings);

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

/** Creates the schedule of a granted request: Provisioned now, or Granted until a future start. */
export function provision(
  state: TenantState,
  request: ScheduleRequest,
  assignmentType: Schedule['assignmentType'],
  now: DateTime,
): Schedule {
  const requestedStart = request.scheduleInfo?.startDateTime ?? now;
  const start = requestedStart > now ? requestedStart : now;
  if (request.scheduleInfo) request.scheduleInfo.startDateTime = start;
  const schedule = newSchedule(request, kindOf(request.collection), assignmentType, start, now);
  request.targetScheduleId = schedule.id;
  request.status = start > now ? 'Granted' : 'Provisioned';
  request.completedDateTime = start;
  if (!request.isValidationOnly) state.schedules.push(schedule);
  return schedule;
}

function existingDirect(state: TenantState, p: Parsed, includeExpired: boolean): Schedule[] {
  const now = state.clock.now();
  return state.schedules.filter(
    (s) =>
      s.kind === p.kind &&
      s.principalId === p.principalId &&
      sameTarget(s.target, p.target) &&
      (includeExpired || s.end === null || s.end > now),
  );
}

function removeSchedules(
  state: TenantState,
  request: ScheduleRequest,
  schedules: Schedule[],
  now: DateTime,
): void {
  for (const s of schedules) {
    if (s.assignmentType === 'Activated' && s.start <= now && now.diff(s.start) < MINIMUM_ACTIVE_DURATION)
      throw activeDurationTooShort();
  }
  if (!request.isValidationOnly) state.schedules = state.schedules.filter((s) => !schedules.includes(s));
  request.status = 'Revoked';
}

function adminAction(
  state: TenantState,
  p: Parsed,
  caller: CallerIdentity,
  request: ScheduleRequest,
  now: DateTime,
): void {
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
  const failures: RuleFailure[] = [];
  checkExpiration(p.scheduleInfo, expirationRule(policy, `Expiration_Admin_${level}`), failures);
  checkEnablement(enabledRules(policy, `Enablement_Admin_${level}`), p, caller, failures);
  if (failures.length) throw policyValidationFailed(failures, state.settings);
  if (!request.isValidationOnly) state.schedules = state.schedules.filter((s) => !existing.includes(s));
  provision(state, request, 'Assigned', now);
}

function selfDeactivate(state: TenantState, p: Parsed, request: ScheduleRequest, now: DateTime): void {
  if (p.kind !== 'assignment')
    throw badRequest(
      'BadRequest',
      'selfDeactivate ends an activation: POST it to roleAssignmentScheduleRequests (or PIM for Groups assignmentScheduleRequests).',
    );
  const active = state
    .activeSchedules('assignment')
    .filter(
      (s) =>
        s.principalId === p.principalId && sameTarget(s.target, p.target) && s.assignmentType === 'Activated',
    );
  if (active.length === 0) throw roleAssignmentDoesNotExist();
  removeSchedules(state, request, active, now);
  request.completedDateTime = now;
  if (!request.isValidationOnly)
    state.deactivations.push({ principalId: p.principalId, target: p.target, at: now });
}

function selfExtendOrRenew(state: TenantState, p: Parsed, request: ScheduleRequest): void {
  const existing = existingDirect(state, p, p.action === 'selfRenew');
  if (existing.length === 0) throw roleAssignmentDoesNotExist();
  if (!p.justification?.trim())
    throw policyValidationFailed(
      [{ rule: 'JustificationRule', text: RULE_TEXT.justification }],
      state.settings,
    );
  request.status = 'PendingAdminDecision';
}

/**
 * Handles a POST to a schedule-request collection (REFERENCE §12.2–12.4): checks the caller,
 * eligibility, duplicates and the role's policy, then records the request (unless isValidationOnly)
 * and returns it. Every refusal is thrown as a GraphError with the service's code and message.
 */
export function submitScheduleRequest(
  state: TenantState,
  collection: RequestCollection,
  body: Record<string, unknown>,
  caller: CallerIdentity,
): ScheduleRequest {
  state.tick();
  const now = state.clock.now();
  const p = parse(state, collection, body, now);
  assertCallerMayAct(state, p, caller);
  const request = newRequest(collection, p, caller, now);
  switch (p.action) {
    case 'selfActivate':
      selfActivate(state, collection, p, caller, request, now);
      break;
    case 'selfDeactivate':
      selfDeactivate(state, p, request, now);
      break;
    case 'selfExtend':
    case 'selfRenew':
      selfExtendOrRenew(state, p, request);
      break;
    default:
      adminAction(state, p, caller, request, now);
  }
  if (!request.isValidationOnly) state.requests.set(request.id, request);
  return request;
}
