/** Where an approval stands, as every copy of its card shows it. */
export type ApprovalState = 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired';

const STATES: Record<string, ApprovalState> = {
  pendingapproval: 'pending',
  granted: 'approved',
  provisioned: 'approved',
  pendingprovisioning: 'approved',
  pendingschedulecreation: 'approved',
  schedulecreated: 'approved',
  scheduled: 'approved',
  denied: 'denied',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  timedout: 'expired',
  expired: 'expired',
};

/**
 * The approval state a PIM request status means (compared case-insensitively). Statuses that say
 * nothing about the approval (Failed, Revoked, unknown values) give undefined.
 */
export function approvalStateOf(status: string): ApprovalState | undefined {
  return STATES[status.trim().toLowerCase()];
}
