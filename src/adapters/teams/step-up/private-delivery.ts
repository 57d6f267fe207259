import type { Actor } from '../../../app/shared/actor';
import type { ConversationRepository } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { TeamsTurn } from '../teams-turn';

/**
 * A Verify link is for the requester alone: in a channel or group chat it goes to their
 * personal chat with Elevate, and the conversation only reads that it was sent (a teammate
 * never sees, nor can spend, the link). Returns the card to show where the request was made.
 */
export async function deliverVerifyPrivately(
  deps: {
    conversations: Pick<ConversationRepository, 'getForUser'>;
    messenger: Pick<ProactiveMessenger, 'send'>;
    logger: Logger;
  },
  turn: TeamsTurn,
  actor: Actor,
  verify: AdaptiveCardJson,
  roleName: string,
): Promise<AdaptiveCardJson> {
  if (turn.conversationKind === 'personal') return verify;
  const personal = await deps.conversations.getForUser(actor.tenantId, actor.userId);
  if (personal) {
    const sent = await deps.messenger.send(personal.reference, { card: verify }).then(
      () => true,
      (error: unknown) => {
        deps.logger.warn({ err: error, userId: actor.userId }, 'could not send the Verify link privately');
        return false;
      },
    );
    if (sent) {
      return renderCard('notice', {
        title: `${actor.displayName}, verify it's you to continue with ${roleName}`,
        text: 'Elevate sent you a Verify link in your personal chat with Elevate. It works once, for you only, and the result is posted here.',
        hint: '',
        tone: 'info',
      });
    }
  }
  return renderCard('notice', {
    title: `${actor.displayName}, ${roleName} needs you to verify it's you`,
    text: 'Elevate sends Verify links only in a personal chat, and could not reach yours. Open a chat with Elevate (search for it in Teams chat), say "hi", then send your request again.',
    hint: '',
    tone: 'info',
  });
}
