import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { CardCopyRepository } from '../../../ports/stores';

/**
 * Remembers the card just shown for a request so later changes update it in place, the same way
 * for a chat command, a card click and a step-up resume: in a channel or group chat it is the
 * thread's announcement (kept current pending → active until → ended); in a personal chat the
 * requester's card changes for a pending request (the decision) and a scheduled one (its start).
 */
export async function rememberRequestCard(
  cardCopies: CardCopyRepository,
  outcome: ActivationOutcome,
  shown: { conversationRef: object; activityId: string | undefined; shared: boolean; userId?: string },
): Promise<void> {
  const { activityId, shared } = shown;
  if (!activityId || !('requestId' in outcome) || !outcome.requestId) return;
  if (!shared && outcome.kind !== 'pendingApproval' && outcome.kind !== 'scheduled') return;
  await cardCopies.add({
    requestId: outcome.requestId,
    kind: shared ? 'channel' : 'requester',
    conversationRef: shown.conversationRef,
    activityId,
    recipientId: shared ? undefined : shown.userId,
  });
}

/** Whether a stored conversation reference is a channel or group chat (not a personal chat). */
export function isSharedConversation(reference: object): boolean {
  const conversation = (reference as { conversation?: { conversationType?: string; isGroup?: boolean } })
    .conversation;
  const type = conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || conversation?.isGroup === true;
}
