import type { DateTime } from 'luxon';
import type { Approval, Policy, Schedule, ScheduleRequest } from './pim-types';
import type { SeedRoleDefinition } from './seed-types';

/** Renders the simulator's records as Graph JSON bodies (property sets of REFERENCE §2–§6). */
export const iso = (d: DateTime | null | undefined): string | null =>
  d ? d.toUTC().toISO({ suppressMilliseconds: true }) : null;

function scheduleInfoJson(info: ScheduleRequest['scheduleInfo']) {
  if (!info) return null;
  return {
    startDateTime: iso(info.startDateTime),
    recurrence: null,
    expiration: {
      type: info.expiration.type,
      endDateTime: iso(info.expiration.endDateTime),
      duration: info.expiration.duration,
    },
  };
}

export function requestJson(r: ScheduleRequest): Record<string, unknown> {
  const common = {
    id: r.id,
    status: r.status,
    createdDateTime: iso(r.createdDateTime),
    completedDateTime: iso(r.completedDateTime),
    approvalId: r.approval ? r.approval.id : null,
    customData: null,
    // camelCase whatever the casing sent: Graph serialises the enum member name (REFERENCE §2.2,
    // v1.0 create example: `AfterDuration` in, `afterDuration` out; `selfActivate` out).
    action: r.action,
    principalId: r.principalId,
  };
  const tail = {
    isValidationOnly: r.isValidationOnly,
    targetScheduleId: r.targetScheduleId,
    justification: r.justification,
    createdBy: {
      application: r.createdByApp ? { id: r.createdByApp, displayName: null } : null,
      device: null,
      user: r.createdBy ? { displayName: null, id: r.createdBy } : null,
    },
    scheduleInfo: scheduleInfoJson(r.scheduleInfo),
    ticketInfo: r.ticketInfo,
  };
  if (r.target.type === 'group')
    return { ...common, accessId: r.target.accessId, groupId: r.target.groupId, ...tail };
  return {
    ...common,
    roleDefinitionId: r.target.roleDefinitionId,
    directoryScopeId: r.target.directoryScopeId,
    appScopeId: r.target.appScopeId,
    ...tail,
  };
}

function scheduleInfoOf(s: Schedule) {
  return {
    startDateTime: iso(s.start),
    recurrence: null,
    expiration: {
      type: s.expirationType,
      endDateTime: s.expirationType === 'afterDuration' ? null : iso(s.end),
      duration: s.duration,
    },
  };
}

export function scheduleJson(s: Schedule): Record<string, unknown> {
  const base = {
    id: s.id,
    principalId: s.principalId,
    createdUsing: s.createdUsing,
    createdDateTime: iso(s.createdDateTime),
    modifiedDateTime: iso(s.modifiedDateTime),
    status: 'Provisioned',
    scheduleInfo: scheduleInfoOf(s),
  };
  if (s.target.type === 'group') {
    return {
      ...base,
      accessId: s.target.accessId,
      groupId: s.target.groupId,
      memberType: 'direct',
      ...(s.kind === 'assignment' ? { assignmentType: s.assignmentType.toLowerCase() } : {}),
    };
  }
  return {
    ...base,
    roleDefinitionId: s.target.roleDefinitionId,
    directoryScopeId: s.target.directoryScopeId,
    appScopeId: s.target.appScopeId,
    memberType: s.memberType,
    ...(s.kind === 'assignment' ? { assignmentType: s.assignmentType } : {}),
  };
}

/**
 * A schedule instance. `viaGroup` renders a grant a user holds through a group, as the user's
 * `filterByCurrentUser` views show it. For directory roles the row keeps the group as `principalId`
 * with `memberType` Group (MicrosoftDocs/azure-docs#113251); PIM for Groups rows carry the user.
 */
