import type { PimRequestStatus } from '../roles';

/** What a PIM request status means for the user, in a few buckets (REFERENCE §2.4). */
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
};

const TERMINAL: ReadonlySet<RequestPhase> = new Set([
  'active',
  'revoked',
  'denied',
  'canceled',
  'failed',
  'timedOut',
]);

const key = (status: string) => status.trim().toLowerCase();

/** Case-insensitive status comparison (`'provisioned'` equals `'Provisioned'`). */
export function statusIs(status: PimRequestStatus | undefined | null, expected: PimRequestStatus): boolean {
  return typeof status === 'string' && key(status) === key(expected);
}

/** The phase of a status; unknown or missing statuses are 'inProgress' (pending, re-poll). */
export function requestPhase(status: PimRequestStatus | undefined | null): RequestPhase {
  return (typeof status === 'string' && PHASES[key(status)]) || 'inProgress';
}

/** Final: the request will not change any more (Provisioned, Revoked, Denied, Canceled, Failed, TimedOut). */
export function isTerminal(status: PimRequestStatus | undefined | null): boolean {
  return TERMINAL.has(requestPhase(status));
}

/** Still being decided or processed: waiting for approval, transient, or unknown (re-poll). */
export function isPending(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return phase === 'awaitingApproval' || phase === 'inProgress';
}

/** Accepted for a future start (Granted). */
export function isScheduled(status: PimRequestStatus | undefined | null): boolean {
  return requestPhase(status) === 'scheduled';
}

/** `cancel` is accepted for Granted and pending-approval requests only (REFERENCE §2.5). */
export function isCancelable(status: PimRequestStatus | undefined | null): boolean {
  const phase = requestPhase(status);
  return phase === 'scheduled' || phase === 'awaitingApproval';
}
