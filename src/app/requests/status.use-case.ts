import type { ActiveRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimPolicies, PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { Actor } from '../shared/actor';
import type { NamedPerson } from '../activation/activation-outcome';
import type { ApproverResolver } from '../activation/approver-resolver';
import { isActivatingRequest, isOpenRequest, listMyActivationRequests } from './my-requests';
import { requestNamer, type RequestNames } from './request-names';
import { sameRole } from '../../domain/roles/same-role';
import { isAwaitingApproval, isScheduled } from '../../domain/activation/request-status';

type NamedRequest = PimRequest & RequestNames;

export interface StatusOverview {
  /** `approvers`: who the role's policy asks (empty when the policy names nobody or cannot be read). */
  pending: (NamedRequest & { approvers: NamedPerson[] })[];
  scheduled: NamedRequest[];
  /** Granted, and PIM is still setting the assignment up (not listed as active yet). */
  activating: NamedRequest[];
  active: ActiveRole[];
}

/** Pending, scheduled, being set up and active, in one answer. */
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
    const now = this.deps.clock.now();
    const [requests, active] = await Promise.all([
      listMyActivationRequests(this.deps.pim, actor),
      this.deps.pim.listActiveRoles(actor.delegated),
    ]);
    const shown = requests.filter(
      (r) => isOpenRequest(r, now) || (isActivatingRequest(r, now) && !active.some((a) => sameRole(a, r))),
    );
    const names = requestNamer(this.deps, actor);
    const named = await Promise.all(
      shown.map(async (request) => ({ ...request, ...(await names(request)) })),
    );
    const open = named.filter((r) => isOpenRequest(r, now));
    const pending = open.filter((r) => isAwaitingApproval(r.status));
    return {
      pending: await Promise.all(
        pending.map(async (request) => ({ ...request, approvers: await this.approversOf(request) })),
      ),
      scheduled: open.filter((r) => isScheduled(r.status)),
      activating: named.filter((r) => !isOpenRequest(r, now)),
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
}
