import { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import { parseUtcInstant } from '../../domain/schedule/utc-instant';
import type { JsonObject, NewWorkItem } from '../../ports/stores';

/**
 * The scheduler's durable work: one store work item per thing to send, keyed so that every
 * instance computing the same work computes the same key (scheduling is insert-if-absent).
 */
export const WorkKinds = {
  /** Expiry reminder before an activation ends. Key: reminder:<instanceId>:<endIso>. */
  expiryReminder: 'reminder',
  /** Watches an activation until it is gone, then sends the "ended" note. Key: ended:<instanceId>:<endIso>. */
  activationEnded: 'ended',
  /** A time-bound eligibility ends soon. Key: eligibility:<instanceId>:<endIso>:<daysBefore>. */
  eligibilityEnding: 'eligibility',
  /** A tracked request changed status outside Elevate. Key: request-status:<requestId>:<status>. */
  requestStatus: 'request-status',
  /**
   * Announce a pending request or an activation in subscribed conversations. Keys:
   * announce:<instanceId> (activation), announce:<requestId>:pending.
   */
  announce: 'announce',
  /** Redraw a subscribed conversation's board after PIM changed. Key: board:<conversationId>:<fingerprint>. */
  board: 'board',
  /**
   * An activation the reconciler saw, checked once for having been made outside Elevate (then
   * audited as activation.observed). Key: observed:<instanceId>.
   */
  activationObserved: 'observed',
  /** A Verify link expires: recorded as abandoned unless the step-up ended before. Key: stepup:<nonce>. */
  stepUpExpiry: 'stepup',
} as const;

export type WorkKind = (typeof WorkKinds)[keyof typeof WorkKinds];

/** An activation as the reconciler saw it in PIM. */
export interface ActivationFacts {
  kind: RoleKind;
  instanceId: string;
  principalId: string;
  roleId: string;
  directoryScopeId: string;
  startAt?: DateTime;
  endAt: DateTime;
  /** When the reconciler first saw it (a snapshot older than this cannot say it is gone). */
  observedAt: DateTime;
}

export interface EligibilityFacts {
  kind: RoleKind;
  instanceId: string;
  principalId: string;
  roleId: string;
  directoryScopeId: string;
  endAt: DateTime;
  /** How many days before the end this reminder is for (14, 1). */
  daysBefore: number;
}

export interface RequestStatusFacts {
  requestId: string;
  status: string;
  /** When the reconciler saw the new status. */
  at: DateTime;
}

/**
 * UTC ISO 8601 with milliseconds, as luxon's toUTC().toISO() writes it (Date's is the same, and
 * cheaper). The last text is kept: an activation's end is written three times in a row (its
 * payload and two keys), once per activation in a sweep of a million.
 */
let lastMillis = Number.NaN;
let lastText = '';
export const iso = (t: DateTime): string => {
  const millis = t.toMillis();
  if (millis !== lastMillis) {
    lastText = new Date(millis).toISOString();
    lastMillis = millis;
  }
  return lastText;
};

export const workKeys = {
  expiryReminder: (a: { instanceId: string; endAt: DateTime }) =>
    `${WorkKinds.expiryReminder}:${a.instanceId}:${iso(a.endAt)}`,
  activationEnded: (a: { instanceId: string; endAt: DateTime }) =>
    `${WorkKinds.activationEnded}:${a.instanceId}:${iso(a.endAt)}`,
  eligibilityEnding: (e: { instanceId: string; endAt: DateTime; daysBefore: number }) =>
    `${WorkKinds.eligibilityEnding}:${e.instanceId}:${iso(e.endAt)}:${e.daysBefore}`,
  requestStatus: (r: { requestId: string; status: string }) =>
    `${WorkKinds.requestStatus}:${r.requestId}:${r.status}`,
  announceActivation: (a: { instanceId: string }) => `${WorkKinds.announce}:${a.instanceId}`,
  activationObserved: (a: { instanceId: string }) => `${WorkKinds.activationObserved}:${a.instanceId}`,
  announcePending: (r: { requestId: string }) => `${WorkKinds.announce}:${r.requestId}:pending`,
};

/** Announce an activation the reconciler saw, once, in subscribed conversations. */
export function announceActivationWork(
  facts: ActivationFacts,
  dueAt: DateTime,
  payload: JsonObject = activationPayload(facts),
): NewWorkItem {
  return { key: workKeys.announceActivation(facts), kind: WorkKinds.announce, dueAt, payload };
}

/** Check, once per activation, whether Elevate made it (else it is audited as seen outside Elevate). */
export function observedActivationWork(
  facts: ActivationFacts,
  dueAt: DateTime,
  payload: JsonObject = activationPayload(facts),
): NewWorkItem {
  return { key: workKeys.activationObserved(facts), kind: WorkKinds.activationObserved, dueAt, payload };
}

/** Announce a pending request, once, in subscribed conversations. */
export function announcePendingWork(requestId: string, dueAt: DateTime): NewWorkItem {
  return {
    key: workKeys.announcePending({ requestId }),
    kind: WorkKinds.announce,
    dueAt,
    payload: { requestId },
  };
}

export function activationWork(
  kind: WorkKind,
  facts: ActivationFacts,
  dueAt: DateTime,
  payload: JsonObject = activationPayload(facts),
): NewWorkItem {
  const key =
    kind === WorkKinds.expiryReminder ? workKeys.expiryReminder(facts) : workKeys.activationEnded(facts);
  return { key, kind, dueAt, payload };
}

/**
 * What an activation's work items carry (one object can serve all of an activation's items).
 * `observedAtText` is `iso(facts.observedAt)` when the caller has it: a sweep's activations share it.
 */
export function activationPayload(
  facts: ActivationFacts,
  observedAtText: string = iso(facts.observedAt),
): JsonObject {
  return {
    kind: facts.kind,
    instanceId: facts.instanceId,
    principalId: facts.principalId,
    roleId: facts.roleId,
    directoryScopeId: facts.directoryScopeId,
    startAt: facts.startAt ? iso(facts.startAt) : null,
    endAt: iso(facts.endAt),
    observedAt: observedAtText,
  };
}

export function eligibilityWork(facts: EligibilityFacts, dueAt: DateTime): NewWorkItem {
  return {
    key: workKeys.eligibilityEnding(facts),
    kind: WorkKinds.eligibilityEnding,
    dueAt,
    payload: {
      kind: facts.kind,
      instanceId: facts.instanceId,
      principalId: facts.principalId,
      roleId: facts.roleId,
      directoryScopeId: facts.directoryScopeId,
      endAt: iso(facts.endAt),
      daysBefore: facts.daysBefore,
    },
  };
}

export function requestStatusWork(facts: RequestStatusFacts): NewWorkItem {
  return {
    key: workKeys.requestStatus(facts),
    kind: WorkKinds.requestStatus,
    dueAt: facts.at,
    payload: { requestId: facts.requestId, status: facts.status, at: iso(facts.at) },
  };
}

/** Thrown when a stored payload does not have the fields its kind needs. */
export class WorkPayloadError extends Error {
  constructor(key: string, problem: string) {
    super(`Work item ${key} has a bad payload: ${problem}`);
    this.name = 'WorkPayloadError';
  }
}

const ROLE_KINDS: readonly RoleKind[] = ['directoryRole', 'groupMember', 'groupOwner'];

function text(key: string, payload: JsonObject, field: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || value === '')
    throw new WorkPayloadError(key, `${field} must be a non-empty string`);
  return value;
}

