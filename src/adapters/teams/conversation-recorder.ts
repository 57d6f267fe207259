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
