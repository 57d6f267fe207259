import type { DateTime } from 'luxon';
import type { SimClock } from '../sim-clock';
import type { SeedDirectory, SeedGroup, SeedUser } from '../directory-types';
import { policiesFromSeed, scheduleFromSeed } from './seed-loading';
import type { Policy, Schedule, ScheduleRequest, Target } from './pim-types';
import type { SeedRoleDefinition, SimulatorSeed } from './seed-types';
import { transientStatus, type RealismProfile } from './realism';

/** Built-in roles whose holders approve when an approval rule names no approver (REFERENCE §5.3). */
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMINISTRATOR = 'e8611ab8-c189-46e8-94e1-60213ab1f814';

/** How the simulated service words two ambiguous errors; switchable through /_sim/settings. */
export interface SimSettings {
  /** 'wrapped' = UnknownError + JSON message (Graph, observed); 'plain' = top-level code (ARM style). */
  acrsErrorStyle: 'wrapped' | 'plain';
  /** 'rule-text' = `ExpirationRule - <text>` (newer); 'legacy-array' = `["ExpirationRule"]`. */
  policyErrorFormat: 'rule-text' | 'legacy-array';
  /**
   * Seconds after a deactivation during which re-activating the same role still gets
   * `RoleAssignmentExists` ([O] REFERENCE §7.2 reports 10–120 s). Default 0 (off).
   */
  reactivationLagSeconds: number;
  /** Provisioning delay and transient statuses per action (realism.ts); empty = at once. */
  realism: RealismProfile;
}

export const DEFAULT_SETTINGS: SimSettings = {
  acrsErrorStyle: 'wrapped',
  policyErrorFormat: 'rule-text',
  reactivationLagSeconds: 0,
  realism: {},
};

export const sameTarget = (a: Target, b: Target): boolean =>
  a.type === 'role' && b.type === 'role'
    ? a.roleDefinitionId.toLowerCase() === b.roleDefinitionId.toLowerCase() &&
      (a.directoryScopeId ?? '') === (b.directoryScopeId ?? '') &&
      (a.appScopeId ?? '') === (b.appScopeId ?? '')
    : a.type === 'group' && b.type === 'group' && a.groupId === b.groupId && a.accessId === b.accessId;

/** The simulated tenant: directory, role definitions, policies, schedules and requests. */
export class TenantState {
  seed!: SimulatorSeed;
  roleDefinitions: SeedRoleDefinition[] = [];
  policies: Policy[] = [];
  schedules: Schedule[] = [];
  requests = new Map<string, ScheduleRequest>();
  settings: SimSettings = { ...DEFAULT_SETTINGS };
  /** When each (principal, target) was last deactivated, for `reactivationLagSeconds`. */
  deactivations: { principalId: string; target: Target; at: DateTime }[] = [];

  /**
   * `baseRealism` is the realism profile every load starts from (a seed's own `realism` wins), so
   * `/_sim/reset` keeps the profile the simulator was started with (demo mode: 'demo').
   */
  constructor(
    readonly clock: SimClock,
    seed: SimulatorSeed,
    private readonly baseRealism: RealismProfile = {},
  ) {
    this.load(seed);
  }

  get directory(): SeedDirectory {
    return this.seed;
  }

  get tenantId(): string {
    return this.seed.tenant.id;
  }

  load(seed: SimulatorSeed): void {
    this.seed = structuredClone(seed);
    const now = this.clock.now();
    this.roleDefinitions = this.seed.roleDefinitions;
    this.requests.clear();
    this.settings = { ...DEFAULT_SETTINGS, realism: this.seed.realism ?? this.baseRealism };
    this.deactivations = [];
    this.policies = policiesFromSeed(this.seed);
    this.schedules = this.seed.schedules.map((s) => scheduleFromSeed(s, now));
  }

  user(id: string): SeedUser | undefined {
    return this.seed.users.find(
      (u) =>
        u.id.toLowerCase() === id.toLowerCase() || u.userPrincipalName.toLowerCase() === id.toLowerCase(),
    );
  }

  group(id: string): SeedGroup | undefined {
    return this.seed.groups.find((g) => g.id.toLowerCase() === id.toLowerCase());
  }

  /** Groups the principal belongs to: directly, through a group in a group, or by an active PIM for Groups membership. */
  groupsOf(principalId: string): SeedGroup[] {
    const result = new Map<string, SeedGroup>();
    const activated = this.activeSchedules('assignment').filter(
      (s) => s.target.type === 'group' && s.target.accessId === 'member',
    );
    const isMember = (g: SeedGroup, memberId: string): boolean =>
      g.members.includes(memberId) ||
      activated.some(
        (s) => s.principalId === memberId && s.target.type === 'group' && s.target.groupId === g.id,
      );
    const visit = (memberId: string): void => {
      for (const g of this.seed.groups) {
        if (isMember(g, memberId) && !result.has(g.id)) {
          result.set(g.id, g);
          visit(g.id);
        }
      }
    };
    visit(principalId);
    return [...result.values()];
  }

  /** Members of a group in PIM for Groups terms include those with an active (activated) membership. */
  membersOf(groupId: string): string[] {
    const group = this.group(groupId);
    const activated = this.activeSchedules('assignment')
      .filter(
        (s) => s.target.type === 'group' && s.target.groupId === groupId && s.target.accessId === 'member',
      )
      .map((s) => s.principalId);
    return [...new Set([...(group?.members ?? []), ...activated])];
  }

