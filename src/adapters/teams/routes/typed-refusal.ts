import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { sendPrivately, type PrivateDeliveryDeps } from '../step-up/private-delivery';
import type { TeamsTurn } from '../teams-turn';

/**
 * Answers a refused TYPED command. In a personal chat: the card, there. In a channel or group
 * chat the refusal is the person's business (it may list the roles they hold): the card goes to
 * their personal chat with Elevate, and the conversation reads one line without details.
 */
export async function sendRefusal(
  privately: PrivateDeliveryDeps,
  turn: TeamsTurn,
  card: AdaptiveCardJson,
): Promise<void> {
  if (turn.conversationKind === 'personal') {
    await turn.sendCard(card);
    return;
  }
  const { tenantId, userId } = turn;
  if (tenantId && userId && (await sendPrivately(privately, { tenantId, userId }, card))) {
    await turn.sendText(
      `${turn.userName}, Elevate could not do that; it told you why in your personal chat.`,
    );
    return;
  }
  await turn.sendText(
    `${turn.userName}, Elevate could not do that, and says why only in a personal chat: open a chat with Elevate (search for it in Teams chat), say "hi", then ask again.`,
  );
}
