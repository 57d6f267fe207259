import { roleInCommand, roleLabel } from '../presenters/role-label';
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { NamedPerson } from '../../../app/activation/activation-outcome';
import type { ApprovalMessenger } from '../../../app/approvals/approval-messenger';
import type { ApprovalView } from '../../../app/approvals/approval-record';
import type { Clock } from '../../../ports/clock';
import type {
  CardCopy,
  CardCopyRepository,
  ConversationRepository,
  UserRepository,
} from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { PresenterContext } from '../presenters/presenter-context';
import { formatInstant } from '../presenters/time-format';
import { newPostReference } from '../proactive/channel-reference';
import { approvalRequestCard, portalApprovalsUrl, type ApprovalAudience } from './approval-card.presenter';

export interface TeamsApprovalMessengerDeps {
  adapter: CloudAdapter;
  appId: string;
  messenger: ProactiveMessenger;
  conversations: ConversationRepository;
  users: UserRepository;
  cardCopies: CardCopyRepository;
  signer: CardActionSigner;
  clock: Clock;
  tenantId: string;
  /** Teams channel conversation id that receives every approval card, when set. */
  approvalsChannelId?: string;
  logger: Logger;
}

type Reference = Partial<ConversationReference>;

/**
 * Approval cards in Teams: one copy per approver's personal chat (the 1:1 chat is opened
 * proactively when Elevate has none), one shared copy in each approvals channel of the role; every copy stored (reference +
 * activity id) and re-rendered in place on each change, each in its reader's time zone.
 */
export class TeamsApprovalMessenger implements ApprovalMessenger {
  constructor(private readonly deps: TeamsApprovalMessengerDeps) {}

  async sendToApprover(view: ApprovalView, approver: NamedPerson): Promise<boolean> {
    const reference = await this.personalChat(approver.id, view.requester.id);
    if (!reference) return false;
    const ctx = await this.contextFor(approver.id);
    const card = approvalRequestCard(ctx, view, { type: 'approver', approverId: approver.id });
    try {
      const activityId = await this.deps.messenger.send(reference, { card });
      if (!activityId) return false;
      await this.deps.cardCopies.add({
        requestId: view.requestId,
        kind: 'approval',
        conversationRef: reference,
        activityId,
        recipientId: approver.id,
      });
      return true;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, requestId: view.requestId, approverId: approver.id },
        'could not post the approval card to the approver',
      );
      return false;
    }
  }

  async sendToChannel(view: ApprovalView, conversationId: string): Promise<boolean> {
    const stored = await this.deps.conversations.getForConversation(conversationId);
    if (!stored) {
      this.deps.logger.warn(
        { conversationId },
        'approval cards are routed to a conversation Elevate has not seen yet; add the app there and mention it once',
      );
      return false;
    }
    const reference = newPostReference(stored.reference);
    const card = approvalRequestCard(await this.contextFor(undefined), view, await this.sharedAudience(view));
    const activityId = await this.deps.messenger.send(reference, { card });
    if (!activityId) return false;
    await this.deps.cardCopies.add({
      requestId: view.requestId,
      kind: 'approval',
      conversationRef: reference,
      activityId,
    });
    return true;
  }

  async updateAllCopies(view: ApprovalView): Promise<void> {
    // Approval cards, and the requester's own pending card once the request is closed (its Cancel
    // button would be stale): it then shows the outcome like every other copy.
    const copies = (await this.deps.cardCopies.listForRequest(view.requestId)).filter(
      (c) => c.kind === 'approval' || (c.kind === 'requester' && view.state !== 'pending'),
    );
    const failures: unknown[] = [];
    for (const copy of copies) {
      try {
        await this.updateCopy(copy, view);
      } catch (error) {
        failures.push(error);
        this.deps.logger.warn(
          { err: error, requestId: view.requestId, activityId: copy.activityId },
          'could not update a copy of the approval card',
        );
      }
    }
    if (failures.length > 0 && failures.length === copies.length) throw failures[0];
  }

  async tellRequester(view: ApprovalView): Promise<void> {
    const reference = await this.deps.conversations.getForUser(this.deps.tenantId, view.requester.id);
    if (!reference) {
      this.deps.logger.warn(
        { requestId: view.requestId },
        'no personal chat with the requester to tell the outcome',
      );
      return;
    }
    const ctx = await this.contextFor(view.requester.id);
    await this.deps.messenger.send(reference.reference as Reference, { text: outcomeText(view, ctx) });
  }

  async reportUnreachable(view: ApprovalView, unreachable: NamedPerson[]): Promise<void> {
    const portal = portalApprovalsUrl(view.kind);
    const channelCopies = (await this.deps.cardCopies.listForRequest(view.requestId)).filter(
      (c) => c.kind === 'approval' && c.recipientId === null,
    );
    const names = unreachable.map((p) => p.displayName).join(', ');
    const toRequester =
      unreachable.length > 0
        ? `Elevate could not send your ${roleLabel(view)} request to **${names}**: they have not installed Elevate in Teams. ` +
          `Ask them to approve it in the Entra portal (${portal}) or to install Elevate; the other approvers have the card.`
        : `Elevate could not reach any approver for your ${roleLabel(view)} request directly: the policy names nobody Elevate can message ` +
          `(with no named approvers, PIM's default approvers — Privileged Role and Global Administrators — decide). ` +
          `They can decide it in the Entra portal (${portal})${channelCopies.length > 0 ? ' or from the approvals channel' : ''}; ask them directly.`;
    const requester = await this.deps.conversations.getForUser(this.deps.tenantId, view.requester.id);
    if (requester) await this.deps.messenger.send(requester.reference as Reference, { text: toRequester });
    if (unreachable.length === 0) return;
    for (const channelCopy of channelCopies) {
      await this.deps.messenger.send(threadOf(channelCopy), {
        text: `Not reachable in Teams (Elevate not installed): **${names}**. They can decide in the Entra portal: ${portal}`,
      });
    }
  }

  private async updateCopy(copy: CardCopy, view: ApprovalView): Promise<void> {
    const ctx = await this.contextFor(copy.recipientId ?? undefined);
    const card = approvalRequestCard(
      ctx,
      view,
      copy.recipientId && copy.kind === 'approval'
        ? { type: 'approver', approverId: copy.recipientId }
        : await this.sharedAudience(view),
    );
    await this.deps.messenger.update(copy.conversationRef as Reference, copy.activityId, card, {
      requestId: copy.requestId,
    });
  }

  /** The stored 1:1 chat, or a new one (createConversation) — undefined when the app is not installed for them. */
  private async personalChat(userId: string, requesterId: string): Promise<Reference | undefined> {
    const { conversations, tenantId } = this.deps;
    const stored = await conversations.getForUser(tenantId, userId);
    if (stored) return stored.reference as Reference;
    const serviceUrl =
      (await conversations.getForUser(tenantId, requesterId))?.serviceUrl ??
      (this.deps.approvalsChannelId
        ? (await conversations.getForConversation(this.deps.approvalsChannelId))?.serviceUrl
        : undefined);
    if (!serviceUrl) return undefined;
    let reference: Reference | undefined;
    try {
      await this.deps.adapter.createConversationAsync(
        this.deps.appId,
        'msteams',
        serviceUrl,
        '',
        {
          isGroup: false,
          bot: { id: this.deps.appId || 'elevate', name: 'Elevate' },
          members: [{ id: userId, name: '', aadObjectId: userId }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        },
        async (context) => {
          reference = TurnContext.getConversationReference(context.activity);
        },
      );
    } catch (error) {
      this.deps.logger.info({ err: error, userId }, 'could not open a personal chat (app not installed?)');
      return undefined;
    }
    if (reference) {
      await conversations.upsertForUser({ tenantId, userId, serviceUrl, reference });
    }
    return reference;
  }

  /**
   * The shared copy in a channel: the requester and every approver Elevate has talked to get their
   * own view (refresh.userIds: their Teams ids, MRIs); everyone else reads the state. Its buttons
   * stay only while some approver has no view of their own (Elevate does not know their Teams id).
   */
  private async sharedAudience(view: ApprovalView): Promise<ApprovalAudience> {
    if (view.state !== 'pending') return { type: 'channel' };
    const teamsId = async (person: NamedPerson) => {
      const stored = await this.deps.conversations
        .getForUser(this.deps.tenantId, person.id)
        .catch(() => null);
      return (stored?.reference as Reference | undefined)?.user?.id;
    };
    const requesterId = await teamsId(view.requester);
    const approvers = view.approvers.filter((a) => a.id !== view.requester.id);
    const approverIds = await Promise.all(approvers.map(teamsId));
    const ids = [requesterId, ...approverIds].filter((id): id is string => Boolean(id));
    return {
      type: 'channel',
      userSpecificViewsFor: ids,
      decidable: approvers.length === 0 || approverIds.some((id) => !id),
    };
  }

  private async contextFor(userId: string | undefined): Promise<PresenterContext> {
    const profile = userId ? await this.deps.users.get(this.deps.tenantId, userId).catch(() => null) : null;
    return {
      clock: this.deps.clock,
      signer: this.deps.signer,
      zone: profile?.timeZone ?? 'UTC',
      viewerId: userId ?? '',
    };
  }
}

