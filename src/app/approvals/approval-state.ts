import { isKnownStatus, requestPhase, type RequestPhase } from '../../domain/activation/request-status';

/** Where an approval stands, as every copy of its card shows it. */
export type ApprovalState = 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired';

/** What each request phase says about the approval; revoked and failed say nothing about it. */
const STATES: Partial<Record<RequestPhase, ApprovalState>> = {
  awaitingApproval: 'pending',
  // Granted, PIM's transient states and Provisioned all follow an approval.
  scheduled: 'approved',
  inProgress: 'approved',
  active: 'approved',
  denied: 'denied',
  canceled: 'cancelled',
  timedOut: 'expired',
};

/**
 * The approval state a PIM request status means (compared case-insensitively). Statuses that say
 * nothing about the approval (Failed, Revoked, unknown values) give undefined.
 */
export function approvalStateOf(status: string): ApprovalState | undefined {
  return isKnownStatus(status) ? STATES[requestPhase(status)] : undefined;
}
