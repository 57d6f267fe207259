import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import type { ActivationFacts } from '../reminders/work-items';
import { isGrantedOrActive, isPending, RequestStatuses } from '../../domain/activation/request-status';

/** Tracked request statuses under which an activation may have come from that request. */
const mayHaveStarted = (status: string) => isGrantedOrActive(status) || isPending(status); // approved or provisioned since it was recorded
/** A request made this long after an activation started did not start it. */
const START_MARGIN_MS = 5 * 60 * 1000;

/**
 * The request an activation came from when Elevate made it (same person, role and scope, made
 * before it ended; preferably before it started, newest first), so its announcements continue on
 * the same cards.
 */
export async function findAnnouncedRequest(
  trackedRequests: Pick<TrackedRequestRepository, 'listForPrincipal'>,
  facts: ActivationFacts,
): Promise<TrackedRequest | undefined> {
  const startedBy = (facts.startAt ?? facts.observedAt).toMillis() + START_MARGIN_MS;
  const mine = await trackedRequests.listForPrincipal(facts.principalId);
  const candidates = mine.filter(
    (r) =>
      r.roleId === facts.roleId &&
      r.directoryScopeId === facts.directoryScopeId &&
      mayHaveStarted(r.status) &&
      r.createdAt <= facts.endAt,
  );
  // Prefer a request made before the activation started (the one that started it), newest first.
  const score = (r: TrackedRequest) => (r.createdAt.toMillis() <= startedBy ? 1 : 0);
  return candidates.sort((a, b) => score(b) - score(a) || b.createdAt.toMillis() - a.createdAt.toMillis())[0];
}

/** The id under which an activation Elevate did not make is announced. */
export const standInId = (instanceId: string) => `instance:${instanceId}`;

/**
 * An activation made in the Entra portal, with PowerShell or by another tool: announced under a
 * stand-in request (never stored) named after its instance, with the role's display name.
 */
export async function standInRequest(
  deps: { pim: Pick<PimGateway, 'getRoleDefinition'>; directory: Pick<Directory, 'getGroup'>; clock: Clock },
  facts: ActivationFacts,
): Promise<TrackedRequest> {
  const roleName =
    facts.kind === 'directoryRole'
      ? (await deps.pim.getRoleDefinition(facts.roleId)).displayName
      : `${(await deps.directory.getGroup(facts.roleId)).displayName} (${facts.kind === 'groupOwner' ? 'owner' : 'member'})`;
  const at = facts.startAt ?? facts.observedAt;
  return {
    id: standInId(facts.instanceId),
    kind: facts.kind,
    principalId: facts.principalId,
    roleId: facts.roleId,
    roleName,
    directoryScopeId: facts.directoryScopeId,
    status: RequestStatuses.Provisioned,
    originConversationId: null,
    data: { endAt: facts.endAt.toUTC().toISO(), source: 'outsideElevate' },
    version: 1,
    createdAt: at,
    updatedAt: deps.clock.now(),
  };
}

/** The request an activation is announced under: Elevate's own, or a stand-in. */
export async function announcedSubject(
  deps: {
    trackedRequests: Pick<TrackedRequestRepository, 'listForPrincipal'>;
    pim: Pick<PimGateway, 'getRoleDefinition'>;
    directory: Pick<Directory, 'getGroup'>;
    clock: Clock;
  },
  facts: ActivationFacts,
): Promise<TrackedRequest> {
  return (await findAnnouncedRequest(deps.trackedRequests, facts)) ?? standInRequest(deps, facts);
}
