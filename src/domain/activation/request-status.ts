import type { PimRequestStatus } from '../roles';

/**
 * The one request-status vocabulary: PIM's schedule request statuses as Graph spells them
 * (REFERENCE §2.4, plus ARM's TimedOut for the 24-hour approval expiry), what each means for the
 * user, and the sets the flows ask about. Everything that classifies a status uses this module.
 */
export const RequestStatuses = {
  PendingApproval: 'PendingApproval',
  PendingAdminDecision: 'PendingAdminDecision',
  Granted: 'Granted',
  PendingScheduleCreation: 'PendingScheduleCreation',
  ScheduleCreated: 'ScheduleCreated',
  PendingProvisioning: 'PendingProvisioning',
  Provisioned: 'Provisioned',
  Revoked: 'Revoked',
  Denied: 'Denied',
  Canceled: 'Canceled',
  Failed: 'Failed',
  TimedOut: 'TimedOut',
  /** Not PIM's: Elevate's mark for a tracked request PIM no longer has (HTTP 404), never read again. */
  Gone: 'Gone',
} as const satisfies Record<string, PimRequestStatus>;

export type KnownRequestStatus = (typeof RequestStatuses)[keyof typeof RequestStatuses];

/** What a PIM request status means for the user, in a few buckets. */
export type RequestPhase =
  | 'active' // Provisioned: the assignment exists now
  | 'scheduled' // Granted: accepted, starts at its start time
  | 'awaitingApproval' // PendingApproval / PendingAdminDecision
  | 'inProgress' // transient service states, and any status we do not know: re-poll
  | 'revoked'
  | 'denied'
  | 'canceled'
  | 'failed'
  | 'timedOut';

const PHASES: Record<string, RequestPhase> = {
  provisioned: 'active',
  granted: 'scheduled',
  pendingapproval: 'awaitingApproval',
  pendingadmindecision: 'awaitingApproval',
  pendingprovisioning: 'inProgress',
  pendingschedulecreation: 'inProgress',
  schedulecreated: 'inProgress',
  revoked: 'revoked',
  denied: 'denied',
  admindenied: 'denied',
  canceled: 'canceled',
  cancelled: 'canceled',
  failed: 'failed',
  invalid: 'failed',
  timedout: 'timedOut',
  gone: 'canceled',
};

const TERMINAL: ReadonlySet<RequestPhase> = new Set([
  'active',
  'revoked',
  'denied',
  'canceled',
  'failed',
  'timedOut',
]);

/**
 * Statuses a tracked request can still leave (the reconciler asks PIM about these): waiting for
 * approval, scheduled, and PIM's transient states on the way to Provisioned.
 */
export const OPEN_REQUEST_STATUSES: readonly KnownRequestStatus[] = [
  RequestStatuses.PendingApproval,
  RequestStatuses.PendingAdminDecision,
  RequestStatuses.Granted,
  RequestStatuses.PendingScheduleCreation,
  RequestStatuses.ScheduleCreated,
  RequestStatuses.PendingProvisioning,
];

const key = (status: string) => status.trim().toLowerCase();
const CANONICAL = new Map<string, KnownRequestStatus>(
  Object.values(RequestStatuses).map((status) => [key(status), status]),
);

/** Case-insensitive status comparison (`'provisioned'` equals `'Provisioned'`). */
export function statusIs(status: PimRequestStatus | undefined | null, expected: PimRequestStatus): boolean {
  return typeof status === 'string' && key(status) === key(expected);
}

/** Graph's spelling of a known status (`'provisioned'` → `'Provisioned'`); other values as given. */
export function canonicalStatus(status: PimRequestStatus): PimRequestStatus {
  return CANONICAL.get(key(status)) ?? status;
}

/** Whether the status is one PIM documents (or ARM's TimedOut); unknown values are re-polled. */
export function isKnownStatus(status: PimRequestStatus | undefined | null): boolean {
  return typeof status === 'string' && PHASES[key(status)] !== undefined;
}

/** The phase of a status; unknown or missing statuses are 'inProgress' (pending, re-poll). */
export function requestPhase(status: PimRequestStatus | undefined | null): RequestPhase {
  return (typeof status === 'string' && PHASES[key(status)]) || 'inProgress';
}

/** Final: the request will not change any more (Provisioned, Revoked, Denied, Canceled, Failed, TimedOut). */
export function isTerminal(status: PimRequestStatus | undefined | null): boolean {
  return TERMINAL.has(requestPhase(status));
}

/**
 * Settled for whoever waits on a request: PIM has answered (final, scheduled or waiting for a
 * person). Only the transient states (and unknown values) are worth polling again.
 */
export function isSettled(status: PimRequestStatus | undefined | null): boolean {
  return requestPhase(status) !== 'inProgress';
}

/** Still being decided or processed: waiting for approval, transient, or unknown (re-poll). */
export function isPending(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return phase === 'awaitingApproval' || phase === 'inProgress';
}

/** Waiting for an approver (or an administrator). */
export function isAwaitingApproval(status: PimRequestStatus | undefined | null): boolean {
  return requestPhase(status) === 'awaitingApproval';
}

/** Accepted for a future start (Granted). */
export function isScheduled(status: PimRequestStatus | undefined | null): boolean {
  return requestPhase(status) === 'scheduled';
}

/** PIM is setting the activation up (PendingProvisioning, PendingScheduleCreation, ScheduleCreated). */
export function isBeingProvisioned(status: PimRequestStatus | undefined | null): boolean {
  return requestPhase(status) === 'inProgress' && isKnownStatus(status);
}

/** Granted or provisioned: the activation is live, or will be at its start, without anyone deciding. */
export function isGrantedOrActive(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return phase === 'active' || phase === 'scheduled';
}

/** `cancel` is accepted for Granted and pending-approval requests only (REFERENCE §2.5). */
export function isCancelable(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return phase === 'scheduled' || phase === 'awaitingApproval';
}

/** Ended without an activation: revoked, denied, cancelled, failed or expired unanswered. */
export function isClosedWithoutActivation(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return TERMINAL.has(phase) && phase !== 'active';
}