  isActive(s: Schedule, now = this.clock.now()): boolean {
    return s.start <= now && (s.end === null || s.end > now);
  }

  activeSchedules(kind: Schedule['kind']): Schedule[] {
    const now = this.clock.now();
    return this.schedules.filter((s) => s.kind === kind && this.isActive(s, now));
  }

  /** Schedules not yet ended (current and future). */
  liveSchedules(kind: Schedule['kind']): Schedule[] {
    const now = this.clock.now();
    return this.schedules.filter((s) => s.kind === kind && (s.end === null || s.end > now));
  }

  /** Active schedules of `kind` for the principal on the target, directly or through role-assignable groups. */
  schedulesFor(
    kind: Schedule['kind'],
    principalId: string,
    target: Target,
    includeGroups: boolean,
  ): Schedule[] {
    const principals = new Set([
      principalId,
      ...(includeGroups
        ? this.groupsOf(principalId)
            .filter((g) => g.isAssignableToRole || target.type === 'group')
            .map((g) => g.id)
        : []),
    ]);
    return this.activeSchedules(kind).filter(
      (s) => principals.has(s.principalId) && sameTarget(s.target, target),
    );
  }

  /** True when the user currently holds the directory role (any scope), directly or through a group. */
  holdsRole(userId: string, roleDefinitionId: string): boolean {
    const principals = new Set([
      userId,
      ...this.groupsOf(userId)
        .filter((g) => g.isAssignableToRole)
        .map((g) => g.id),
    ]);
    return this.activeSchedules('assignment').some(
      (s) =>
        principals.has(s.principalId) &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === roleDefinitionId,
    );
  }

  policyForRole(roleDefinitionId: string): Policy | undefined {
    return this.policies.find(
      (p) =>
        p.scopeType === 'DirectoryRole' &&
        p.roleDefinitionId.toLowerCase() === roleDefinitionId.toLowerCase(),
    );
  }

  policyForGroup(groupId: string, accessId: string): Policy | undefined {
    return this.policies.find(
      (p) => p.scopeType === 'Group' && p.scopeId === groupId && p.roleDefinitionId === accessId,
    );
  }

  policyFor(target: Target): Policy | undefined {
    return target.type === 'role'
      ? this.policyForRole(target.roleDefinitionId)
      : this.policyForGroup(target.groupId, target.accessId);
  }

  /** Resolves approvers (users and group members); none named means Privileged Role / Global Administrators. */
  resolveApprovers(approvers: ({ userId: string } | { groupId: string })[]): string[] {
    const ids = new Set<string>();
    for (const a of approvers) {
      if ('userId' in a) ids.add(a.userId);
      else for (const m of this.group(a.groupId)?.members ?? []) if (this.user(m)) ids.add(m);
    }
    if (approvers.length === 0) {
      for (const u of this.seed.users) {
        if (this.holdsRole(u.id, PRIVILEGED_ROLE_ADMINISTRATOR) || this.holdsRole(u.id, GLOBAL_ADMINISTRATOR))
          ids.add(u.id);
      }
    }
    return [...ids];
  }

  /**
   * Applies the passage of time: a Granted request whose start has come becomes Provisioned; a
   * pending approval older than 24 hours expires. Expired schedules simply stop having instances.
   *
   * Approval expiry (24 h, Entra docs pim-approval-workflow: "the eligible user must resubmit a new
   * request"): no public source says which request status Graph then reports (ARM's `TimedOut` is not in
   * Graph's documented set, resources/request.md). The request becomes `Canceled` — the documented,
   * terminal value for a request that ended unapproved without anyone deciding — with
   * `completedDateTime` at the expiry, and its step takes the documented approvalStage status
   * `Expired` with `reviewResult: "NotReviewed"`; that step status is what tells expiry from a cancel.
   */
  tick(): void {
    const now = this.clock.now();
    for (const request of this.requests.values()) {
      if (request.provisioning) this.advanceProvisioning(request, now);
      if (
        request.status === 'Granted' &&
        !request.provisioning &&
        request.scheduleInfo?.startDateTime &&
        request.scheduleInfo.startDateTime <= now
      ) {
        request.status = 'Provisioned';
      }
      if (request.status === 'PendingApproval' && request.approval && request.approval.expiresAt <= now) {
        request.status = 'Canceled';
        request.completedDateTime = request.approval.expiresAt;
        request.approval.step.status = 'Expired';
        request.pendingSchedule = null;
      }
    }
  }

  /** Moves a provisioning request along its status path; at the end its schedule appears (Provisioned). */
  private advanceProvisioning(request: ScheduleRequest, now: DateTime): void {
    const p = request.provisioning;
    if (!p) return;
    if (request.status === 'Canceled') {
      request.provisioning = null;
      return;
    }
    if (now < p.startedAt) return; // scheduled for later: Granted until its start
    if (now < p.completesAt) {
      request.status = transientStatus(p, now);
      request.completedDateTime = null;
      return;
    }
    this.schedules.push(p.schedule);
    request.status = 'Provisioned';
    request.completedDateTime = p.completesAt;
    request.provisioning = null;
  }
}
