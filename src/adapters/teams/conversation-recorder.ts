import type { Logger } from '../observability/logger';
import type { ConversationRepository, UserRepository } from '../../ports/stores';
import type { TeamsTurn } from './teams-turn';
import { channelOf, newPostReference } from './proactive/channel-reference';

/** Entries remembered as written; beyond this the memory starts over (writes resume). */
const MAX_REMEMBERED = 10_000;
/** An unchanged reference is still written again after this long (other instances may have written theirs). */
const REWRITE_AFTER_MS = 10 * 60_000;

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
 *
 * What this process wrote a moment ago is not written (or looked up) again while it is
 * unchanged (the turn's activity id aside): most turns come from people who chatted a minute
 * before, and two reads and two writes per turn were most of the cost of a `help`. Likewise a
 * first-contact record that found both entries stored does not look again. Unchanged entries are
 * still rewritten, and looked up, after 10 minutes (another instance may have written in between).
 */
export class ConversationRecorder {
  /** Key → fingerprint of what this process last wrote and when (ms). */
  private readonly written = new Map<string, { fingerprint: string; at: number }>();
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      conversations: ConversationRepository;
      users: UserRepository;
      defaultTenantId?: string;
      logger: Logger;
      /** Wall-clock ms, for how long a write is remembered (injectable for tests). */
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Forgets what this process wrote for the turn's conversation and sender, so the next record
   * looks at the store again (installation events: the reference may have been deleted).
   */
  forget(turn: TeamsTurn): void {
    const keys = this.keys(turn);
    if (!keys) return;
    this.written.delete(keys.conversation);
    this.written.delete(keys.profile);
  }

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
    const keys = this.keys(turn);
    if (!tenantId || !serviceUrl || !keys) return;
    const reference = turn.reference();
    const userId = turn.userId;
    // The reference carries the id of the activity it was taken from; that alone is no change.
    const { activityId: _activityId, ...lasting } = reference;
    const where = JSON.stringify([serviceUrl, lasting]);
    const profile = JSON.stringify([turn.activity.from?.name, turn.timeZone, turn.activity.locale]);
    if (
      this.fresh(keys.conversation, verified ? where : undefined) &&
      this.fresh(keys.profile, verified ? profile : undefined)
    ) {
      return;
    }
    try {
      if (!verified) {
        const known =
          turn.conversationKind === 'personal'
            ? !userId || (await this.deps.conversations.getForUser(tenantId, userId)) !== null
            : (await this.deps.conversations.getForConversation(turn.conversationId)) !== null;
        const profileKnown = !userId || (await this.deps.users.get(tenantId, userId)) !== null;
        if (known && profileKnown) {
          // Both exist: the next first-contact records skip these reads for a while (a verified
          // record still writes, as '' matches no fingerprint it brings).
          for (const key of [keys.conversation, keys.profile])
            if (!this.fresh(key, undefined)) this.remember(key, '');
          return;
        }
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
        // Said in a channel thread: the channel itself (a new post there) is where routes send.
        const channel = channelOf(turn.conversationId);
        if (channel !== turn.conversationId) {
          await this.deps.conversations.upsertForConversation({
            conversationId: channel,
            tenantId,
            serviceUrl,
            reference: newPostReference(reference),
          });
        }
      }
      if (verified) this.remember(keys.conversation, where);
      if (verified || !userId || (await this.deps.users.get(tenantId, userId)) === null) {
        await this.writeProfile(turn, tenantId, userId);
        if (verified) this.remember(keys.profile, profile);
      }
    } catch (error) {
      // Recording must never block the user's request; the next activity tries again.
      this.deps.logger.warn(
        { err: error, activityId: turn.activity.id },
        'could not record the conversation reference',
      );
    }
  }

  private keys(turn: TeamsTurn): { conversation: string; profile: string } | undefined {
    const tenantId = turn.tenantId ?? this.deps.defaultTenantId;
    if (!tenantId) return undefined;
    return {
      conversation:
        turn.conversationKind === 'personal'
          ? `chat:${tenantId}:${turn.userId}`
          : `conversation:${turn.conversationId}`,
      profile: `profile:${tenantId}:${turn.userId}`,
    };
  }

  /**
   * True when this process wrote `key` within the last 10 minutes, with this `fingerprint`
   * (any fingerprint when undefined: a first-contact record only needs to know it exists).
   */
  private fresh(key: string, fingerprint: string | undefined): boolean {
    const entry = this.written.get(key);
    if (!entry || this.now() - entry.at >= REWRITE_AFTER_MS) return false;
    return fingerprint === undefined || entry.fingerprint === fingerprint;
  }

  private remember(key: string, fingerprint: string): void {
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, { fingerprint, at: this.now() });
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
