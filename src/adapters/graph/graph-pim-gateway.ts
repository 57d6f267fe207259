import { Duration, type DateTime } from 'luxon';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { ActivationRules, ActiveRole, EligibleRole, RoleKind } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { Directory, DirectoryGroup } from '../../ports/directory';
import type {
  ActivationInput,
  ActiveAssignment,
  Approval,
  ApprovalDecision,
  ApprovalRef,
  EligibilityInstance,
  ExtendInput,
  PimGateway,
  PimRequest,
  RequestRef,
  RoleDefinition,
  RoleRef,
  RoleTarget,
  WaitOptions,
} from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';
import type { AdapterLogger } from './graph-logger';
import type { GraphHttp } from './graph-http';
import type { GraphOperation } from './graph-errors';
import {
  kindOfAccess,
  parseInstant,
  toActiveAssignment,
  toApproval,
  toEligibilityInstance,
  toPimRequest,
  type RawApproval,
  type RawInstance,
  type RawScheduleRequest,
} from './graph-mappers';
import { graphPaths, odataString } from './graph-paths';
import { activationRulesFromPolicy } from './policy-rules';
import { TtlCache } from './ttl-cache';

export interface GraphPimGatewayOptions {
  http: GraphHttp;
  /** App-only Graph token (client credentials). */
  appToken: () => Promise<string>;
  directory: Directory;
  clock: Clock;
  logger: AdapterLogger;
  /** Policy cache lifetime; default 10 minutes (REFERENCE §10). */
  policyTtl?: Duration;
  /** Role definition cache lifetime; default 1 hour. */
  roleDefinitionTtl?: Duration;
  /** Waits between polls; injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Statuses after which polling stops (REFERENCE §2.4); unknown values are treated as transient. */
const SETTLED = new Set([
  'provisioned',
  'granted',
  'pendingapproval',
  'pendingadmindecision',
  'denied',
  'canceled',
  'failed',
  'revoked',
  'timedout',
]);

/** How far back a request found after an unknown outcome may have been created. */
const UNKNOWN_OUTCOME_WINDOW = Duration.fromObject({ minutes: 2 });

type RequestBody = Record<string, unknown> & { action: string; isValidationOnly?: boolean };

/** PimGateway over Microsoft Graph (directory roles and PIM for Groups). */
export class GraphPimGateway implements PimGateway {
  private readonly policies: TtlCache<ActivationRules>;
  private readonly roleDefinitions: TtlCache<RoleDefinition[]>;
  private readonly scopeNames: TtlCache<string>;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphPimGatewayOptions) {
    this.policies = new TtlCache(options.policyTtl ?? Duration.fromObject({ minutes: 10 }), options.clock);
    this.roleDefinitions = new TtlCache(
      options.roleDefinitionTtl ?? Duration.fromObject({ hours: 1 }),
      options.clock,
    );
    this.scopeNames = new TtlCache(Duration.fromObject({ hours: 1 }), options.clock);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  // ---- reads for the user -------------------------------------------------------------------

  async listEligibleRoles(user: DelegatedUser): Promise<EligibleRole[]> {
    const token = await user.accessToken();
    const [direct, groups, groupAccess] = await Promise.all([
      this.userGet<RawInstance>(graphPaths.myEligibilityInstances('directoryRole'), token),
      this.options.directory.listTransitiveGroups(user.userId),
      this.userGet<RawInstance>(graphPaths.myEligibilityInstances('groupMember'), token),
    ]);
    const viaGroups = await this.groupEligibilities(groups.filter((g) => g.isAssignableToRole !== false));

    const roles: EligibleRole[] = [];
    const seen = new Set<string>();
    const push = async (raw: RawInstance, via: EligibleRole['via']) => {
      const key = `${raw.roleDefinitionId}|${raw.directoryScopeId ?? '/'}`;
      if (seen.has(key)) return;
      seen.add(key);
      const roleId = raw.roleDefinitionId ?? '';
      const scope = raw.directoryScopeId ?? '/';
      roles.push({
        kind: 'directoryRole',
        roleId,
        roleName: (await this.roleDefinitionOrUndefined(roleId))?.displayName ?? roleId,
        directoryScopeId: scope,
        scopeName: await this.scopeName(scope),
        via,
        eligibleUntil: parseInstant(raw.endDateTime),
        eligibilityScheduleId: raw.roleEligibilityScheduleId ?? undefined,
      });
    };
    // Group-derived instances (memberType Group), if the service lists them here, are attributed by the group pass.
    for (const raw of direct.filter((item) => (item.memberType ?? 'Direct').toLowerCase() !== 'group')) {
      await push(raw, { type: 'direct' });
    }
    for (const { group, instances } of viaGroups) {
      for (const raw of instances)
        await push(raw, { type: 'group', groupId: group.id, groupName: group.displayName });
    }
    roles.push(...(await this.groupAccessRoles(groupAccess)));
    return roles;
  }

  async listActiveRoles(user: DelegatedUser): Promise<ActiveRole[]> {
    const token = await user.accessToken();
    const [roles, groupAccess] = await Promise.all([
      this.userGet<RawInstance>(graphPaths.myAssignmentInstances('directoryRole'), token),
      this.userGet<RawInstance>(graphPaths.myAssignmentInstances('groupMember'), token),
    ]);
    const active: ActiveRole[] = [];
    for (const raw of roles) {
      const item = toActiveAssignment(raw, 'directoryRole');
      active.push({
        ...this.activeRoleBase(item),
        roleName: (await this.roleDefinitionOrUndefined(item.roleId))?.displayName ?? item.roleId,
        scopeName: await this.scopeName(item.directoryScopeId),
      });
    }
    const groupNames = await this.groupNames(groupAccess.map((raw) => raw.groupId ?? ''));
    for (const raw of groupAccess) {
      const item = toActiveAssignment(raw, kindOfAccess(raw.accessId));
      const name = groupNames.get(item.roleId) ?? item.roleId;
      active.push({ ...this.activeRoleBase(item), roleName: name, scopeName: name });
    }
    return active;
  }

  async getActivationRules(role: RoleRef): Promise<ActivationRules> {
    return this.policies.get(`${role.kind}|${role.roleId}`, async () => {
      const filter =
        role.kind === 'directoryRole'
          ? `scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq ${odataString(role.roleId)}`
          : `scopeId eq ${odataString(role.roleId)} and scopeType eq 'Group' and roleDefinitionId eq '${role.kind === 'groupOwner' ? 'owner' : 'member'}'`;
      const assignments = await this.options.http.getAll<{
        id: string;
        policy?: { id?: string; rules?: Parameters<typeof activationRulesFromPolicy>[0] } | null;
      }>({
        path: graphPaths.policyAssignments(),
        query: { $filter: filter, $expand: 'policy($expand=rules)' },
        token: await this.options.appToken(),
        operation: 'read',
      });
      const policy = assignments[0]?.policy;
      if (!policy?.rules) {
        throw new DomainError(ErrorCodes.RoleNotFound, `No PIM policy was found for role ${role.roleId}.`, {
          remedy: 'Check the role name with `roles`; an administrator may need to configure it in PIM.',
          details: { kind: role.kind, roleId: role.roleId },
        });
      }
      return activationRulesFromPolicy(policy.rules, policy.id ?? assignments[0].id);
    });
  }

  async findRoleDefinitions(name: string): Promise<RoleDefinition[]> {
    const wanted = name.trim().toLowerCase();
    return (await this.allRoleDefinitions()).filter((role) => role.displayName.toLowerCase() === wanted);
  }

  async getRoleDefinition(roleId: string): Promise<RoleDefinition> {
    const found = await this.roleDefinitionOrUndefined(roleId);
    if (!found) {
      throw new DomainError(ErrorCodes.RoleNotFound, `There is no role with id ${roleId} in this tenant.`, {
        remedy: 'Check the role name with `roles`.',
        details: { roleId },
      });
    }
    return found;
  }

  // ---- writes for the user ------------------------------------------------------------------

  async activate(user: DelegatedUser, input: ActivationInput): Promise<PimRequest> {
    const duration = isoDuration(input.duration);
    const body: RequestBody = {
      ...this.targetFields(user, input),
      action: 'selfActivate',
      scheduleInfo: {
        // Omitted start = now by Graph's clock (our clock may be ahead and make it "scheduled").
        ...(input.startAt ? { startDateTime: utcIso(input.startAt) } : {}),
        expiration: { type: 'afterDuration', duration },
      },
      ...(input.justification ? { justification: input.justification } : {}),
      ...(input.ticket
        ? { ticketInfo: { ticketNumber: input.ticket.number, ticketSystem: input.ticket.system ?? null } }
        : {}),
      ...(input.validateOnly ? { isValidationOnly: true } : {}),
    };
    return this.postRequest(user, input, body, 'activate');
  }

  async deactivate(user: DelegatedUser, target: RoleTarget): Promise<PimRequest> {
    return this.postRequest(
      user,
      target,
      { ...this.targetFields(user, target), action: 'selfDeactivate' },
      'deactivate',
    );
  }

  async extend(user: DelegatedUser, input: ExtendInput): Promise<PimRequest> {
    if (!input.justification.trim()) {
      throw new DomainError(
        ErrorCodes.JustificationRequired,
        'Extending an eligibility needs a justification.',
        {
          remedy: 'Say why you still need the role.',
        },
      );
    }
    const body = {
      ...this.targetFields(user, input),
      action: 'selfExtend',
      justification: input.justification,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: isoDuration(input.duration) } },
      ...(input.ticket
        ? { ticketInfo: { ticketNumber: input.ticket.number, ticketSystem: input.ticket.system ?? null } }
        : {}),
    };
    // An extension is not re-sent after an unknown outcome: the caller is told to check.
    const result = await this.options.http.send<RawScheduleRequest>({
      method: 'POST',
      path: graphPaths.eligibilityRequests(input.kind),
      body,
      token: await user.accessToken(),
      userInitiated: true,
      operation: 'extend',
    });
    return toPimRequest(this.requireBody(result.body), input.kind);
  }

  async cancel(user: DelegatedUser, request: RequestRef): Promise<void> {
    const call = async () =>
      this.options.http.send({
        method: 'POST',
        path: graphPaths.cancelRequest(request.kind, request.requestId),
        token: await user.accessToken(),
        userInitiated: true,
        operation: 'cancel',
      });
    try {
      await call();
    } catch (error) {
      if (!isDomainError(error, ErrorCodes.OutcomeUnknown)) throw error;
      const current = await this.getRequest(request, user);
      this.options.logger.warn(
        { requestId: request.requestId, status: current.status },
        'cancel outcome unknown; checked the request before deciding to re-send',
      );
      if (current.status.toLowerCase() === 'canceled') return;
      await call();
    }
  }

  async getRequest(request: RequestRef, user?: DelegatedUser): Promise<PimRequest> {
    const result = await this.options.http.send<RawScheduleRequest>({
      method: 'GET',
      path: graphPaths.assignmentRequest(request.kind, request.requestId),
      token: user ? await user.accessToken() : await this.options.appToken(),
      userInitiated: Boolean(user),
      operation: 'read',
    });
    const raw = this.requireBody(result.body);
    return toPimRequest(raw, request.kind === 'directoryRole' ? 'directoryRole' : kindOfAccess(raw.accessId));
  }

  async listMyRequests(user: DelegatedUser, kind: RoleKind): Promise<PimRequest[]> {
    const raw = await this.userGet<RawScheduleRequest>(
      graphPaths.myAssignmentRequests(kind, 'principal'),
      await user.accessToken(),
    );
    return raw
      .map((item) => toPimRequest(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)))
      .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
  }

  async waitForSettled(
    request: RequestRef,
    user?: DelegatedUser,
    options?: WaitOptions,
  ): Promise<PimRequest> {
    const { timeoutMs, intervalMs } = waitBounds(options);
    const started = Date.now();
    for (let poll = 1; ; poll += 1) {
      const current = await this.getRequest(request, user);
      if (SETTLED.has(current.status.toLowerCase()) || Date.now() - started + intervalMs > timeoutMs) {
        this.options.logger.info(
          { requestId: request.requestId, status: current.status, polls: poll },
          'request status polled',
        );
        return current;
      }
      await this.sleep(intervalMs);
    }
  }

  async waitUntilEffective(
    user: DelegatedUser,
    target: RoleTarget,
    options?: WaitOptions,
  ): Promise<ActiveRole | undefined> {
    const { timeoutMs, intervalMs } = waitBounds(options);
    const started = Date.now();
    for (;;) {
      const match = (await this.listActiveRoles(user)).find(
        (role) =>
          role.kind === target.kind &&
          role.roleId === target.roleId &&
          (target.kind !== 'directoryRole' || role.directoryScopeId === target.directoryScopeId),
      );
      if (match) return match;
      if (Date.now() - started + intervalMs > timeoutMs) return undefined;
      await this.sleep(intervalMs);
    }
  }

  // ---- approvals ----------------------------------------------------------------------------

  async listPendingApprovals(approver: DelegatedUser): Promise<PimRequest[]> {
    const token = await approver.accessToken();
    const query = { $filter: "status eq 'PendingApproval'" };
    const [roles, groups] = await Promise.all([
      this.options.http.getAll<RawScheduleRequest>({
        path: graphPaths.myAssignmentRequests('directoryRole', 'approver'),
        query,
        token,
        userInitiated: true,
        operation: 'read',
      }),
      this.options.http.getAll<RawScheduleRequest>({
        path: graphPaths.myAssignmentRequests('groupMember', 'approver'),
        query,
        token,
        userInitiated: true,
        operation: 'read',
      }),
    ]);
    return [
      ...roles.map((raw) => toPimRequest(raw, 'directoryRole')),
      ...groups.map((raw) => toPimRequest(raw, kindOfAccess(raw.accessId))),
    ];
  }

  async getApproval(approver: DelegatedUser, approval: ApprovalRef): Promise<Approval> {
    const result = await this.options.http.send<RawApproval>({
      method: 'GET',
      path: graphPaths.approval(approval.kind, approval.approvalId),
      query: { $expand: approval.kind === 'directoryRole' ? 'steps' : 'stages' },
      token: await approver.accessToken(),
      userInitiated: true,
      operation: 'getApproval',
    });
    return toApproval(this.requireBody(result.body), approval.kind);
  }

  async decideApproval(approver: DelegatedUser, decision: ApprovalDecision): Promise<void> {
    const approval = await this.getApproval(approver, decision);
    const step = approval.steps.find((s) => s.status === 'InProgress' && s.assignedToMe);
    if (!step) throw this.noDecidableStep(approval);
    try {
      await this.options.http.send({
        method: 'PATCH',
        path: graphPaths.approvalStep(decision.kind, decision.approvalId, step.id),
        body: { reviewResult: decision.decision, justification: decision.justification },
        token: await approver.accessToken(),
        userInitiated: true,
        operation: 'decideApproval',
      });
    } catch (error) {
      if (isDomainError(error, ErrorCodes.ApprovalAlreadyDecided)) {
        // Say who decided first.
        const after = await this.getApproval(approver, decision).catch(() => undefined);
        const decided = after?.steps.find((s) => s.status === 'Completed');
        Object.assign(error.details, {
          reviewResult: decided?.reviewResult,
          reviewedByUserId: decided?.reviewedByUserId,
          reviewedByName: decided?.reviewedByName,
          reviewedAt: decided?.reviewedAt?.toISO() ?? undefined,
        });
      }
      throw error;
    }
  }

  // ---- tenant-wide reads (app-only) ---------------------------------------------------------

  async listActivatedAssignments(kind: RoleKind): Promise<ActiveAssignment[]> {
    const raw = await this.options.http.getAll<RawInstance>({
      path: graphPaths.assignmentInstances(kind),
      query: { $filter: `assignmentType eq '${kind === 'directoryRole' ? 'Activated' : 'activated'}'` },
      token: await this.options.appToken(),
      operation: 'read',
    });
    return raw
      .map((item) => toActiveAssignment(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)))
      .filter((item) => item.assignmentType === 'Activated');
  }

  async listEligibilitiesEndingBefore(before: DateTime): Promise<EligibilityInstance[]> {
    const raw = await this.options.http.getAll<RawInstance>({
      path: graphPaths.eligibilityInstances('directoryRole'),
      token: await this.options.appToken(),
      operation: 'read',
    });
    return raw
      .map((item) => toEligibilityInstance(item, 'directoryRole'))
      .filter((item) => item.endDateTime !== undefined && item.endDateTime < before);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private targetFields(user: DelegatedUser, target: RoleTarget): Record<string, unknown> {
    return target.kind === 'directoryRole'
      ? {
          principalId: user.userId,
          roleDefinitionId: target.roleId,
          directoryScopeId: target.directoryScopeId,
        }
      : {
          principalId: user.userId,
          groupId: target.roleId,
          accessId: target.kind === 'groupOwner' ? 'owner' : 'member',
        };
  }

  /**
   * POSTs a schedule request. When the outcome is unknown (timeout, reset, 504) the user's
   * requests are checked first; only if none matches is the request sent again, once.
   */
  private async postRequest(
    user: DelegatedUser,
    target: RoleTarget,
    body: RequestBody,
    operation: GraphOperation,
  ): Promise<PimRequest> {
    const send = async () => {
      const result = await this.options.http.send<RawScheduleRequest>({
        method: 'POST',
        path: graphPaths.assignmentRequests(target.kind),
        body,
        token: await user.accessToken(),
        userInitiated: true,
        operation,
      });
      return toPimRequest(this.requireBody(result.body), target.kind);
    };
    const sentAt = this.options.clock.now();
    try {
      return await send();
    } catch (error) {
      if (!isDomainError(error, ErrorCodes.OutcomeUnknown)) throw error;
      if (body.isValidationOnly) return send(); // a dry run persists nothing
      const existing = (await this.listMyRequests(user, target.kind)).find(
        (request) =>
          request.action.toLowerCase() === body.action.toLowerCase() &&
          request.roleId === target.roleId &&
          (target.kind !== 'directoryRole' || request.directoryScopeId === target.directoryScopeId) &&
          request.createdAt >= sentAt.minus(UNKNOWN_OUTCOME_WINDOW),
      );
      this.options.logger.warn(
        { action: body.action, found: existing?.id ?? null, clientRequestId: error.details.clientRequestId },
        'outcome of a PIM request unknown; checked the user’s requests before re-sending',
      );
      return existing ?? send();
    }
  }

  private async userGet<T>(path: string, token: string): Promise<T[]> {
    return this.options.http.getAll<T>({ path, token, userInitiated: true, operation: 'read' });
  }

  private async groupEligibilities(groups: DirectoryGroup[]) {
    if (groups.length === 0) return [];
    const token = await this.options.appToken();
    return Promise.all(
      groups.map(async (group) => ({
        group,
        instances: await this.options.http.getAll<RawInstance>({
          path: graphPaths.eligibilityInstances('directoryRole'),
          query: { $filter: `principalId eq ${odataString(group.id)}` },
          token,
          operation: 'read',
        }),
      })),
    );
  }

  private async groupAccessRoles(raw: RawInstance[]): Promise<EligibleRole[]> {
    const names = await this.groupNames(raw.map((item) => item.groupId ?? ''));
    return raw.map((item) => {
      const groupId = item.groupId ?? '';
      const name = names.get(groupId) ?? groupId;
      return {
        kind: kindOfAccess(item.accessId),
        roleId: groupId,
        roleName: name,
        directoryScopeId: '/',
        scopeName: name,
        via: { type: 'direct' },
        eligibleUntil: parseInstant(item.endDateTime),
        eligibilityScheduleId: item.eligibilityScheduleId ?? undefined,
      };
    });
  }

  private async groupNames(ids: string[]): Promise<Map<string, string>> {
    const wanted = ids.filter(Boolean);
    if (wanted.length === 0) return new Map();
    const groups = await this.options.directory.getGroups(wanted);
    return new Map(groups.map((group) => [group.id, group.displayName]));
  }

  private activeRoleBase(item: ActiveAssignment): Omit<ActiveRole, 'roleName' | 'scopeName'> {
    return {
      kind: item.kind,
      roleId: item.roleId,
      directoryScopeId: item.directoryScopeId,
      assignmentType: item.assignmentType,
      startDateTime: item.startDateTime,
      endDateTime: item.endDateTime,
      instanceId: item.instanceId,
    };
  }

  private async allRoleDefinitions(): Promise<RoleDefinition[]> {
    return this.roleDefinitions.get('all', async () => {
      const raw = await this.options.http.getAll<{
        id: string;
        displayName?: string | null;
        description?: string | null;
        isBuiltIn?: boolean | null;
      }>({
        path: graphPaths.roleDefinitions(),
        query: { $select: 'id,displayName,description,isBuiltIn' },
        token: await this.options.appToken(),
        operation: 'read',
      });
      return raw.map((role) => ({
        id: role.id,
        displayName: role.displayName ?? role.id,
        description: role.description ?? undefined,
        isBuiltIn: role.isBuiltIn === true,
      }));
    });
  }

  private async roleDefinitionOrUndefined(roleId: string): Promise<RoleDefinition | undefined> {
    return (await this.allRoleDefinitions()).find((role) => role.id === roleId);
  }

  private async scopeName(scopeId: string): Promise<string> {
    if (scopeId === '/' || scopeId === '') return 'Directory';
    const au = /^\/administrativeUnits\/([^/]+)$/.exec(scopeId);
    if (!au) return scopeId;
    return this.scopeNames.get(scopeId, async () => {
      try {
        const result = await this.options.http.send<{ displayName?: string }>({
          method: 'GET',
          path: graphPaths.administrativeUnit(au[1]),
          query: { $select: 'id,displayName' },
          token: await this.options.appToken(),
          operation: 'read',
        });
        return result.body?.displayName ?? scopeId;
      } catch (error) {
        this.options.logger.warn(
          { scopeId, code: isDomainError(error) ? error.code : 'unknown' },
          'could not read the administrative unit name',
        );
        return `Administrative unit ${au[1]}`;
      }
    });
  }

  private noDecidableStep(approval: Approval): DomainError {
    const completed = approval.steps.find((s) => s.status === 'Completed');
    if (completed) {
      return new DomainError(ErrorCodes.ApprovalAlreadyDecided, 'This request has already been decided.', {
        remedy: 'No action needed; the card shows the decision.',
        details: {
          reviewResult: completed.reviewResult,
          reviewedByUserId: completed.reviewedByUserId,
          reviewedByName: completed.reviewedByName,
          reviewedAt: completed.reviewedAt?.toISO() ?? undefined,
        },
      });
    }
    if (approval.steps.some((s) => s.status === 'InProgress')) {
      return new DomainError(ErrorCodes.NotAnApprover, 'You are not an approver for this request.', {
        remedy: 'Only the approvers named in the role policy can decide it.',
        details: { approvalId: approval.id },
      });
    }
    return new DomainError(
      ErrorCodes.ApprovalNotFound,
      'This approval is no longer waiting for a decision.',
      {
        remedy: 'No action needed; it was canceled or expired.',
        details: { approvalId: approval.id },
      },
    );
  }

  private requireBody<T>(body: T | undefined): T {
    if (body === undefined) {
      throw new DomainError(ErrorCodes.GraphError, 'Microsoft Graph answered without the expected body.', {
        remedy: 'Try again.',
      });
    }
    return body;
  }
}

/** ISO 8601 Edm.Duration in days/hours/minutes/seconds (Graph refuses years and months). */
export function isoDuration(duration: Duration): string {
  if (!duration.isValid || duration.as('seconds') <= 0) {
    throw new DomainError(ErrorCodes.DurationInvalid, 'The duration must be a positive length of time.', {
      remedy: 'Give a duration like 2h or 30m.',
    });
  }
  const iso = duration.shiftTo('days', 'hours', 'minutes', 'seconds').toISO();
  if (!iso) throw new DomainError(ErrorCodes.DurationInvalid, 'The duration cannot be written as ISO 8601.');
  return iso;
}

function utcIso(value: DateTime): string {
  return value.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

function waitBounds(options?: WaitOptions): { timeoutMs: number; intervalMs: number } {
  return {
    timeoutMs: options?.timeout?.as('milliseconds') ?? 60_000,
    intervalMs: options?.interval?.as('milliseconds') ?? 1_000,
  };
}
