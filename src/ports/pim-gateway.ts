import type { DateTime, Duration } from 'luxon';
import type { ActivationRules, ActiveRole, EligibleRole, PimRequestStatus, RoleKind } from '../domain/roles';
import type { DelegatedUser } from './token-provider';

/**
 * Microsoft Entra PIM as the use cases see it (directory roles and PIM for Groups), one port per
 * concern; each caller is typed against the ones it needs. Implemented in src/adapters/graph.
 * Per-user operations take a DelegatedUser (the user's own delegated token); tenant-wide reads use
 * the app-only token. Failures are DomainErrors with stable codes.
 */

/** The user's roles (eligible, active) and the tenant's role definitions. */
export interface PimRoles {
  /** Everything the user can activate: direct and group-inherited role eligibilities, and PIM for Groups eligibilities. */
  listEligibleRoles(user: DelegatedUser): Promise<EligibleRole[]>;
  /** What the user holds now (activated and assigned), with end times. */
  listActiveRoles(user: DelegatedUser): Promise<ActiveRole[]>;
  getRoleDefinition(roleId: string): Promise<RoleDefinition>;
  /** Every directory role definition of the tenant (app-only); cached. */
  listRoleDefinitions(): Promise<RoleDefinition[]>;
}

/** Role management policies, as activation rules. */
export interface PimPolicies {
  /** The role's (or group access's) policy reduced to activation rules; cached per role for 10 minutes. */
  getActivationRules(role: RoleRef): Promise<ActivationRules>;
}

/** The user's own schedule requests: making them, and reading them back. */
export interface PimRequests {
  /** selfActivate (or a dry run with `validateOnly`). The returned status says what happened. */
  activate(user: DelegatedUser, input: ActivationInput): Promise<PimRequest>;
  /** selfDeactivate of an activated assignment. */
  deactivate(user: DelegatedUser, target: RoleTarget): Promise<PimRequest>;
  /** selfExtend of an eligibility ending within 14 days (an eligibility schedule request; admins decide it). */
  extend(user: DelegatedUser, input: ExtendInput): Promise<PimRequest>;
  /** Cancels a pending or scheduled request. */
  cancel(user: DelegatedUser, request: RequestRef): Promise<void>;
  /** The user's own request; pass no user to read it app-only (reconciler). */
  getRequest(request: RequestRef, user?: DelegatedUser): Promise<PimRequest>;
  /** The user's requests (filterByCurrentUser principal), newest first. */
  listMyRequests(user: DelegatedUser, kind: RoleKind): Promise<PimRequest[]>;
  /** Polls until the status is no longer transient (bounded). Returns the last state seen. */
  waitForSettled(request: RequestRef, user?: DelegatedUser, options?: WaitOptions): Promise<PimRequest>;
}

/** Approvals, as the approver sees them. */
export interface PimApprovals {
  /** Requests waiting for this approver (directory roles and PIM for Groups). */
  listPendingApprovals(approver: DelegatedUser): Promise<PimRequest[]>;
  getApproval(approver: DelegatedUser, approval: ApprovalRef): Promise<Approval>;
  /** Decides the in-progress step assigned to the approver. */
  decideApproval(approver: DelegatedUser, decision: ApprovalDecision): Promise<void>;
}

/** Tenant-wide reads (app-only), for the reconciler and channel announcements. */
export interface PimTenantReads {
  /** Tenant-wide activated assignment instances (app-only, all pages), for the reconciler. */
  listActivatedAssignments(kind: RoleKind): Promise<ActiveAssignment[]>;
  /** The same, one Graph page at a time and without a page limit (the reconciler's sweep). */
  activatedAssignmentPages(kind: RoleKind): AsyncIterable<ActiveAssignment[]>;
  /**
   * Tenant-wide activation requests pending approval (app-only, all pages), made anywhere: the
   * reconciler announces the ones made outside Elevate. 'groupMember' lists member and owner access.
   */
  listPendingActivationRequests(kind: RoleKind): Promise<PimRequest[]>;
  /** Tenant-wide eligibility instances ending before `before` (app-only), for eligibility reminders. */
  listEligibilitiesEndingBefore(before: DateTime): Promise<EligibilityInstance[]>;
}

