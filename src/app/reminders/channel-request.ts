import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import type { ActivationFacts } from './work-items';

/** Request statuses under which an activation is (or was) live. */
const LIVE = new Set(['provisioned', 'granted']);

/**
 * The tracked request an activation came from, when it was started from a conversation (its
 * channel thread is kept current): same principal, role and scope, made before the activation
 * ended; the most recent such request.
 */
export async function findChannelRequest(
  trackedRequests: TrackedRequestRepository,
  facts: ActivationFacts,
): Promise<TrackedRequest | undefined> {
  const mine = await trackedRequests.listForPrincipal(facts.principalId);
  return mine
    .filter(
      (r) =>
        r.originConversationId !== null &&
        r.roleId === facts.roleId &&
        r.directoryScopeId === facts.directoryScopeId &&
        LIVE.has(r.status.toLowerCase()) &&
        r.createdAt <= facts.endAt,
    )
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())[0];
}
