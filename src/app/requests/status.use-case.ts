import type { ActiveRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimPolicies, PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { Actor } from '../shared/actor';
import type { NamedPerson } from '../activation/activation-outcome';
import type { ApproverResolver } from '../activation/approver-resolver';
import { listOpenRequests } from './my-requests';
import { isAwaitingApproval, isScheduled } from '../../domain/activation/request-status';

export interface StatusOverview {
  /** `approvers`: who the role's policy asks (empty when the policy names nobody or cannot be read). */
  pending: (PimRequest & { roleName: string; scopeName: string; approvers: NamedPerson[] })[];
  scheduled: (PimRequest & { roleName: string; scopeName: string })[];
  active: ActiveRole[];
}

/** Pending, scheduled and active, in one answer. */
export class StatusUseCase {
  constructor(
    private readonly deps: {
      pim: PimRoles & PimPolicies & PimRequests;
      trackedRequests: TrackedRequestRepository;
      clock: Clock;
      approvers?: ApproverResolver;
    },
  ) {}

  async execute(actor: Actor): Promise<StatusOverview> {
    const [open, active] = await Promise.all([
      listOpenRequests(this.deps.pim, actor, this.deps.clock.now()),
      this.deps.pim.listActiveRoles(actor.delegated),
    ]);
    const named = await Promise.all(open.map((request) => this.withNames(request)));
    const pending = named.filter((r) => isAwaitingApproval(r.status));
    return {
      pending: await Promise.all(
        pending.map(async (request) => ({ ...request, approvers: await this.approversOf(request) })),
      ),
      scheduled: named.filter((r) => isScheduled(r.status)),
      active,
    };
  }

  private async approversOf(request: PimRequest): Promise<NamedPerson[]> {
    const resolver = this.deps.approvers;
    if (!resolver) return [];
    try {
      const rules = await this.deps.pim.getActivationRules({ kind: request.kind, roleId: request.roleId });
      return await resolver.resolve(rules.approvers);
    } catch {
      // The status still shows the request; the presenter says the policy's approvers decide.
      return [];
    }
  }

  private async withNames(
    request: PimRequest,
  ): Promise<PimRequest & { roleName: string; scopeName: string }> {
    const tracked = await this.deps.trackedRequests.get(request.id);
    if (tracked) {
      const scopeName =
        typeof tracked.data.scopeName === 'string' ? tracked.data.scopeName : tracked.directoryScopeId;
      return { ...request, roleName: tracked.roleName, scopeName };
    }
    const definition =
      request.kind === 'directoryRole'
        ? await this.deps.pim.getRoleDefinition(request.roleId).catch(() => undefined)
        : undefined;
    return {
      ...request,
      roleName: definition?.displayName ?? request.roleId,
      scopeName: request.directoryScopeId === '/' ? 'Whole directory' : request.directoryScopeId,
    };
  }
}
