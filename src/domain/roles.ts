import type { DateTime, Duration } from 'luxon';

/** What kind of PIM surface a role lives on. */
export type RoleKind = 'directoryRole' | 'groupMember' | 'groupOwner';

/** A role the user can activate, directly or through a group. */
export interface EligibleRole {
  kind: RoleKind;
  /** roleDefinitionId for directory roles; the groupId for PIM for Groups. */
  roleId: string;
  roleName: string;
  /** '/' tenant-wide, '/administrativeUnits/{id}', '/{objectId}'; the groupId for groups. */
  directoryScopeId: string;
  /** Human name of the scope ('Directory', 'EMEA Office', …). */
  scopeName: string;
  /** How the eligibility reaches the user: direct, or through a group (name given). */
  via: { type: 'direct' } | { type: 'group'; groupId: string; groupName: string };
  /** Eligibility end; undefined for permanent eligibilities. */
  eligibleUntil?: DateTime;
  eligibilityScheduleId?: string;
}

/** A role the user holds right now (activated or assigned). */
export interface ActiveRole {
  kind: RoleKind;
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  scopeName: string;
  assignmentType: 'Activated' | 'Assigned';
  startDateTime?: DateTime;
  /** undefined for permanent assignments. */
  endDateTime?: DateTime;
  instanceId: string;
}

export type Approver = { type: 'user'; userId: string } | { type: 'group'; groupId: string };

/** A role policy reduced to what matters for self-activation (REFERENCE §5.5). */
export interface ActivationRules {
  maximumDuration: Duration;
  justificationRequired: boolean;
  ticketRequired: boolean;
  mfaRequired: boolean;
  approvalRequired: boolean;
  approvers: Approver[];
  approverJustificationRequired: boolean;
  /** Authentication context claim value (e.g. 'c1') when the policy requires one. */
  authenticationContext?: string;
}

/** Status of a PIM schedule request, as Graph reports it (plain string, compare case-insensitively). */
export type PimRequestStatus =
  | 'Canceled'
  | 'Denied'
  | 'Failed'
  | 'Granted'
  | 'PendingAdminDecision'
  | 'PendingApproval'
  | 'PendingProvisioning'
  | 'PendingScheduleCreation'
  | 'Provisioned'
  | 'Revoked'
  | 'ScheduleCreated'
  | 'TimedOut'
  | (string & {});