/** All of PIM: what the composition root builds and wires (callers take the narrow ports). */
export interface PimGateway extends PimRoles, PimPolicies, PimRequests, PimApprovals, PimTenantReads {}

/** Identifies a policy: a directory role, or a group's member/owner access. */
export interface RoleRef {
  kind: RoleKind;
  /** roleDefinitionId, or the groupId for PIM for Groups. */
  roleId: string;
}

/** A role at a scope, as eligibilities and assignments name it. */
export interface RoleTarget extends RoleRef {
  /** Exactly the eligibility's directoryScopeId ('/' for groups). */
  directoryScopeId: string;
}

export interface ActivationInput extends RoleTarget {
  duration: Duration;
  /** Future start (scheduled activation); now when absent. */
  startAt?: DateTime;
  justification?: string;
  ticket?: { number: string; system?: string };
  /** isValidationOnly: evaluate everything, create nothing. */
  validateOnly?: boolean;
}

export interface ExtendInput extends RoleTarget {
  duration: Duration;
  justification: string;
  ticket?: { number: string; system?: string };
}

export interface RequestRef {
  kind: RoleKind;
  requestId: string;
}

export interface ApprovalRef {
  kind: RoleKind;
  /** Equals the request id. */
  approvalId: string;
}

export interface ApprovalDecision extends ApprovalRef {
  decision: 'Approve' | 'Deny';
  justification: string;
}

export interface WaitOptions {
  timeout?: Duration;
  interval?: Duration;
}

export type PimAction =
  | 'adminAssign'
  | 'adminUpdate'
  | 'adminRemove'
  | 'selfActivate'
  | 'selfDeactivate'
  | 'adminExtend'
  | 'adminRenew'
  | 'selfExtend'
  | 'selfRenew'
  | (string & {});

export interface PimRequest {
  id: string;
  kind: RoleKind;
  /** Normalised to camelCase (Graph may echo the casing that was sent). */
  action: PimAction;
  status: PimRequestStatus;
  principalId: string;
  roleId: string;
  directoryScopeId: string;
  approvalId?: string;
  justification?: string;
  ticket?: { number?: string; system?: string };
  createdAt: DateTime;
  completedAt?: DateTime;
  startAt?: DateTime;
  /** Requested duration or end, whichever the schedule carries. */
  duration?: Duration;
  endAt?: DateTime;
  createdByUserId?: string;
  /** Set when the request was a dry run. */
  validationOnly: boolean;
}

export interface Approval {
  id: string;
  kind: RoleKind;
  steps: ApprovalStep[];
}

export interface ApprovalStep {
  id: string;
  status: 'InProgress' | 'Initializing' | 'Completed' | 'Expired' | (string & {});
  reviewResult: 'NotReviewed' | 'Approved' | 'Denied' | (string & {});
  assignedToMe: boolean;
  justification?: string;
  reviewedByUserId?: string;
  reviewedByName?: string;
  reviewedAt?: DateTime;
}

export interface RoleDefinition {
  id: string;
  displayName: string;
  description?: string;
  isBuiltIn: boolean;
}

/** An active assignment instance anywhere in the tenant (reconciler view). */
export interface ActiveAssignment {
  kind: RoleKind;
  instanceId: string;
  principalId: string;
  roleId: string;
  directoryScopeId: string;
  assignmentType: 'Activated' | 'Assigned';
  memberType?: string;
  startDateTime?: DateTime;
  endDateTime?: DateTime;
}

export interface EligibilityInstance {
  kind: RoleKind;
  instanceId: string;
  principalId: string;
  roleId: string;
  directoryScopeId: string;
  startDateTime?: DateTime;
  endDateTime?: DateTime;
  memberType?: string;
}
