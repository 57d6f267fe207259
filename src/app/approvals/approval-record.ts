import { DateTime, Duration } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { JsonObject, TrackedRequest } from '../../ports/stores';
import type { NamedPerson } from '../activation/activation-outcome';
import type { ApprovalState } from './approval-state';
import { approvalStateOf } from './approval-state';

/** PIM drops a request nobody decided after 24 hours (REFERENCE §5.3). */
export const APPROVAL_WINDOW = Duration.fromObject({ hours: 24 });

/** How an approval was closed, kept with the tracked request so every copy can show it. */
export interface ApprovalDecisionRecord {
  state: Exclude<ApprovalState, 'pending'>;
  byName?: string;
  byId?: string;
  reason?: string;
  /** ISO instant. */
  at: string;
}

/** A decision being sent to PIM by one approver (short lease, so two never send at once). */
export interface ApprovalClaim {
  userId: string;
  /** ISO instant after which the claim no longer counts. */
  until: string;
}

/**
 * What Elevate keeps about an approval, under `data.approval` of the tracked request (the other
 * keys of `data` belong to the activation and are kept as they are).
 */
export interface ApprovalRecord {
  approvers: NamedPerson[];
  reasonRequired: boolean;
  /** ISO 8601 duration requested. */
  duration: string;
  /** ISO instant the request was made. */
  requestedAt: string;
  decision?: ApprovalDecisionRecord;
  claim?: ApprovalClaim;
}

/** Everything a card about one approval shows, in one value. */
export interface ApprovalView {
  requestId: string;
  kind: RoleKind;
  requester: NamedPerson;
  /** roleDefinitionId, or the groupId for PIM for Groups. */
  roleId: string;
  directoryScopeId: string;
  roleName: string;
  scopeName: string;
  duration: Duration;
  /** Requested future start; absent for "as soon as approved". */
  startAt?: DateTime;
  justification?: string;
  ticket?: string;
  requestedAt: DateTime;
  expiresAt: DateTime;
  reasonRequired: boolean;
  approvers: NamedPerson[];
  state: ApprovalState;
  decision?: { byName?: string; byId?: string; reason?: string; at: DateTime };
  /** When the access ends, once approved. */
  activeUntil?: DateTime;
}

export function readApprovalRecord(tracked: TrackedRequest): ApprovalRecord | undefined {
  const raw = tracked.data.approval;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Partial<ApprovalRecord>;
  if (!Array.isArray(record.approvers) || typeof record.duration !== 'string') return undefined;
  return {
    approvers: record.approvers.filter(
      (a): a is NamedPerson => typeof a?.id === 'string' && typeof a?.displayName === 'string',
    ),
    reasonRequired: record.reasonRequired !== false,
    duration: record.duration,
    requestedAt: typeof record.requestedAt === 'string' ? record.requestedAt : tracked.createdAt.toISO()!,
    decision: record.decision,
    claim: record.claim,
  };
}

/** `data` with the approval record replaced (every other key kept). */
export function withApprovalRecord(data: JsonObject, record: ApprovalRecord): JsonObject {
  const clean: Record<string, unknown> = { ...record };
  for (const key of Object.keys(clean)) if (clean[key] === undefined) delete clean[key];
  return { ...data, approval: JSON.parse(JSON.stringify(clean)) as JsonObject };
}

function text(data: JsonObject, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function instant(value: string | undefined): DateTime | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed : undefined;
}

/** The view of a tracked request that carries an approval record. */
export function approvalView(tracked: TrackedRequest, record: ApprovalRecord): ApprovalView {
  const requestedAt = instant(record.requestedAt) ?? tracked.createdAt;
  const duration = Duration.fromISO(record.duration);
  // PIM echoes "now" as the start of an immediate request; only a later start was asked for.
  const echoedStart = instant(text(tracked.data, 'startAt'));
  const startAt = echoedStart && echoedStart.diff(requestedAt).as('minutes') > 1 ? echoedStart : undefined;
  const decision = record.decision;
  const state: ApprovalState = decision?.state ?? approvalStateOf(tracked.status) ?? 'pending';
  const decidedAt = decision ? (instant(decision.at) ?? tracked.updatedAt) : undefined;
  const view: ApprovalView = {
    requestId: tracked.id,
    kind: tracked.kind,
    requester: { id: tracked.principalId, displayName: text(tracked.data, 'requesterName') ?? 'Someone' },
    roleId: tracked.roleId,
    directoryScopeId: tracked.directoryScopeId,
    roleName: tracked.roleName,
    scopeName:
      text(tracked.data, 'scopeName') ??
      (tracked.directoryScopeId === '/' ? 'Whole directory' : tracked.directoryScopeId),
    duration: duration.isValid ? duration : Duration.fromObject({ hours: 1 }),
    startAt,
    justification: text(tracked.data, 'justification'),
    ticket: text(tracked.data, 'ticket'),
    requestedAt,
    expiresAt: requestedAt.plus(APPROVAL_WINDOW),
    reasonRequired: record.reasonRequired,
    approvers: record.approvers,
    state,
    decision:
      decision && decidedAt
        ? { byName: decision.byName, byId: decision.byId, reason: decision.reason, at: decidedAt }
        : undefined,
  };
  if (state === 'approved' && decidedAt) {
    const start = startAt && startAt > decidedAt ? startAt : decidedAt;
    view.activeUntil = start.plus(view.duration);
  }
  return view;
}
