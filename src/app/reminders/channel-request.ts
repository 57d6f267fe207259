import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import type { ActivationFacts } from './work-items';
import { isGrantedOrActive } from '../../domain/activation/request-status';

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
        isGrantedOrActive(r.status) &&
        r.createdAt <= facts.endAt,
    )
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())[0];
}
