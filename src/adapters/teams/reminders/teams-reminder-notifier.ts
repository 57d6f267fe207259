import type { ConversationReference } from 'botbuilder';
import { DateTime } from 'luxon';
import type { ApproverResolver } from '../../../app/activation/approver-resolver';
import type {
  ChannelThreadUpdate,
  Delivery,
  EndedHow,
  ReminderNotifier,
} from '../../../app/reminders/reminder-notifier';
import type { ActivationFacts, EligibilityFacts } from '../../../app/reminders/work-items';
import type { Clock } from '../../../ports/clock';
import type { PimGateway } from '../../../ports/pim-gateway';
import type { Directory } from '../../../ports/directory';
import type { Store } from '../../../ports/stores';
import { readApprovalRecord } from '../../../app/approvals/approval-record';
import type { WhoHoldsWhatUseCase } from '../../../app/channels/who-holds-what.use-case';
import { boardCard } from '../presenters/board.presenter';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { PresenterContext } from '../presenters/presenter-context';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import { baseConversationId, newPostReference } from '../proactive/channel-reference';
import { channelThreadCard } from './channel-thread.presenter';
import { eligibilityEndingCard, endedCard, reminderCard } from './reminder-cards.presenter';
import type { RoleLabels } from './role-labels';

export interface TeamsReminderNotifierDeps {
  store: Pick<
    Store,
    'conversations' | 'users' | 'cardCopies' | 'channelRoutes' | 'oneTimeKeys' | 'channelBoards'
  >;
  /** Draws the boards of subscribed conversations. */
  who?: WhoHoldsWhatUseCase;
  /** Names of holders Elevate has not met (portal activations). */
  directory?: Pick<Directory, 'getUser'>;
  messenger: ProactiveMessenger;
  signer: CardActionSigner;
  pim: PimGateway;
  approvers: ApproverResolver;
  labels: RoleLabels;
  clock: Clock;
  tenantId: string;
}

const UNREACHABLE_STATUSES = new Set([403, 404]);

/**
 * Delivers reminders, "ended" notes and eligibility reminders to each user's personal chat with
 * Elevate (users who have the app installed: their chat reference is recorded), and keeps channel
 * threads current. Resolves only after the Bot Connector accepted the message.
 */
export class TeamsReminderNotifier implements ReminderNotifier {
  constructor(private readonly deps: TeamsReminderNotifierDeps) {}

  async expiryReminder(activation: ActivationFacts, dueAt: DateTime): Promise<Delivery> {
    const target = await this.personalRole(activation);
    if ('unreachable' in target) return target.unreachable;
    const rules = await this.deps.pim.getActivationRules({
      kind: activation.kind,
      roleId: activation.roleId,
    });
    const approvers = rules.approvalRequired
      ? (await this.deps.approvers.resolve(rules.approvers).catch(() => [])).map((a) => a.displayName)
      : [];
    const card = reminderCard(target.ctx, {
      ...target.role,
      endAt: activation.endAt,
      maximum: rules.maximumDuration,
      needsApproval: rules.approvalRequired,
      approvers,
    });
    return this.post(target.reference, card, dueAt);
  }

  async activationEnded(
    activation: ActivationFacts,
    how: EndedHow,
    endedAt: DateTime,
    dueAt: DateTime,
  ): Promise<Delivery> {
    const target = await this.personalRole(activation);
    if ('unreachable' in target) return target.unreachable;
    const card = endedCard(target.ctx, {
      ...target.role,
      how,
      startAt: activation.startAt,
      endedAt,
    });
    return this.post(target.reference, card, dueAt);
  }

  async eligibilityEnding(eligibility: EligibilityFacts, dueAt: DateTime): Promise<Delivery> {
    const target = await this.personalRole(eligibility);
    if ('unreachable' in target) return target.unreachable;
    const card = eligibilityEndingCard(target.ctx, {
      ...target.role,
      endAt: eligibility.endAt,
    });
    return this.post(target.reference, card, dueAt);
  }

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
        { dueAt },
      );
    }
    const postable = POSTABLE_STATES.has(update.state);
    for (const target of targets) {
      if (copies.some((c) => baseConversationId(c.conversationRef) === target.conversationId)) continue;
      // The thread a request was started in always shows it; a subscribed conversation only learns
      // of live requests (no "ended" card for something it never saw begin).
      if (!target.origin && !postable) continue;
      // One post per conversation and request, across instances and work items.
      const claim = `announce:${request.id}:${target.conversationId}`;
      if (!(await this.deps.store.oneTimeKeys.consume(claim, this.deps.clock.now().plus({ days: 30 }))))
        continue;
      const reference = target.reference as Partial<ConversationReference>;
      const activityId = await this.deps.messenger.send(reference, { card }, { dueAt });
      if (activityId) {
        await this.deps.store.cardCopies.add({
          requestId: request.id,
          kind: 'channel',
          conversationRef: reference,
          activityId,
        });
      }
    }
    return { kind: 'sent' };
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
    for (const conversationId of new Set(routes.map((r) => r.conversationId))) {
      if (targets.has(conversationId)) continue;
      const shared = await this.deps.store.conversations.getForConversation(conversationId);
      if (shared)
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

  /** The holder's personal chat, and the role's display label with its ids for the card. */
  private async personalRole(facts: ActivationFacts | EligibilityFacts) {
    const target = await this.personal(facts.principalId);
    if ('unreachable' in target) return target;
    const label = await this.deps.labels.label(facts.kind, facts.roleId, facts.directoryScopeId);
    return { ...target, role: { ...label, roleId: facts.roleId, directoryScopeId: facts.directoryScopeId } };
  }

  private async personal(
    userId: string,
  ): Promise<
    { reference: Partial<ConversationReference>; ctx: PresenterContext } | { unreachable: Delivery }
  > {
    const conversation = await this.deps.store.conversations.getForUser(this.deps.tenantId, userId);
    if (!conversation) {
      return {
        unreachable: { kind: 'unreachable', reason: 'the user has not installed Elevate (no personal chat)' },
      };
    }
    const profile = await this.deps.store.users.get(this.deps.tenantId, userId);
    return {
      reference: conversation.reference as Partial<ConversationReference>,
      ctx: {
        clock: this.deps.clock,
        signer: this.deps.signer,
        zone: profile?.timeZone ?? 'UTC',
        viewerId: userId,
      },
    };
  }

  private async post(
    reference: Partial<ConversationReference>,
    card: AdaptiveCardJson,
    dueAt: DateTime,
  ): Promise<Delivery> {
    try {
      await this.deps.messenger.send(reference, { card }, { dueAt });
      return { kind: 'sent' };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && UNREACHABLE_STATUSES.has(status)) {
        return { kind: 'unreachable', reason: `the connector answered ${status} (app removed?)` };
      }
      throw error;
    }
  }
}

/** States in which a subscribed conversation that has no card yet gets one. */
const POSTABLE_STATES = new Set<ChannelThreadUpdate['state']>(['pending', 'scheduled', 'active']);

function fromIso(value: unknown): DateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed : undefined;
}
