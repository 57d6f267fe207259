import demo from '../../../src/simulator/seed/demo-tenant.json';
import type { SeedDirectory } from '../../../src/simulator/directory-types';
import type { SeedPolicy, SeedSchedule, SimulatorSeed } from '../../../src/simulator/pim/seed-types';

/** Ids used by the Graph adapter's integration tests (directory from the demo seed). */
export const T = {
  appId: '00000000-0000-0000-0000-0000e1e7a7e0',
  secret: 'elevate-demo-secret',
  alex: '1c6746ba-c423-483e-9f30-18038d766593',
  priya: '9f30326a-0af5-418c-aac3-6af9302dbe6f',
  sam: 'edb50e23-b92e-48be-aef2-d6bc5ddbf71b',
  morgan: '16802afd-c33e-4e78-a261-b161508ed37e',
  jordan: '71540657-3504-4eeb-9cb7-331ba3ce4ec3',
  itHelpdesk: 'a5dae1c9-b349-43c3-a0f0-bab173b21f45',
  securityApprovers: '8c23073a-89d0-4aae-8ba5-ad2538ba6e23',
  dbOperators: '62fb171f-d247-4a48-a550-f94ff9780d8a',
  emeaAu: '3cfdd2b2-52cb-4d78-990b-076b52995826',
  roles: {
    globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', // no requirements
    userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1', // justification + ticket, max PT2H
    helpdeskAdmin: '729827e3-9c14-49f7-bb1b-9608f156bbb8', // via the IT Helpdesk group
    exchangeAdmin: '29232cdf-9323-42fd-ade2-1d097af3e4de', // approval by Priya
    securityAdmin: '194ae4cb-b126-40b2-bd5b-6091b380977d', // approval by Security Approvers
    groupsAdmin: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', // MFA
    privilegedRoleAdmin: 'e8611ab8-c189-46e8-94e1-60213ab1f814', // authentication context c1
    authAdmin: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', // AU-scoped, eligibility ends in 10 days
  },
} as const;

const names: Record<keyof typeof T.roles, string> = {
  globalReader: 'Global Reader',
  userAdmin: 'User Administrator',
  helpdeskAdmin: 'Helpdesk Administrator',
  exchangeAdmin: 'Exchange Administrator',
  securityAdmin: 'Security Administrator',
  groupsAdmin: 'Groups Administrator',
  privilegedRoleAdmin: 'Privileged Role Administrator',
  authAdmin: 'Authentication Administrator',
};

const policies: SeedPolicy[] = [
  { roleDefinitionId: T.roles.globalReader },
  {
    roleDefinitionId: T.roles.userAdmin,
    maximumDuration: 'PT2H',
    enabledRules: ['Justification', 'Ticketing'],
  },
  { roleDefinitionId: T.roles.helpdeskAdmin },
  { roleDefinitionId: T.roles.exchangeAdmin, approval: { approvers: [{ userId: T.priya }] } },
  {
    roleDefinitionId: T.roles.securityAdmin,
    approval: { approvers: [{ groupId: T.securityApprovers }], isApproverJustificationRequired: true },
  },
  { roleDefinitionId: T.roles.groupsAdmin, enabledRules: ['MultiFactorAuthentication'] },
  { roleDefinitionId: T.roles.privilegedRoleAdmin, authenticationContext: 'c1' },
  { roleDefinitionId: T.roles.authAdmin },
  { groupId: T.dbOperators, accessId: 'member', maximumDuration: 'PT4H' },
  { groupId: T.dbOperators, accessId: 'owner', approval: { approvers: [{ userId: T.priya }] } },
];

const eligible = (
  principalId: string,
  roleDefinitionId: string,
  extra: Partial<SeedSchedule> = {},
): SeedSchedule => ({
  kind: 'eligibility',
  principalId,
  roleDefinitionId,
  directoryScopeId: '/',
  ...extra,
});

const schedules: SeedSchedule[] = [
  eligible(T.alex, T.roles.globalReader),
  eligible(T.alex, T.roles.userAdmin),
  eligible(T.itHelpdesk, T.roles.helpdeskAdmin),
  eligible(T.alex, T.roles.exchangeAdmin),
  eligible(T.alex, T.roles.securityAdmin),
  eligible(T.alex, T.roles.groupsAdmin),
  eligible(T.alex, T.roles.privilegedRoleAdmin),
  eligible(T.alex, T.roles.authAdmin, {
    directoryScopeId: `/administrativeUnits/${T.emeaAu}`,
    expiresAfter: 'P10D',
  }),
  eligible(T.priya, T.roles.globalReader),
  { kind: 'eligibility', principalId: T.alex, groupId: T.dbOperators, accessId: 'member' },
  { kind: 'eligibility', principalId: T.alex, groupId: T.dbOperators, accessId: 'owner' },
];

export function testTenant(): SimulatorSeed {
  const directory = demo as unknown as SeedDirectory;
  return {
    ...directory,
    // selfExtend writes an eligibility request: the delegated scope for it (not in the demo seed).
    apps: directory.apps.map((app) => ({
      ...app,
      delegatedScopes: [...app.delegatedScopes, 'RoleEligibilitySchedule.ReadWrite.Directory'],
    })),
    roleDefinitions: Object.entries(T.roles).map(([key, id]) => ({
      id,
      templateId: id,
      displayName: names[key as keyof typeof T.roles],
      description: `${names[key as keyof typeof T.roles]} (test tenant)`,
      isBuiltIn: true,
      isEnabled: true,
      version: '1',
      resourceScopes: ['/'],
      rolePermissions: [
        { allowedResourceActions: ['microsoft.directory/allEntities/allProperties/read'], condition: null },
      ],
    })),
    policies,
    schedules,
  };
}
