import { Duration, type DateTime } from 'luxon';
import type { ActivationRules, ActiveRole, EligibleRole, RoleKind } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type {
  ActivationInput,
  ActiveAssignment,
  Approval,
  ApprovalDecision,
  ApprovalRef,
  EligibilityInstance,
  ExtendInput,
  PimApprovals,
  PimGateway,
  PimTenantReads,
  PimRequest,
  RequestRef,
  RoleDefinition,
  RoleRef,
  RoleTarget,
  WaitOptions,
} from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';
import { ActivationRulesReader } from './activation-rules-reader';
import { ApprovalActions } from './approval-actions';
import type { AdapterLogger } from './graph-logger';
import type { GraphHttp } from './graph-http';
import { MyRolesReader } from './my-roles-reader';
import { RequestPolling } from './request-polling';
import { RoleDefinitions } from './role-definitions';
import { ScopeNames } from './scope-names';
import { SelfActions } from './self-actions';
import { TenantWideReads } from './tenant-wide-reads';

export { isoDuration } from './iso-duration';

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
}

/**
 * PimGateway over Microsoft Graph (directory roles and PIM for Groups): the ports PimRoles,
 * PimPolicies, PimRequests, PimApprovals and PimTenantReads, each served by its own part (the
 * user's roles and role definitions, policies, self actions and request polling, approvals,
 * tenant-wide reads). Callers hold it through the narrow port they need.
 */
export class GraphPimGateway implements PimGateway {
  private readonly myRoles: MyRolesReader;
  private readonly roleDefinitions: RoleDefinitions;
  private readonly activationRules: ActivationRulesReader;
  private readonly selfActions: SelfActions;
  private readonly requests: RequestPolling;
  private readonly approvals: PimApprovals;
  private readonly tenantWide: PimTenantReads;

  constructor(options: GraphPimGatewayOptions) {
    const { http, appToken, directory, clock, logger } = options;
    this.activationRules = new ActivationRulesReader(
      http,
      appToken,
      options.policyTtl ?? Duration.fromObject({ minutes: 10 }),
      clock,
    );
    this.roleDefinitions = new RoleDefinitions(
      http,
      appToken,
      options.roleDefinitionTtl ?? Duration.fromObject({ hours: 1 }),
      clock,
    );
    const scopeNames = new ScopeNames(http, appToken, clock, logger);
    this.myRoles = new MyRolesReader(http, appToken, directory, this.roleDefinitions, scopeNames);
    this.requests = new RequestPolling(http, appToken, logger, clock, (user) =>
      this.myRoles.listActiveRoles(user),
    );
    this.selfActions = new SelfActions(http, clock, logger, this.requests);
    this.approvals = new ApprovalActions(http);
    this.tenantWide = new TenantWideReads(http, appToken);
  }

  // ---- PimRoles -----------------------------------------------------------------------------

  listEligibleRoles(user: DelegatedUser): Promise<EligibleRole[]> {
    return this.myRoles.listEligibleRoles(user);
  }

  listActiveRoles(user: DelegatedUser): Promise<ActiveRole[]> {
    return this.myRoles.listActiveRoles(user);
  }

  listRoleDefinitions(): Promise<RoleDefinition[]> {
    return this.roleDefinitions.all();
  }

  getRoleDefinition(roleId: string): Promise<RoleDefinition> {
    return this.roleDefinitions.get(roleId);
  }

  // ---- PimPolicies --------------------------------------------------------------------------

  getActivationRules(role: RoleRef): Promise<ActivationRules> {
    return this.activationRules.get(role);
  }

  // ---- PimRequests: the user's own requests -------------------------------------------------

  activate(user: DelegatedUser, input: ActivationInput): Promise<PimRequest> {
    return this.selfActions.activate(user, input);
  }

  deactivate(user: DelegatedUser, target: RoleTarget): Promise<PimRequest> {
    return this.selfActions.deactivate(user, target);
  }

  extend(user: DelegatedUser, input: ExtendInput): Promise<PimRequest> {
    return this.selfActions.extend(user, input);
  }

  cancel(user: DelegatedUser, request: RequestRef): Promise<void> {
    return this.selfActions.cancel(user, request);
  }

  getRequest(request: RequestRef, user?: DelegatedUser): Promise<PimRequest> {
    return this.requests.getRequest(request, user);
  }

  listMyRequests(user: DelegatedUser, kind: RoleKind): Promise<PimRequest[]> {
    return this.requests.listMyRequests(user, kind);
  }

  waitForSettled(request: RequestRef, user?: DelegatedUser, options?: WaitOptions): Promise<PimRequest> {
    return this.requests.waitForSettled(request, user, options);
  }

  // ---- PimApprovals -------------------------------------------------------------------------

  listPendingApprovals(approver: DelegatedUser): Promise<PimRequest[]> {
    return this.approvals.listPendingApprovals(approver);
  }

  getApproval(approver: DelegatedUser, approval: ApprovalRef): Promise<Approval> {
    return this.approvals.getApproval(approver, approval);
  }

  decideApproval(approver: DelegatedUser, decision: ApprovalDecision): Promise<void> {
    return this.approvals.decideApproval(approver, decision);
  }

  // ---- PimTenantReads (app-only) ------------------------------------------------------------

  listActivatedAssignments(kind: RoleKind): Promise<ActiveAssignment[]> {
    return this.tenantWide.listActivatedAssignments(kind);
  }

  activatedAssignmentPages(kind: RoleKind): AsyncIterable<ActiveAssignment[]> {
    return this.tenantWide.activatedAssignmentPages(kind);
  }

  listEligibilitiesEndingBefore(before: DateTime): Promise<EligibilityInstance[]> {
    return this.tenantWide.listEligibilitiesEndingBefore(before);
  }

  listPendingActivationRequests(kind: RoleKind): Promise<PimRequest[]> {
    return this.tenantWide.listPendingActivationRequests(kind);
  }
}