export function instanceJson(s: Schedule, viaGroup?: { userId: string }): Record<string, unknown> {
  const instanceId = `${s.id}${viaGroup ? `-${viaGroup.userId.slice(0, 8)}` : ''}-1${s.kind === 'eligibility' ? '-e' : ''}`;
  const principalId = viaGroup && s.target.type === 'group' ? viaGroup.userId : s.principalId;
  const start = iso(s.start);
  const end = iso(s.end);
  if (s.target.type === 'group') {
    return {
      id: instanceId,
      accessId: s.target.accessId,
      groupId: s.target.groupId,
      principalId,
      startDateTime: start,
      endDateTime: end,
      memberType: viaGroup ? 'group' : 'direct',
      ...(s.kind === 'assignment'
        ? { assignmentType: s.assignmentType.toLowerCase(), assignmentScheduleId: s.id }
        : { eligibilityScheduleId: s.id }),
    };
  }
  const common = {
    id: instanceId,
    principalId,
    roleDefinitionId: s.target.roleDefinitionId,
    directoryScopeId: s.target.directoryScopeId,
    appScopeId: s.target.appScopeId,
    startDateTime: s.assignmentType === 'Assigned' && !s.end && s.kind === 'assignment' ? null : start,
    endDateTime: end,
  };
  if (s.kind === 'eligibility')
    return {
      '@odata.type': '#microsoft.graph.unifiedRoleEligibilityScheduleInstance',
      ...common,
      memberType: viaGroup ? 'Group' : 'Direct',
      roleEligibilityScheduleId: s.id,
    };
  return {
    ...common,
    assignmentType: s.assignmentType,
    memberType: viaGroup ? 'Group' : 'Direct',
    roleAssignmentOriginId: s.id,
    roleAssignmentScheduleId: s.id,
  };
}

export function approvalStepJson(approval: Approval, callerId: string | undefined): Record<string, unknown> {
  const step = approval.step;
  return {
    id: step.id,
    displayName: null,
    reviewedDateTime: iso(step.reviewedDateTime),
    reviewResult: step.reviewResult,
    status: step.status,
    assignedToMe:
      callerId !== undefined && approval.approverIds.includes(callerId) && step.status === 'InProgress',
    justification: step.justification,
    reviewedBy: step.reviewedBy,
  };
}

export function roleDefinitionJson(r: SeedRoleDefinition): Record<string, unknown> {
  return {
    id: r.id,
    description: r.description,
    displayName: r.displayName,
    isBuiltIn: r.isBuiltIn,
    isEnabled: r.isEnabled,
    resourceScopes: r.resourceScopes ?? ['/'],
    templateId: r.templateId,
    version: r.version,
    rolePermissions: r.rolePermissions,
    inheritsPermissionsFrom: [],
  };
}

/** Policy ids carry the scopeType the client filtered with (`Directory_…` or `DirectoryRole_…`, REFERENCE §5.1). */
export function policyId(p: Policy, tenantId: string, prefix: string): string {
  return p.scopeType === 'Group' ? `Group_${p.scopeId}_${p.guid}` : `${prefix}_${tenantId}_${p.guid}`;
}

export function policyJson(
  p: Policy,
  tenantId: string,
  prefix: string,
  withRules: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: policyId(p, tenantId, prefix),
    displayName: prefix,
    description: prefix,
    isOrganizationDefault: false,
    scopeId: p.scopeId,
    scopeType: prefix,
    lastModifiedDateTime: iso(p.lastModifiedDateTime),
    lastModifiedBy: p.lastModifiedBy,
  };
  if (withRules) body.rules = p.rules;
  return body;
}

export function policyAssignmentJson(
  p: Policy,
  tenantId: string,
  prefix: string,
  expandPolicy: boolean,
  withRules: boolean,
): Record<string, unknown> {
  const id = policyId(p, tenantId, prefix);
  const body: Record<string, unknown> = {
    id: `${id}_${p.roleDefinitionId}`,
    policyId: id,
    scopeId: p.scopeId,
    scopeType: prefix,
    roleDefinitionId: p.roleDefinitionId,
  };
  if (expandPolicy) body.policy = policyJson(p, tenantId, prefix, withRules);
  return body;
}
