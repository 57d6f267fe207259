import type { Logger } from '../observability/logger';
import type { ConversationRepository, UserRepository } from '../../ports/stores';
import type { TeamsTurn } from './teams-turn';

/**
 * Where each user and conversation can be reached later (approvals, reminders): the sender's
 * personal-chat reference, the channel's or group chat's reference, and the sender's profile
 * (name, time zone).
 *
 * Identity first: `record` (which re-points an existing reference) runs only once the sender's
 * identity has been checked (ActorResolver, the SSO token's oid against the activity). Before
 * that, `recordFirstContact` only fills in what Elevate does not know yet (a user who just
 * installed the app and never sent a command still gets approval cards), so an activity that
 * claims to be someone else can never redirect that person's messages.
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

  /** Records what is not known yet; never changes an existing reference or profile. */
  async recordFirstContact(turn: TeamsTurn): Promise<void> {
    await this.write(turn, false);
  }

  /** Records (and re-points) the turn's references and the sender's profile: after the identity check. */
  async record(turn: TeamsTurn): Promise<void> {
    await this.write(turn, true);
  }

  private async write(turn: TeamsTurn, verified: boolean): Promise<void> {
    const tenantId = turn.tenantId ?? this.deps.defaultTenantId;
    const serviceUrl = turn.activity.serviceUrl;
    if (!tenantId || !serviceUrl) return;
    const reference = turn.reference();
    const userId = turn.userId;
    try {
      if (!verified) {
        const known =
          turn.conversationKind === 'personal'
            ? !userId || (await this.deps.conversations.getForUser(tenantId, userId)) !== null
            : (await this.deps.conversations.getForConversation(turn.conversationId)) !== null;
        const profileKnown = !userId || (await this.deps.users.get(tenantId, userId)) !== null;
        if (known && profileKnown) return;
        if (known) return await this.writeProfile(turn, tenantId, userId);
      }
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
      if (verified || !userId || (await this.deps.users.get(tenantId, userId)) === null) {
        await this.writeProfile(turn, tenantId, userId);
      }
    } catch (error) {
      // Recording must never block the user's request; the next activity tries again.
      this.deps.logger.warn(
        { err: error, activityId: turn.activity.id },
        'could not record the conversation reference',
      );
    }
  }

  private async writeProfile(turn: TeamsTurn, tenantId: string, userId: string | undefined): Promise<void> {
    if (!userId || !turn.activity.from?.name) return;
    await this.deps.users.upsertProfile({
      tenantId,
      userId,
      displayName: turn.activity.from.name,
      timeZone: turn.timeZone,
      locale: turn.activity.locale ?? undefined,
    });
  }
}