function instant(key: string, payload: JsonObject, field: string): DateTime {
  const value = parseUtcInstant(text(key, payload, field));
  if (!value.isValid) throw new WorkPayloadError(key, `${field} must be an ISO 8601 instant`);
  return value;
}

function roleKind(key: string, payload: JsonObject): RoleKind {
  const value = payload.kind;
  if (!ROLE_KINDS.includes(value as RoleKind))
    throw new WorkPayloadError(key, `kind must be one of ${ROLE_KINDS.join(', ')}`);
  return value as RoleKind;
}

export function readActivationFacts(key: string, payload: JsonObject): ActivationFacts {
  return {
    kind: roleKind(key, payload),
    instanceId: text(key, payload, 'instanceId'),
    principalId: text(key, payload, 'principalId'),
    roleId: text(key, payload, 'roleId'),
    directoryScopeId: text(key, payload, 'directoryScopeId'),
    startAt: payload.startAt ? instant(key, payload, 'startAt') : undefined,
    endAt: instant(key, payload, 'endAt'),
    observedAt: instant(key, payload, 'observedAt'),
  };
}

export function readEligibilityFacts(key: string, payload: JsonObject): EligibilityFacts {
  const days = payload.daysBefore;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0)
    throw new WorkPayloadError(key, 'daysBefore must be a whole number of days');
  return {
    kind: roleKind(key, payload),
    instanceId: text(key, payload, 'instanceId'),
    principalId: text(key, payload, 'principalId'),
    roleId: text(key, payload, 'roleId'),
    directoryScopeId: text(key, payload, 'directoryScopeId'),
    endAt: instant(key, payload, 'endAt'),
    daysBefore: days,
  };
}

export function readRequestStatusFacts(key: string, payload: JsonObject): RequestStatusFacts {
  return {
    requestId: text(key, payload, 'requestId'),
    status: text(key, payload, 'status'),
    at: instant(key, payload, 'at'),
  };
}

/** Redraw one conversation's board for one state of the tenant's activations. */
export function boardWork(conversationId: string, fingerprint: string, dueAt: DateTime): NewWorkItem {
  return {
    key: `${WorkKinds.board}:${conversationId}:${fingerprint}`,
    kind: WorkKinds.board,
    dueAt,
    payload: { conversationId },
  };
}
