import type { ActiveRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimGateway, PimRequest } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { Actor } from '../shared/actor';
import { listOpenRequests } from './my-requests';

export interface StatusOverview {
  pending: (PimRequest & { roleName: string; scopeName: string })[];
  scheduled: (PimRequest & { roleName: string; scopeName: string })[];
  active: ActiveRole[];
}

/** Pending, scheduled and active, in one answer. */
export class StatusUseCase {
  constructor(
    private readonly deps: { pim: PimGateway; trackedRequests: TrackedRequestRepository; clock: Clock },
  ) {}

  async execute(actor: Actor): Promise<StatusOverview> {
    const [open, active] = await Promise.all([
      listOpenRequests(this.deps.pim, actor, this.deps.clock.now()),
      this.deps.pim.listActiveRoles(actor.delegated),
    ]);
    const named = await Promise.all(open.map((request) => this.withNames(request)));
    return {
      pending: named.filter((r) => r.status.toLowerCase() === 'pendingapproval'),
      scheduled: named.filter((r) => r.status.toLowerCase() === 'granted'),
      active,
    };
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
