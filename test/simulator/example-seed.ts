import demoTenant from '../../src/simulator/seed/demo-tenant.json';
import type { SimulatorSeed } from '../../src/simulator';

/**
 * The demo tenant plus the principals, roles and schedules the documented examples in
 * ../shared/graph-pim/examples refer to, so that every documented request can be replayed verbatim.
 */
export const EX = {
  restrictedUser: '071cc716-8147-4397-a5ba-b2105951cc0b',
  tutorialUser: '7146daa8-1b4b-4a66-b2f7-cf593d03c8d2',
  adminUser: '3fbd929d-8c56-4462-851e-0eb9a7b3a2a5',
  extendUser: 'aaaaaaaa-bbbb-cccc-1111-222222222222',
  groupUser: '3cce9d87-3986-4f19-8335-7ed075408ca2',
  tutorialGroup: 'e7b4d3a2-1c5f-4a6b-9d8e-0f1a2b3c4d5e',
  pimGroup: '2b5ed229-4072-478d-9504-a047ebd4b07d',
  ownerPolicyGroup: '60bba733-f09d-49b7-8445-32369aa066b3',
  exchangeRecipientAdministrator: '31392ffb-586c-42d1-9346-e59415a2cc4e',
  attributeAssignmentAdministrator: '8424c6f0-a189-499e-bbd0-26c1753c96d4',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
} as const;

function user(id: string, name: string) {
  const [givenName, surname] = name.split(' ');
  const upn = `${givenName.toLowerCase()}@contoso.example`;
  return {
    id,
    displayName: name,
    givenName,
    surname,
    userPrincipalName: upn,
    mail: upn,
    password: 'demo',
    timeZone: 'UTC',
  };
}

export function exampleSeed(): SimulatorSeed {
  const seed = structuredClone(demoTenant) as unknown as SimulatorSeed;
  seed.apps[0].delegatedScopes.push(
    'RoleEligibilitySchedule.ReadWrite.Directory',
    'RoleManagementPolicy.ReadWrite.Directory',
    'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
  );
  seed.users.push(
    user(EX.restrictedUser, 'Conf Adams'),
    user(EX.tutorialUser, 'Tutorial User'),
    user(EX.adminUser, 'Role Admin'),
    user(EX.extendUser, 'Extend User'),
    user(EX.groupUser, 'Group User'),
  );
  seed.groups.push(
    {
      id: EX.tutorialGroup,
      displayName: 'Tutorial Role Group',
      isAssignableToRole: true,
      members: [EX.tutorialUser],
    },
    {
      id: EX.pimGroup,
      displayName: 'Example PIM Group',
      isAssignableToRole: false,
      pimForGroups: true,
      members: [],
    },
    {
      id: EX.ownerPolicyGroup,
      displayName: 'Example Owner Policy Group',
      isAssignableToRole: false,
      pimForGroups: true,
      members: [],
    },
  );
  seed.roleDefinitions.push({
    id: EX.exchangeRecipientAdministrator,
    displayName: 'Exchange Recipient Administrator',
    description: 'Can create or update Exchange Online recipients within the Exchange Online organization.',
    isBuiltIn: true,
    isEnabled: true,
    templateId: EX.exchangeRecipientAdministrator,
    version: '1',
    rolePermissions: [
      {
        allowedResourceActions: ['microsoft.office365.exchange/allRecipients/allProperties/allTasks'],
        condition: null,
      },
    ],
  });
  // The tutorial activates User Administrator without approval; the example roles need no MFA.
  seed.policies = seed.policies.filter((p) => p.roleDefinitionId !== EX.userAdministrator);
  seed.policies.push({
    roleDefinitionId: EX.userAdministrator,
    enabledRules: ['Justification', 'Ticketing'],
  });
  seed.schedules.push(
    {
      kind: 'eligibility',
      principalId: EX.tutorialGroup,
      roleDefinitionId: EX.userAdministrator,
      directoryScopeId: '/',
    },
    {
      kind: 'assignment',
      principalId: EX.adminUser,
      roleDefinitionId: EX.privilegedRoleAdministrator,
      directoryScopeId: '/',
    },
    {
      kind: 'assignment',
      principalId: EX.extendUser,
      roleDefinitionId: EX.exchangeRecipientAdministrator,
      directoryScopeId: '/',
      expiresAfter: 'P400D',
    },
    { kind: 'eligibility', principalId: EX.groupUser, groupId: EX.pimGroup, accessId: 'member' },
  );
  return seed;
}
