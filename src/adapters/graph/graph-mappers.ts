import { DateTime, Duration } from 'luxon';
import { utcFromMillis } from '../../domain/schedule/utc-instant';
import type { ActiveRole, RoleKind } from '../../domain/roles';
import type { ActiveAssignment, Approval, EligibilityInstance, PimRequest } from '../../ports/pim-gateway';
import { RequestStatuses, statusIs } from '../../domain/activation/request-status';

/** A schedule request as Graph returns it (directory role or PIM for Groups; REFERENCE §14). */
export interface RawScheduleRequest {
  id: string;
  status: string;
  action: string;
  principalId: string;
  roleDefinitionId?: string | null;
  groupId?: string | null;
  accessId?: string | null;
  directoryScopeId?: string | null;
  justification?: string | null;
  isValidationOnly?: boolean | null;
  approvalId?: string | null;
  createdDateTime: string;
  completedDateTime?: string | null;
  createdBy?: { user?: { id?: string | null } | null } | null;
  scheduleInfo?: {
    startDateTime?: string | null;
    expiration?: { type?: string | null; endDateTime?: string | null; duration?: string | null } | null;
  } | null;
  ticketInfo?: { ticketNumber?: string | null; ticketSystem?: string | null } | null;
}

export interface RawInstance {
  id: string;
  principalId: string;
  roleDefinitionId?: string | null;
  groupId?: string | null;
  accessId?: string | null;
  directoryScopeId?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
  assignmentType?: string | null;
  memberType?: string | null;
  roleEligibilityScheduleId?: string | null;
  eligibilityScheduleId?: string | null;
}

const ACTIONS = [
  'adminAssign',
  'adminUpdate',
  'adminRemove',
  'selfActivate',
  'selfDeactivate',
  'adminExtend',
  'adminRenew',
  'selfExtend',
  'selfRenew',
];

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;

export function parseInstant(value: string | null | undefined): DateTime | undefined {
  if (!value) return undefined;
  // Graph writes UTC with a Z: Date.parse reads that exactly and far faster than luxon's ISO parser
  // (the reconciler parses two per activated instance); anything else takes luxon's strict path.
  if (UTC_INSTANT.test(value)) {
    const millis = Date.parse(value);
    // Date.parse rolls 30 February over into March; luxon refuses it: only a round trip is taken.
    if (Number.isFinite(millis) && new Date(millis).toISOString().startsWith(value.slice(0, 19)))
      return utcFromMillis(millis);
  }
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed : undefined;
}

export function kindOfAccess(accessId: string | null | undefined): RoleKind {
  return (accessId ?? '').toLowerCase() === 'owner' ? 'groupOwner' : 'groupMember';
}

/** Graph echoes `action` in the casing that was sent; normalise to camelCase. */
export function normaliseAction(action: string): string {
  return ACTIONS.find((known) => known.toLowerCase() === action.toLowerCase()) ?? action;
}

/** roleId and directoryScopeId of a raw request or instance: a group's id and '/' for PIM for Groups. */
function roleAndScope(
  raw: Pick<RawInstance, 'roleDefinitionId' | 'groupId' | 'directoryScopeId'>,
  kind: RoleKind,
): { roleId: string; directoryScopeId: string } {
  return {
    roleId: kind === 'directoryRole' ? (raw.roleDefinitionId ?? '') : (raw.groupId ?? ''),
    directoryScopeId: kind === 'directoryRole' ? (raw.directoryScopeId ?? '/') : '/',
  };
}

/** PIM's approval window (24 h, not configurable for Entra roles; REFERENCE §5.3). */
const APPROVAL_WINDOW = Duration.fromObject({ hours: 24 });

/**
 * The request status in Elevate's vocabulary. An approval left undecided ends as `Canceled` with no
 * documented status of its own (see src/simulator/README.md, "Approvals"); a `Canceled` request that
 * needed approval and completed a full approval window after its creation expired, so it reads
 * `TimedOut` (domain/activation/request-status.ts: timedOut), not "cancelled by someone".
 */
function statusOf(raw: RawScheduleRequest): string {
  if (!statusIs(raw.status, RequestStatuses.Canceled) || !raw.approvalId) return raw.status;
  const created = parseInstant(raw.createdDateTime);
  const completed = parseInstant(raw.completedDateTime);
  return created && completed && completed >= created.plus(APPROVAL_WINDOW)
    ? RequestStatuses.TimedOut
    : raw.status;
}

