import type { Actor } from '../../../app/shared/actor';
import type { ConversationRepository } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { TeamsTurn } from '../teams-turn';

/** What sending a card to one person's personal chat with Elevate needs. */
export interface PrivateDeliveryDeps {
  conversations: Pick<ConversationRepository, 'getForUser'>;
  messenger: Pick<ProactiveMessenger, 'send'>;
  logger: Logger;
}

/**
 * Sends a card to the person's personal chat with Elevate (the conversation reference stored when
 * they last wrote to it). False when Elevate has no such chat or Teams refused the message.
 */
export async function sendPrivately(
  deps: PrivateDeliveryDeps,
  person: { tenantId: string; userId: string },
  card: AdaptiveCardJson,
): Promise<boolean> {
  const personal = await deps.conversations.getForUser(person.tenantId, person.userId);
  if (!personal) return false;
  return deps.messenger.send(personal.reference, { card }).then(
    () => true,
    (error: unknown) => {
      deps.logger.warn({ err: error, userId: person.userId }, 'could not send a card privately');
      return false;
    },
  );
}

/**
 * A Verify link is for the requester alone: in a channel or group chat it goes to their
 * personal chat with Elevate, and the conversation only reads that it was sent (a teammate
 * never sees, nor can spend, the link). Returns the card to show where the request was made.
 */
export async function deliverVerifyPrivately(
  deps: PrivateDeliveryDeps,
  turn: TeamsTurn,
  actor: Actor,
  verify: AdaptiveCardJson,
  roleName: string,
): Promise<AdaptiveCardJson> {
  if (turn.conversationKind === 'personal') return verify;
  if (await sendPrivately(deps, actor, verify)) {
    return renderCard('notice', {
      title: `${actor.displayName}, verify it's you to continue with ${roleName}`,
      text: 'Elevate sent you a Verify link in your personal chat with Elevate. It works once, for you only, and the result is posted here.',
      hint: '',
      tone: 'info',
    });
  }
  return renderCard('notice', {
    title: `${actor.displayName}, ${roleName} needs you to verify it's you`,
    text: 'Elevate sends Verify links only in a personal chat, and could not reach yours. Open a chat with Elevate (search for it in Teams chat), say "hi", then send your request again.',
    hint: '',
    tone: 'info',
  });
}
