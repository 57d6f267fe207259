import type { Logger } from '../observability/logger';
import type { ConversationRepository, UserRepository } from '../../ports/stores';
import type { TeamsTurn } from './teams-turn';

/**
 * Every incoming activity refreshes the sender's conversation reference (personal chat), the
 * channel's or group chat's reference, and the sender's profile (name, time zone), so proactive
 * messages (approvals, reminders) can reach them later.
 */
export class ConversationRecorder {
  constructor(
    private readonly deps: {
      conversations: ConversationRepository;
      users: UserRepository;
      defaultTenantId?: string;
      logger: Logger;
    },
  ) {}

  /**
   * True when Elevate already holds a reference for this turn's conversation (the sender's personal
   * chat, or the channel / group chat). Teams clients (and the local playground on every page load)
   * may send the installation event again; the welcome card is only for conversations seen first.
   * A store failure counts as known, so an outage never floods chats with welcome cards.
   */
  async isKnown(turn: TeamsTurn): Promise<boolean> {
    const tenantId = turn.tenantId ?? this.deps.defaultTenantId;
    try {
      if (turn.conversationKind === 'personal') {
        const userId = turn.userId;
        if (!tenantId || !userId) return false;
        return (await this.deps.conversations.getForUser(tenantId, userId)) !== null;
      }
      return (await this.deps.conversations.getForConversation(turn.conversationId)) !== null;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, activityId: turn.activity.id },
        'could not look up the conversation reference; not sending the welcome card again',
      );
      return true;
    }
  }

  async record(turn: TeamsTurn): Promise<void> {
    const tenantId = turn.tenantId ?? this.deps.defaultTenantId;
    const serviceUrl = turn.activity.serviceUrl;
    if (!tenantId || !serviceUrl) return;
    const reference = turn.reference();
    const userId = turn.userId;
    try {
      if (turn.conversationKind === 'personal') {
        if (userId) await this.deps.conversations.upsertForUser({ tenantId, userId, serviceUrl, reference });
      } else {
        await this.deps.conversations.upsertForConversation({
          conversationId: turn.conversationId,
          tenantId,
          serviceUrl,
          reference,
        });
      }
      if (userId && turn.activity.from?.name) {
        await this.deps.users.upsertProfile({
          tenantId,
          userId,
          displayName: turn.activity.from.name,
          timeZone: turn.timeZone,
          locale: turn.activity.locale ?? undefined,
        });
      }
    } catch (error) {
      // Recording must never block the user's request; the next activity tries again.
      this.deps.logger.warn(
        { err: error, activityId: turn.activity.id },
        'could not record the conversation reference',
      );
    }
  }
}
