/**
 * Permissions each Graph operation accepts (REFERENCE §8), least privileged first. `app: null`
 * marks operations Graph refuses with application-only tokens.
 */
export interface PermissionSpec {
  delegated: string[];
  app: string[] | null;
}

const RM_READ = [
  'RoleManagement.Read.Directory',
  'RoleManagement.Read.All',
  'RoleManagement.ReadWrite.Directory',
];
const ASSIGN_READ = [
  'RoleAssignmentSchedule.Read.Directory',
  'RoleAssignmentSchedule.ReadWrite.Directory',
  'RoleAssignmentSchedule.Remove.Directory',
  ...RM_READ,
];
const ASSIGN_WRITE = [
  'RoleAssignmentSchedule.ReadWrite.Directory',
  'RoleAssignmentSchedule.Remove.Directory',
  'RoleManagement.ReadWrite.Directory',
];
const ELIG_READ = [
  'RoleEligibilitySchedule.Read.Directory',
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleEligibilitySchedule.Remove.Directory',
  ...RM_READ,
];
const ELIG_WRITE = [
  'RoleEligibilitySchedule.ReadWrite.Directory',
  'RoleEligibilitySchedule.Remove.Directory',
  'RoleManagement.ReadWrite.Directory',
];
const POLICY_READ = [
  'RoleManagementPolicy.Read.Directory',
  'RoleManagementPolicy.ReadWrite.Directory',
  'RoleManagementPolicy.Read.AzureADGroup',
  'RoleManagementPolicy.ReadWrite.AzureADGroup',
  ...RM_READ,
];
const POLICY_WRITE = [
  'RoleManagementPolicy.ReadWrite.Directory',
  'RoleManagementPolicy.ReadWrite.AzureADGroup',
  'RoleManagement.ReadWrite.Directory',
];
const PG_ASSIGN_READ = [
  'PrivilegedAssignmentSchedule.Read.AzureADGroup',
  'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
  'PrivilegedAccess.Read.AzureADGroup',
  'PrivilegedAccess.ReadWrite.AzureADGroup',
];
const PG_ASSIGN_WRITE = [
  'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
  'PrivilegedAccess.ReadWrite.AzureADGroup',
];
const PG_ELIG_READ = [
  'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
  'PrivilegedAccess.Read.AzureADGroup',
  'PrivilegedAccess.ReadWrite.AzureADGroup',
];
const PG_ELIG_WRITE = [
  'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
  'PrivilegedAccess.ReadWrite.AzureADGroup',
];

export const Permissions = {
  assignmentRequestsRead: { delegated: ASSIGN_READ, app: ASSIGN_READ },
  assignmentRequestsWrite: { delegated: ASSIGN_WRITE, app: ASSIGN_WRITE },
  assignmentsCurrentUser: { delegated: ASSIGN_READ, app: null },
  eligibilityRead: { delegated: ELIG_READ, app: ELIG_READ },
  eligibilityWrite: { delegated: ELIG_WRITE, app: ELIG_WRITE },
  eligibilityCurrentUser: { delegated: ELIG_READ, app: null },
  roleDefinitionsRead: {
    delegated: [...RM_READ, 'Directory.Read.All'],
    app: [...RM_READ, 'Directory.Read.All'],
  },
  policiesRead: { delegated: POLICY_READ, app: POLICY_READ },
  policyRuleWrite: { delegated: POLICY_WRITE, app: null },
  approvalsRead: {
    delegated: [
      'RoleAssignmentSchedule.Read.Directory',
      'RoleAssignmentSchedule.ReadWrite.Directory',
      'RoleManagement.ReadWrite.Directory',
    ],
    app: null,
  },
  approvalsWrite: {
    delegated: ['RoleAssignmentSchedule.ReadWrite.Directory', 'RoleManagement.ReadWrite.Directory'],
    app: null,
  },
  groupAssignmentsRead: { delegated: PG_ASSIGN_READ, app: PG_ASSIGN_READ },
  groupAssignmentsWrite: { delegated: PG_ASSIGN_WRITE, app: PG_ASSIGN_WRITE },
  groupAssignmentsCurrentUser: { delegated: PG_ASSIGN_READ, app: null },
  groupEligibilityRead: { delegated: PG_ELIG_READ, app: PG_ELIG_READ },
  groupEligibilityWrite: { delegated: PG_ELIG_WRITE, app: PG_ELIG_WRITE },
  groupEligibilityCurrentUser: { delegated: PG_ELIG_READ, app: null },
  groupApprovalsRead: { delegated: PG_ASSIGN_READ, app: null },
  groupApprovalsWrite: { delegated: PG_ASSIGN_WRITE, app: null },
  me: { delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'], app: null },
  usersRead: {
    delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
    app: ['User.Read.All', 'Directory.Read.All'],
  },
  memberOfRead: {
    delegated: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    app: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
  },
  chatMembersRead: {
    delegated: ['ChatMember.Read', 'ChatMember.Read.All', 'Chat.Read.All'],
    app: ['ChatMember.Read.All', 'Chat.Read.All'],
  },
  administrativeUnitsRead: {
    delegated: ['AdministrativeUnit.Read.All', 'AdministrativeUnit.ReadWrite.All', 'Directory.Read.All'],
    app: ['AdministrativeUnit.Read.All', 'AdministrativeUnit.ReadWrite.All', 'Directory.Read.All'],
  },
} satisfies Record<string, PermissionSpec>;
