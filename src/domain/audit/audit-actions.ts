/**
 * The audit trail's vocabulary: every action Elevate performs or observes, defined once. Stored
 * as these strings; the audit card and the export show `AUDIT_ACTION_LABELS`.
 */
export const AuditActions = {
  /** A request was sent to PIM and waits for approval. */
  activationRequested: 'activation.requested',
  activationActivated: 'activation.activated',
  activationScheduled: 'activation.scheduled',
  /** An approver (or PIM) denied the request, or it expired unanswered. */
  activationDenied: 'activation.denied',
  activationCancelled: 'activation.cancelled',
  activationDeactivated: 'activation.deactivated',
  activationExpired: 'activation.expired',
  activationExtended: 'activation.extended',
  /** PIM refused or failed the request. */
  activationFailed: 'activation.failed',
  /** Refused by Elevate before anything reached PIM (the reason says why). */
  requestRefused: 'request.refused',
  /** Seen by the reconciler, made outside Elevate (portal, PowerShell). */
  activationObserved: 'activation.observed',
  eligibilityExtensionRequested: 'eligibility.extensionRequested',
  approvalRequested: 'approval.requested',
  approvalDecided: 'approval.decided',
  stepUpStarted: 'stepUp.started',
  stepUpCompleted: 'stepUp.completed',
  stepUpAbandoned: 'stepUp.abandoned',
  subscriptionChanged: 'subscription.changed',
  settingsChanged: 'settings.changed',
  auditViewed: 'audit.viewed',
  auditExported: 'audit.exported',
  /** An admin command from someone who is not an admin. */
  adminRefused: 'admin.refused',
  /** An activity from a tenant Elevate does not serve (tenant mode). */
  tenantRefused: 'tenant.refused',
} as const;

export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditActions);

/** How an audited action ended. */
export const AUDIT_OUTCOMES = ['succeeded', 'pending', 'refused', 'failed', 'approved', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'activation.requested': 'Requested (waiting for approval)',
  'activation.activated': 'Activated',
  'activation.scheduled': 'Scheduled',
  'activation.denied': 'Denied',
  'activation.cancelled': 'Cancelled',
  'activation.deactivated': 'Deactivated',
  'activation.expired': 'Expired',
  'activation.extended': 'Extended',
  'activation.failed': 'Failed',
  'request.refused': 'Refused by Elevate',
  'activation.observed': 'Activated outside Elevate',
  'eligibility.extensionRequested': 'Eligibility extension requested',
  'approval.requested': 'Approval requested',
  'approval.decided': 'Approval decided',
  'stepUp.started': 'Verification asked',
  'stepUp.completed': 'Verification completed',
  'stepUp.abandoned': 'Verification abandoned',
  'subscription.changed': 'Channel subscription changed',
  'settings.changed': 'Settings changed',
  'audit.viewed': 'Audit trail viewed',
  'audit.exported': 'Audit trail exported',
  'admin.refused': 'Admin command refused',
  'tenant.refused': 'Message from another organisation refused',
};

/** The actor of what Elevate does on its own (reconciler, scheduler). */
export const SYSTEM_ACTOR = 'system:elevate';

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
