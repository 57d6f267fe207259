import type { PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { Actor } from '../shared/actor';
import type { EligibleRole } from '../../domain/roles';
import { sameRole } from '../../domain/roles/same-role';

export interface RequestNames {
  roleName: string;
  scopeName: string;
}

/**
 * The names a person reads for a request's role and scope: as tracked (Elevate made it), else the
 * role definition's (directory-wide), else from the actor's eligibilities (a group, a scoped
 * role); never an id. `status` and `cancel` name requests the same way. The eligibilities are
 * read at most once for all the requests one answer names.
 */
export function requestNamer(
  deps: { pim: PimRoles & PimRequests; trackedRequests: TrackedRequestRepository },
  actor: Actor,
): (request: PimRequest) => Promise<RequestNames> {
  let eligible: Promise<EligibleRole[]> | undefined;
  const eligibilities = () => (eligible ??= deps.pim.listEligibleRoles(actor.delegated).catch(() => []));
  return async (request) => {
    const tracked = await deps.trackedRequests.get(request.id);
    if (tracked) {
      const scopeName = typeof tracked.data.scopeName === 'string' ? tracked.data.scopeName : undefined;
      return { roleName: tracked.roleName, scopeName: scopeName ?? scopeFallback(request) };
    }
    if (request.kind === 'directoryRole' && request.directoryScopeId === '/') {
      const definition = await deps.pim.getRoleDefinition(request.roleId).catch(() => undefined);
      if (definition?.displayName)
        return { roleName: definition.displayName, scopeName: scopeFallback(request) };
    }
    const role = (await eligibilities()).find((r) => sameRole(r, request));
    if (role) return { roleName: role.roleName, scopeName: role.scopeName };
    const definition =
      request.kind === 'directoryRole'
        ? await deps.pim.getRoleDefinition(request.roleId).catch(() => undefined)
        : undefined;
    return {
      roleName: definition?.displayName ?? (request.kind === 'directoryRole' ? 'a role' : 'a group'),
      scopeName: scopeFallback(request),
    };
  };
}

/** '/' reads "Directory", as the Graph adapter names it; another scope is never shown as its id. */
function scopeFallback(request: PimRequest): string {
  if (request.kind !== 'directoryRole') return 'Group';
  return request.directoryScopeId === '/' ? 'Directory' : 'A limited scope';
}
