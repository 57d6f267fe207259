import { seedUsers as u, type SeedUser } from '../../fixtures/bot-harness';

/**
 * The policy branches of the seed tenant (src/simulator/seed/demo-tenant.json), one row each: who
 * is eligible, how they name it in chat, what the policy needs, and what PIM grants.
 */
export type StepUp = 'mfa' | 'authenticationContext';

export type PolicyTarget =
  | { type: 'role'; roleDefinitionId: string; directoryScopeId: string }
  | { type: 'group'; groupId: string; accessId: 'member' | 'owner' };

export interface PolicyBranch {
  key: string;
  /** As the test name shows it. */
  label: string;
  requester: SeedUser;
  /** How the requester names it in an activate/deactivate command. */
  name: string;
  /** Extra clauses of the activate command (justification, ticket, scope). */
  clauses: string;
  /** What the cards call it. */
  display: string;
  target: PolicyTarget;
  /** Who decides, when the policy needs approval. */
  approver?: SeedUser;
  stepUp?: StepUp;
  /** The longest activation the policy allows (the matrix asks for at most this much). */
  maximum: 'PT1H' | 'PT4H' | 'PT8H';
}

const role = (roleDefinitionId: string, directoryScopeId = '/'): PolicyTarget => ({
  type: 'role',
  roleDefinitionId,
  directoryScopeId,
});
const PDO = '62fb171f-d247-4a48-a550-f94ff9780d8a';

export const POLICIES: PolicyBranch[] = [
  {
    key: 'none',
    label: 'no requirements',
    requester: u.avery,
    name: 'global reader',
    clauses: '',
    display: 'Global Reader',
    target: role('f2ef992c-3afb-46b9-b7cf-a126ee74c451'),
    maximum: 'PT8H',
  },
  {
    key: 'justificationTicket',
    label: 'justification + ticket',
    requester: u.priya,
    name: 'exchange admin',
    clauses: 'because mail flow incident ticket INC-42',
    display: 'Exchange Administrator',
    target: role('29232cdf-9323-42fd-ade2-1d097af3e4de'),
    maximum: 'PT8H',
  },
  {
    key: 'approvalUser',
    label: 'approval by user',
    requester: u.jordan,
    name: 'user admin',
    clauses: 'because new starters',
    display: 'User Administrator',
    target: role('fe930be7-5e62-47db-91af-98c3a49a38b1'),
    approver: u.dana,
    maximum: 'PT8H',
  },
  {
    key: 'approvalGroup',
    label: 'approval by group',
    requester: u.sam,
    name: 'security admin',
    clauses: 'because audit',
    display: 'Security Administrator',
    target: role('194ae4cb-b126-40b2-bd5b-6091b380977d'),
    approver: u.morgan,
    maximum: 'PT8H',
  },
  {
    key: 'mfa',
    label: 'MFA',
    requester: u.taylor,
    name: 'global admin',
    clauses: 'because incident 42',
    display: 'Global Administrator',
    target: role('62e90394-69f5-4237-9190-012177145e10'),
    stepUp: 'mfa',
    maximum: 'PT8H',
  },
  {
    key: 'authenticationContext',
    label: 'authentication context',
    requester: u.riley,
    name: 'privileged role admin',
    clauses: 'because change 7',
    display: 'Privileged Role Administrator',
    target: role('e8611ab8-c189-46e8-94e1-60213ab1f814'),
    stepUp: 'authenticationContext',
    maximum: 'PT8H',
  },
  {
    key: 'shortMaximum',
    label: 'short maximum',
    requester: u.alex,
    name: 'application admin',
    clauses: '',
    display: 'Application Administrator',
    target: role('9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3'),
    maximum: 'PT1H',
  },
  {
    key: 'viaGroup',
    label: 'via role-assignable group',
    requester: u.jordan,
    name: 'helpdesk admin',
    clauses: 'because tickets',
    display: 'Helpdesk Administrator',
    target: role('729827e3-9c14-49f7-bb1b-9608f156bbb8'),
    maximum: 'PT8H',
  },
  {
    key: 'groupMember',
    label: 'PIM for Groups member',
    requester: u.casey,
    name: 'group Production Database Operators member',
    clauses: 'because db',
    display: 'Production Database Operators (member)',
    target: { type: 'group', groupId: PDO, accessId: 'member' },
    maximum: 'PT4H',
  },
  {
    key: 'groupOwner',
    label: 'PIM for Groups owner',
    requester: u.casey,
    name: 'group Production Database Operators owner',
    clauses: 'because schema',
    display: 'Production Database Operators (owner)',
    target: { type: 'group', groupId: PDO, accessId: 'owner' },
    approver: u.chris,
    maximum: 'PT8H',
  },
  {
    key: 'administrativeUnit',
    label: 'administrative-unit scope',
    requester: u.jamie,
    name: 'authentication admin',
    clauses: 'because emea scope EMEA Office',
    display: 'Authentication Administrator',
    target: role(
      'c4e39bd9-1100-46d3-8c65-fb160da0071f',
      '/administrativeUnits/3cfdd2b2-52cb-4d78-990b-076b52995826',
    ),
    maximum: 'PT8H',
  },
];

/** The policy's display name as a RegExp source (group names carry "(member)" / "(owner)"). */
export function displayPattern(policy: { display: string }): string {
  return policy.display.replace(/[()]/g, '\\$&');
}

/**
 * The answer to an activation that PIM granted: "X is activating…" while it provisions, "✓ X is
 * active" once Elevate sees the assignment (whichever the answer shows when it is read).
 */
export function activatedPattern(cell: { policy: { display: string } }): RegExp {
  const name = displayPattern(cell.policy);
  return new RegExp(`✓ ${name} is active|${name} is activating…`);
}