/** A reply into the channel thread that holds the card. */
function threadOf(copy: CardCopy): Reference {
  const reference = copy.conversationRef as Reference;
  const conversation = reference.conversation;
  if (!conversation) return reference;
  const root = conversation.id.split(';messageid=')[0];
  return { ...reference, conversation: { ...conversation, id: `${root};messageid=${copy.activityId}` } };
}

/** What the requester reads when their request closes. */
export function outcomeText(view: ApprovalView, ctx: PresenterContext): string {
  const now = ctx.clock.now();
  const at = (instant: Parameters<typeof formatInstant>[0]) => formatInstant(instant, ctx.zone, now);
  const decision = view.decision;
  const by = decision?.byName ?? 'an approver in the Entra portal';
  const reason = decision?.reason ? `: “${decision.reason}”` : '';
  const when = decision ? ` at ${at(decision.at)}` : '';
  // PIM for Groups: "(member)" or "(owner)", and the command that asks for that one again.
  const name = roleLabel(view);
  const again = `activate ${roleInCommand(view)}`;
  switch (view.state) {
    case 'approved': {
      const until = view.activeUntil ? ` until ${at(view.activeUntil)}` : '';
      const starts =
        view.startAt && view.startAt > now
          ? `starts ${at(view.startAt)} and stays active${until}`
          : `is active${until}`;
      return `✓ Your ${name} request was approved by ${by}${when}${reason}. ${name} ${starts}.`;
    }
    case 'denied':
      return `✕ Your ${name} request was denied by ${by}${when}${reason}. Say "${again}" to ask again with more detail.`;
    case 'expired':
      return `Your ${name} request expired after 24 hours without a decision. Say "${again}" to send a new one.`;
    case 'cancelled':
      return `Your ${name} request was cancelled${when}. Say "${again}" to ask again.`;
    default:
      return `Your ${name} request is waiting for approval.`;
  }
}
