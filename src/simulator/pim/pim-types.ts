import type { Provisioning } from './realism';
import type { DateTime } from 'luxon';

export type Rule = Record<string, unknown> & { id: string; '@odata.type': string };

/** One role-management policy: per directory role, or per (PIM-for-Groups group, member|owner). */
export interface Policy {
  guid: string;
  scopeType: 'DirectoryRole' | 'Group';
  /** '/' for directory roles, the group id for groups. */
  scopeId: string;
  /** Role definition id, or 'member' / 'owner' for groups. */
  roleDefinitionId: string;
  rules: Rule[];
  lastModifiedDateTime: DateTime | null;
  lastModifiedBy: { displayName: string | null; id: string | null };
}

/** What a schedule grants: a directory role at a scope, or membership/ownership of a group. */
export type Target =
  | { type: 'role'; roleDefinitionId: string; directoryScopeId: string | null; appScopeId: string | null }
  | { type: 'group'; groupId: string; accessId: string };

export type ExpirationType = 'notSpecified' | 'noExpiration' | 'afterDateTime' | 'afterDuration';

/** A schedule (eligibility or assignment). Its instance exists while start ≤ now < end. */
export interface Schedule {
  id: string;
  kind: 'eligibility' | 'assignment';
  target: Target;
  principalId: string;
  assignmentType: 'Assigned' | 'Activated';
  memberType: 'Direct';
  start: DateTime;
  end: DateTime | null;
  expirationType: ExpirationType;
  duration: string | null;
  createdUsing: string | null;
  createdDateTime: DateTime;
  modifiedDateTime: DateTime;
  /** For activations: the eligibility schedule used. */
  activatedUsing: string | null;
}

export type RequestCollection = 'roleAssignment' | 'roleEligibility' | 'groupAssignment' | 'groupEligibility';

export interface ApprovalStep {
  id: string;
  status: 'InProgress' | 'Completed' | 'Expired';
  reviewResult: 'NotReviewed' | 'Approved' | 'Denied';
  justification: string;
  reviewedBy: { id: string; displayName: string | null } | null;
  reviewedDateTime: DateTime | null;
}

export interface Approval {
  id: string;
  /** User ids allowed to decide (the requestor is never among them). */
  approverIds: string[];
  isApproverJustificationRequired: boolean;
  step: ApprovalStep;
  expiresAt: DateTime;
}

/** A schedule request as stored: its Graph body (fields the client sent, normalised) and internal state. */
export interface ScheduleRequest {
  id: string;
  collection: RequestCollection;
  action: string;
  target: Target;
  principalId: string;
  status: string;
  createdDateTime: DateTime;
  completedDateTime: DateTime | null;
  createdBy: string | null;
  createdByApp: string | null;
  justification: string | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  scheduleInfo: {
    startDateTime: DateTime | null;
    expiration: { type: ExpirationType; endDateTime: DateTime | null; duration: string | null };
  } | null;
  isValidationOnly: boolean;
  targetScheduleId: string | null;
  approval: Approval | null;
  /** The schedule to create when a pending approval is approved. */
  pendingSchedule: Schedule | null;
  /** Provisioning in progress (realism profile): the schedule appears at `completesAt`. */
  provisioning: (Provisioning & { schedule: Schedule }) | null;
  activatedUsing: string | null;
}
