import { canonicalStatus } from '../../domain/activation/request-status';
import type { RoleKind } from '../../domain/roles';
import type { Directory } from '../../ports/directory';
import type { PimGateway, PimRequest } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { WorkLog } from '../reminders/work-log';

/** At most this many requests made outside Elevate are taken on per pass (bounds Graph reads). */
export const MAX_TAKEN_ON_PER_PASS = 50;

export interface PendingMadeElsewhereDeps {
  pim: Pick<PimGateway, 'listPendingActivationRequests' | 'getRoleDefinition'>;
  directory?: Pick<Directory, 'getUsers' | 'getGroup'>;
  trackedRequests: Pick<TrackedRequestRepository, 'get' | 'insertIfAbsent'>;
  log: WorkLog;
}

/**
 * Activation requests waiting for approval that were made in the Entra portal, with PowerShell or
 * by another tool: Elevate starts tracking them (insert-if-absent, so every instance may try), so
 * subscribed conversations get their pending card and its later states like any other request.
 * Returns how many were taken on.
 */
export async function trackPendingMadeElsewhere(deps: PendingMadeElsewhereDeps): Promise<number> {
  const pending: PimRequest[] = [];
  // 'groupMember' lists PIM for Groups requests of both member and owner access.
  for (const kind of ['directoryRole', 'groupMember'] as RoleKind[]) {
    try {
      pending.push(...(await deps.pim.listPendingActivationRequests(kind)));
    } catch (error) {
      deps.log.warn({ err: error, kind }, 'reconcile: could not list pending requests');
    }
  }
  let taken = 0;
  for (const request of pending) {
    if (taken >= MAX_TAKEN_ON_PER_PASS) break;
    if (await deps.trackedRequests.get(request.id)) continue;
    const names = await namesOf(deps, request);
    const inserted = await deps.trackedRequests.insertIfAbsent({
      id: request.id,
      kind: request.kind,
      principalId: request.principalId,
      roleId: request.roleId,
      roleName: names.role,
      directoryScopeId: request.directoryScopeId,
      status: canonicalStatus(request.status),
      data: {
        requesterName: names.requester,
        justification: request.justification ?? null,
        ticket: request.ticket?.number ?? null,
        source: 'outsideElevate',
      },
    });
    if (inserted) taken += 1;
  }
  return taken;
}

async function namesOf(
  deps: PendingMadeElsewhereDeps,
  request: PimRequest,
): Promise<{ requester: string | null; role: string }> {
  const [user] = (await deps.directory?.getUsers([request.principalId]).catch(() => [])) ?? [];
  if (request.kind === 'directoryRole') {
    const definition = await deps.pim.getRoleDefinition(request.roleId).catch(() => undefined);
    return { requester: user?.displayName ?? null, role: definition?.displayName ?? 'A privileged role' };
  }
  const group = await deps.directory?.getGroup(request.roleId).catch(() => undefined);
  const access = request.kind === 'groupOwner' ? 'owner' : 'member';
  return { requester: user?.displayName ?? null, role: `${group?.displayName ?? 'A group'} (${access})` };
}
