import type { ConversationReference } from 'botbuilder';
import { DateTime } from 'luxon';
import type { ChannelThreadUpdate, Delivery } from '../../../app/reminders/reminder-notifier';
import { readApprovalRecord } from '../../../app/approvals/approval-record';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { boardCard } from '../presenters/board.presenter';
import { baseConversationId, newPostReference } from '../proactive/channel-reference';
import { channelThreadCard } from './channel-thread.presenter';
import type { TeamsReminderNotifierDeps } from './teams-reminder-notifier';

const UNREACHABLE_STATUSES = new Set([403, 404]);
/** How long one instance's claim on posting an announcement holds before another may post it. */
const POST_CLAIM = { minutes: 2 };

/**
 * Channel and group-chat announcements: the one card per request in the thread it was made in and
 * in every conversation subscribed to its role, kept current in place; and subscribed boards.
 */
export class TeamsChannelAnnouncer {
  constructor(private readonly deps: TeamsReminderNotifierDeps) {}

  async channelThread(update: ChannelThreadUpdate, dueAt: DateTime): Promise<Delivery> {
    const { request } = update;
    const targets = await this.announcementTargets(request);
    if (targets.length === 0)
      return { kind: 'unreachable', reason: 'no channel or chat follows this request' };
    const holder = await this.deps.store.users.get(this.deps.tenantId, request.principalId);
    const holderName =
      holder?.displayName ??
      (typeof request.data.requesterName === 'string'
        ? request.data.requesterName
        : ((await this.deps.directory?.getUser(request.principalId).catch(() => undefined))?.displayName ??
          'Someone'));
    const endsAt = update.endsAt ?? fromIso(request.data.endAt);
    const record = readApprovalRecord(request);
    const card = channelThreadCard(
      { ...update, endsAt },
      {
        clock: this.deps.clock,
        zone: holder?.timeZone ?? 'UTC',
        holderName,
        approvers: update.state === 'pending' ? await this.approverNames(request, record) : [],
        decidedBy: record?.decision?.byName,
        decisionReason: record?.decision?.reason,
      },
    );
    const copies = (await this.deps.store.cardCopies.listForRequest(request.id)).filter(
      (c) => c.kind === 'channel',
    );
    for (const copy of copies) {
      await this.deps.messenger.update(
        copy.conversationRef as Partial<ConversationReference>,
        copy.activityId,
        card,
        { dueAt, requestId: request.id },
      );
    }
    const postable = POSTABLE_STATES.has(update.state);
    const busy: string[] = [];
    for (const target of targets) {
      if (copies.some((c) => baseConversationId(c.conversationRef) === target.conversationId)) continue;
      // The thread a request was started in always shows it; a subscribed conversation only learns
      // of live requests (no "ended" card for something it never saw begin).
      if (!target.origin && !postable) continue;
      if (!(await this.postOnce(request.id, target, card, dueAt))) busy.push(target.conversationId);
    }
    if (busy.length > 0) {
      // Another instance holds the post (or crashed holding it): try again once its claim ran out.
      throw new Error(`announcement of ${request.id} is being posted elsewhere; retrying later`);
    }
    return { kind: 'sent' };
  }

  /**
   * One post per conversation and request, across instances and work items: a short claim, made
   * permanent by the stored card copy once the connector accepted the post. A failed post gives
   * the claim back (the work item's retry posts it); a crash leaves it to run out.
   * False when someone else holds the claim.
   */
  private async postOnce(
    requestId: string,
    target: { conversationId: string; reference: object },
    card: AdaptiveCardJson,
    dueAt: DateTime,
  ): Promise<boolean> {
    const claim = `announce:${requestId}:${target.conversationId}`;
    const keys = this.deps.store.oneTimeKeys;
    if (!(await keys.consume(claim, this.deps.clock.now().plus(POST_CLAIM)))) return false;
    const reference = target.reference as Partial<ConversationReference>;
    let activityId: string | undefined;
    try {
      activityId = await this.deps.messenger.send(reference, { card }, { dueAt });
    } catch (error) {
      await keys.release(claim);
      throw error;
    }
    if (activityId) {
      await this.deps.store.cardCopies.add({
        requestId,
        kind: 'channel',
        conversationRef: reference,
        activityId,
      });
    }
    return true;
  }

  async refreshBoard(conversationId: string, dueAt: DateTime): Promise<Delivery> {
    const board = await this.deps.store.channelBoards.get(conversationId);
    if (!board?.activityId || !this.deps.who)
      return { kind: 'unreachable', reason: 'the conversation has no board' };
    const zone =
      typeof board.conversationRef.elevateZone === 'string' ? board.conversationRef.elevateZone : 'UTC';
    const card = boardCard(await this.deps.who.execute(), { zone, page: 1, signer: this.deps.signer });
    try {
      await this.deps.messenger.update(
        board.conversationRef as Partial<ConversationReference>,
        board.activityId,
        card,
        {
          dueAt,
        },
      );
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && UNREACHABLE_STATUSES.has(status)) {
        // The board message (or Elevate) is gone: a later `who` posts a new board.
        await this.deps.store.channelBoards.remove(conversationId);
        return { kind: 'unreachable', reason: `the connector answered ${status} (board deleted?)` };
      }
      throw error;
    }
    return { kind: 'sent' };
  }

  /** The conversation the request was made in, and every conversation subscribed to its role. */
  private async announcementTargets(
    request: ChannelThreadUpdate['request'],
  ): Promise<{ conversationId: string; reference: object; origin: boolean }[]> {
    const targets = new Map<string, { conversationId: string; reference: object; origin: boolean }>();
    if (request.originConversationId) {
      const shared = await this.deps.store.conversations.getForConversation(request.originConversationId);
      if (shared)
        targets.set(baseConversationId(shared.reference), {
          conversationId: baseConversationId(shared.reference),
          reference: shared.reference,
          origin: true,
        });
    }
    const routes = await this.deps.store.channelRoutes.listForRole('announce', request.roleId);
    for (const routedId of new Set(routes.map((r) => r.conversationId))) {
      const shared = await this.deps.store.conversations.getForConversation(routedId);
      if (!shared) continue;
      // A subscription said in a thread names the thread (`…;messageid=…`); the channel is the target.
      const conversationId = baseConversationId(shared.reference);
      if (targets.has(conversationId)) continue;
      targets.set(conversationId, {
        conversationId,
        reference: newPostReference(shared.reference),
        origin: false,
      });
    }
    return [...targets.values()];
  }

  private async approverNames(
    request: ChannelThreadUpdate['request'],
    record: ReturnType<typeof readApprovalRecord>,
  ): Promise<string[]> {
    if (record?.approvers.length) return record.approvers.map((a) => a.displayName);
    const rules = await this.deps.pim.getActivationRules({ kind: request.kind, roleId: request.roleId });
    const resolved = await this.deps.approvers.resolve(rules.approvers).catch(() => []);
    return resolved.length ? resolved.map((a) => a.displayName) : ['the role’s approvers'];
  }
}

/** States in which a subscribed conversation that has no card yet gets one. */
const POSTABLE_STATES = new Set<ChannelThreadUpdate['state']>(['pending', 'scheduled', 'active']);

function fromIso(value: unknown): DateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed : undefined;
}