export function toPimRequest(raw: RawScheduleRequest, kind: RoleKind): PimRequest {
  const expiration = raw.scheduleInfo?.expiration;
  const duration = expiration?.duration ? Duration.fromISO(expiration.duration) : undefined;
  const ticket = raw.ticketInfo
    ? { number: raw.ticketInfo.ticketNumber ?? undefined, system: raw.ticketInfo.ticketSystem ?? undefined }
    : undefined;
  return {
    id: raw.id,
    kind,
    action: normaliseAction(raw.action),
    status: statusOf(raw),
    principalId: raw.principalId,
    ...roleAndScope(raw, kind),
    approvalId: raw.approvalId ?? undefined,
    justification: raw.justification ?? undefined,
    ticket: ticket && (ticket.number || ticket.system) ? ticket : undefined,
    createdAt: parseInstant(raw.createdDateTime) ?? DateTime.invalid('missing createdDateTime'),
    completedAt: parseInstant(raw.completedDateTime),
    startAt: parseInstant(raw.scheduleInfo?.startDateTime),
    duration: duration?.isValid ? duration : undefined,
    endAt: parseInstant(expiration?.endDateTime),
    createdByUserId: raw.createdBy?.user?.id ?? undefined,
    validationOnly: raw.isValidationOnly === true,
  };
}

export function toActiveAssignment(raw: RawInstance, kind: RoleKind): ActiveAssignment {
  return {
    kind,
    instanceId: raw.id,
    principalId: raw.principalId,
    ...roleAndScope(raw, kind),
    assignmentType: (raw.assignmentType ?? '').toLowerCase() === 'activated' ? 'Activated' : 'Assigned',
    memberType: raw.memberType ?? undefined,
    startDateTime: parseInstant(raw.startDateTime),
    endDateTime: parseInstant(raw.endDateTime),
  };
}

/** An active assignment as the part of an ActiveRole that needs no names. */
export function toActiveRoleBase(item: ActiveAssignment): Omit<ActiveRole, 'roleName' | 'scopeName'> {
  return {
    kind: item.kind,
    roleId: item.roleId,
    directoryScopeId: item.directoryScopeId,
    assignmentType: item.assignmentType,
    startDateTime: item.startDateTime,
    endDateTime: item.endDateTime,
    instanceId: item.instanceId,
  };
}

export function toEligibilityInstance(raw: RawInstance, kind: RoleKind): EligibilityInstance {
  return {
    kind,
    instanceId: raw.id,
    principalId: raw.principalId,
    ...roleAndScope(raw, kind),
    startDateTime: parseInstant(raw.startDateTime),
    endDateTime: parseInstant(raw.endDateTime),
    memberType: raw.memberType ?? undefined,
  };
}

/** v1.0 group approvals carry `stages`, beta ones `steps` (REFERENCE §6.1). */
export interface RawApproval {
  id: string;
  steps?: RawApprovalStep[] | null;
  stages?: RawApprovalStep[] | null;
}

export interface RawApprovalStep {
  id: string;
  status?: string | null;
  reviewResult?: string | null;
  assignedToMe?: boolean | null;
  justification?: string | null;
  reviewedDateTime?: string | null;
  reviewedBy?: unknown;
}

export function toApproval(raw: RawApproval, kind: RoleKind): Approval {
  return {
    id: raw.id,
    kind,
    steps: (raw.steps ?? raw.stages ?? []).map((step) => {
      const reviewer = firstReviewer(step.reviewedBy);
      return {
        id: step.id,
        status: step.status ?? 'InProgress',
        reviewResult: step.reviewResult ?? 'NotReviewed',
        assignedToMe: step.assignedToMe === true,
        justification: step.justification || undefined,
        reviewedByUserId: reviewer?.id,
        reviewedByName: reviewer?.displayName,
        reviewedAt: parseInstant(step.reviewedDateTime),
      };
    }),
  };
}

/** `reviewedBy` is `userIdentity[]` in the beta docs and `identity` in the metadata. */
function firstReviewer(value: unknown): { id?: string; displayName?: string } | undefined {
  const candidate = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const record = candidate as { id?: unknown; displayName?: unknown; user?: unknown };
  const source =
    typeof record.user === 'object' && record.user !== null
      ? (record.user as { id?: unknown; displayName?: unknown })
      : record;
  return {
    id: typeof source.id === 'string' ? source.id : undefined,
    displayName: typeof source.displayName === 'string' ? source.displayName : undefined,
  };
}
