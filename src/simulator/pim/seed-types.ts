import type { RealismProfile } from './realism';
import type { SeedDirectory } from '../directory-types';

/** Approver of a seeded approval rule: one user, or the members of a group. */
export type SeedApprover = { userId: string } | { groupId: string };

/**
 * Compact role settings for one role (or one PIM-for-Groups group + access). The simulator expands
 * it into the 17 rules Graph returns, starting from the defaults of REFERENCE §5.2.
 */
export interface SeedPolicy {
  /** Directory role (Entra roles) … */
  roleDefinitionId?: string;
  /** … or a PIM for Groups group and relationship. */
  groupId?: string;
  accessId?: 'member' | 'owner';
  /** What the seed exercises; not a Graph field. */
  comment?: string;
  /** Expiration_EndUser_Assignment.maximumDuration (default PT8H). */
  maximumDuration?: string;
  /** Enablement_EndUser_Assignment.enabledRules (default none). */
  enabledRules?: ('MultiFactorAuthentication' | 'Justification' | 'Ticketing')[];
  /** Approval_EndUser_Assignment; absent = no approval. Empty approvers = PRA/GA holders approve. */
  approval?: { approvers: SeedApprover[]; isApproverJustificationRequired?: boolean };
  /** AuthenticationContext_EndUser_Assignment claim value, e.g. "c1". */
  authenticationContext?: string;
  adminEligibility?: { isExpirationRequired: boolean; maximumDuration: string };
  adminAssignment?: { isExpirationRequired: boolean; maximumDuration: string; enabledRules?: string[] };
}

/** A schedule present when the tenant is loaded (an eligibility or an active assignment). */
export interface SeedSchedule {
  kind: 'eligibility' | 'assignment';
  principalId: string;
  roleDefinitionId?: string;
  directoryScopeId?: string;
  groupId?: string;
  accessId?: 'member' | 'owner';
  /** ISO timestamp; default: the moment the seed is loaded. */
  startDateTime?: string;
  /** ISO timestamp of the end … */
  endDateTime?: string;
  /** … or an ISO duration counted from the load time (e.g. "P10D"). Neither = permanent. */
  expiresAfter?: string;
  comment?: string;
}

export interface SeedRoleDefinition {
  id: string;
  displayName: string;
  description: string;
  isBuiltIn: boolean;
  isEnabled: boolean;
  templateId: string;
  version: string | null;
  resourceScopes?: string[];
  rolePermissions: { allowedResourceActions: string[]; condition: string | null }[];
}

export interface SimulatorSeed extends SeedDirectory {
  roleDefinitions: SeedRoleDefinition[];
  policies: SeedPolicy[];
  schedules: SeedSchedule[];
  /** Provisioning delays and transient statuses (realism.ts); default: the simulator's start-up profile. */
  realism?: RealismProfile;
}
