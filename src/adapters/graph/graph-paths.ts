import type { RoleKind } from '../../domain/roles';

const RD = '/v1.0/roleManagement/directory';
const PG = '/v1.0/identityGovernance/privilegedAccess/group';

/** Graph paths per PIM surface (REFERENCE §1). Ids are encoded. */
export const graphPaths = {
  assignmentRequests: (kind: RoleKind) =>
    kind === 'directoryRole' ? `${RD}/roleAssignmentScheduleRequests` : `${PG}/assignmentScheduleRequests`,
  eligibilityRequests: (kind: RoleKind) =>
    kind === 'directoryRole' ? `${RD}/roleEligibilityScheduleRequests` : `${PG}/eligibilityScheduleRequests`,
  assignmentRequest: (kind: RoleKind, id: string) =>
    `${graphPaths.assignmentRequests(kind)}/${encodeURIComponent(id)}`,
  cancelRequest: (kind: RoleKind, id: string) => `${graphPaths.assignmentRequest(kind, id)}/cancel`,
  myAssignmentRequests: (kind: RoleKind, on: 'principal' | 'approver') =>
    `${graphPaths.assignmentRequests(kind)}/filterByCurrentUser(on='${on}')`,
  assignmentInstances: (kind: RoleKind) =>
    kind === 'directoryRole' ? `${RD}/roleAssignmentScheduleInstances` : `${PG}/assignmentScheduleInstances`,
  eligibilityInstances: (kind: RoleKind) =>
    kind === 'directoryRole'
      ? `${RD}/roleEligibilityScheduleInstances`
      : `${PG}/eligibilityScheduleInstances`,
  myAssignmentInstances: (kind: RoleKind) =>
    `${graphPaths.assignmentInstances(kind)}/filterByCurrentUser(on='principal')`,
  myEligibilityInstances: (kind: RoleKind) =>
    `${graphPaths.eligibilityInstances(kind)}/filterByCurrentUser(on='principal')`,
  roleDefinitions: () => `${RD}/roleDefinitions`,
  policyAssignments: () => '/v1.0/policies/roleManagementPolicyAssignments',
  /** Entra-role approvals are beta only; group approvals are v1.0 with `stages`. */
  approval: (kind: RoleKind, id: string) =>
    kind === 'directoryRole'
      ? `/beta/roleManagement/directory/roleAssignmentApprovals/${encodeURIComponent(id)}`
      : `${PG}/assignmentApprovals/${encodeURIComponent(id)}`,
  approvalStep: (kind: RoleKind, approvalId: string, stepId: string) =>
    `${graphPaths.approval(kind, approvalId)}/${kind === 'directoryRole' ? 'steps' : 'stages'}/${encodeURIComponent(stepId)}`,
  administrativeUnit: (id: string) => `/v1.0/directory/administrativeUnits/${encodeURIComponent(id)}`,
  user: (id: string) => `/v1.0/users/${encodeURIComponent(id)}`,
  users: () => '/v1.0/users',
  group: (id: string) => `/v1.0/groups/${encodeURIComponent(id)}`,
  groups: () => '/v1.0/groups',
  transitiveGroups: (userId: string) => `/v1.0/users/${encodeURIComponent(userId)}/transitiveMemberOf`,
  groupMembers: (groupId: string) => `/v1.0/groups/${encodeURIComponent(groupId)}/members`,
  groupOwners: (groupId: string) => `/v1.0/groups/${encodeURIComponent(groupId)}/owners`,
  chatMembers: (chatId: string) => `/v1.0/chats/${encodeURIComponent(chatId)}/members`,
};

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
