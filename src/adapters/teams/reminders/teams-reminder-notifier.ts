import type { ConversationReference } from 'botbuilder';
import { DateTime } from 'luxon';
import { TeamsChannelAnnouncer } from './channel-announcer';
import type { ApproverResolver } from '../../../app/activation/approver-resolver';
import type {
  ChannelThreadUpdate,
  Delivery,
  EndedHow,
  ReminderNotifier,
  ScheduledStart,
} from '../../../app/reminders/reminder-notifier';
import type { ActivationFacts, EligibilityFacts } from '../../../app/reminders/work-items';
import type { Clock } from '../../../ports/clock';
import type { PimPolicies } from '../../../ports/pim-gateway';
import type { Directory } from '../../../ports/directory';
import type { Store } from '../../../ports/stores';
import type { WhoHoldsWhatUseCase } from '../../../app/channels/who-holds-what.use-case';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { PresenterContext } from '../presenters/presenter-context';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import { activationOutcomeCard } from '../presenters/activation-card.presenter';
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
  pim: PimPolicies;
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
  private readonly channels: TeamsChannelAnnouncer;

  constructor(private readonly deps: TeamsReminderNotifierDeps) {
    this.channels = new TeamsChannelAnnouncer(deps);
  }

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
      verify: rules.authenticationContext ? 'authenticationContext' : rules.mfaRequired ? 'mfa' : 'none',
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

  async scheduledStarted(start: ScheduledStart, dueAt: DateTime): Promise<Delivery> {
    const { request, startedAt } = start;
    const target = await this.personal(request.principalId);
    if ('unreachable' in target) return target.unreachable;
    const endsAt = start.endsAt ?? fromIso(request.data.endAt) ?? startedAt;
    const card = activationOutcomeCard(
      target.ctx,
      {
        kind: 'activated',
        role: {
          kind: request.kind,
          roleId: request.roleId,
          roleName: request.roleName,
          directoryScopeId: request.directoryScopeId,
          scopeName: typeof request.data.scopeName === 'string' ? request.data.scopeName : request.roleName,
          via: { type: 'direct' },
        },
        requestId: request.id,
        startAt: startedAt,
        until: endsAt,
        duration: endsAt.diff(startedAt),
      },
      {
        effective: true,
        justification: str(request.data.justification),
        ticket: str(request.data.ticket),
      },
    );
    // The requester's "scheduled" (or approved) card no longer offers Cancel: it shows the start.
    const copies = (await this.deps.store.cardCopies.listForRequest(request.id)).filter(
      (c) => c.kind === 'requester',
    );
    for (const copy of copies) {
      await this.deps.messenger.update(
        copy.conversationRef as Partial<ConversationReference>,
        copy.activityId,
        card,
        { dueAt, requestId: request.id },
      );
    }
    return this.post(target.reference, card, dueAt);
  }

  channelThread(update: ChannelThreadUpdate, dueAt: DateTime): Promise<Delivery> {
    return this.channels.channelThread(update, dueAt);
  }

  refreshBoard(conversationId: string, dueAt: DateTime): Promise<Delivery> {
    return this.channels.refreshBoard(conversationId, dueAt);
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

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function fromIso(value: unknown): DateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed : undefined;
}
