import {
  ActivityTypes,
  CardFactory,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type { AdaptiveCardJson } from './cards/adaptive-card-json';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * One incoming activity as the route handlers see it: who sent it (from the authenticated
 * activity only), where, and how to answer. Wraps botbuilder's TurnContext so handlers stay small.
 */
export class TeamsTurn {
  /** Card that replaces the clicked card, for Universal Action invokes. */
  invokeCard?: AdaptiveCardJson;
  /** A refusal answered beside the pressed card (the invoke's message reply), when no card replaces it. */
  invokeMessage?: string;

  constructor(readonly context: TurnContext) {}

  get activity(): Activity {
    return this.context.activity;
  }

  /** The sender's Entra object id. Card data never overrides it. */
  get userId(): string | undefined {
    return this.activity.from?.aadObjectId ?? undefined;
  }

  get userName(): string {
    return this.activity.from?.name ?? 'there';
  }

  get tenantId(): string | undefined {
    const channelData = this.activity.channelData as { tenant?: { id?: string } } | undefined;
    return channelData?.tenant?.id ?? this.activity.conversation?.tenantId ?? undefined;
  }

  get conversationKind(): ConversationKind {
    const type = this.activity.conversation?.conversationType;
    if (type === 'channel') return 'channel';
    if (type === 'groupChat' || this.activity.conversation?.isGroup) return 'groupChat';
    return 'personal';
  }

  /** The team's Microsoft 365 group id, in a channel (Teams sends it in channelData.team). */
  get teamGroupId(): string | undefined {
    const channelData = this.activity.channelData as { team?: { aadGroupId?: string } } | undefined;
    return channelData?.team?.aadGroupId ?? undefined;
  }

  /**
   * The team's Microsoft 365 group id: from the activity, or (when a client leaves it out of
   * message activities) from the team's details at the connector. Undefined outside a team.
   */
  async resolveTeamGroupId(): Promise<string | undefined> {
    if (this.teamGroupId || this.conversationKind !== 'channel') return this.teamGroupId;
    const details = await TeamsInfo.getTeamDetails(this.context).catch(() => undefined);
    return details?.aadGroupId ?? undefined;
  }

  get conversationId(): string {
    return this.activity.conversation.id;
  }

  /**
   * The conversation's name as Teams gives it: "Team › Channel" from channelData in a channel, the
   * chat's topic in a group chat. Undefined when the activity carries none.
   */
  get conversationName(): string | undefined {
    const channelData = this.activity.channelData as
      { team?: { name?: unknown }; channel?: { name?: unknown } } | undefined;
    const named = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const team = named(channelData?.team?.name);
    const channel = named(channelData?.channel?.name);
    if (this.conversationKind === 'channel' && (team || channel)) {
      return [team, channel].filter(Boolean).join(' › ');
    }
    return named(this.activity.conversation?.name);
  }

  /**
   * The conversation's name, asking Teams when the activity carries none: Teams leaves the team's
   * and channel's names out of message activities, so in a channel they come from the connector
   * (the team's details and its channels; the channel without a name is the team's General).
   * Undefined when Teams cannot say.
   */
  async resolveConversationName(): Promise<string | undefined> {
    const channelData = this.activity.channelData as
      { channel?: { id?: unknown; name?: unknown } } | undefined;
    if (this.conversationKind !== 'channel' || typeof channelData?.channel?.name === 'string') {
      return this.conversationName;
    }
    const channelId = this.conversationId.split(';')[0];
    const [team, channels] = await Promise.all([
      TeamsInfo.getTeamDetails(this.context).catch(() => undefined),
      TeamsInfo.getTeamChannels(this.context).catch(() => undefined),
    ]);
    const channel = channels?.find((c) => c.id === channelId);
    const channelName = channel ? channel.name?.trim() || 'General' : undefined;
    const named = [team?.name?.trim(), channelName].filter(Boolean).join(' › ');
    return named || this.conversationName;
  }

  /** Teams sends the sender's IANA time zone in `localTimezone` on message activities. */
  get timeZone(): string | undefined {
    return this.activity.localTimezone ?? undefined;
  }

  get isInvoke(): boolean {
    return this.activity.type === ActivityTypes.Invoke;
  }

  reference(): Partial<ConversationReference> {
    return TurnContext.getConversationReference(this.activity);
  }

  /** Teams shows typing in personal and group chats only; channel threads get none. */
  async typing(): Promise<void> {
    if (this.conversationKind === 'channel') return;
    await this.context.sendActivity({ type: ActivityTypes.Typing });
  }

  async sendText(text: string): Promise<string | undefined> {
    const response = await this.context.sendActivity({
      type: ActivityTypes.Message,
      text,
      textFormat: 'markdown',
    });
    return response?.id;
  }

  async sendCard(card: AdaptiveCardJson, text?: string): Promise<string | undefined> {
    const response = await this.context.sendActivity({
      type: ActivityTypes.Message,
      text,
      attachments: [CardFactory.adaptiveCard(card)],
    });
    return response?.id;
  }

  async updateCard(activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.context.updateActivity({
      id: activityId,
      type: ActivityTypes.Message,
      conversation: this.activity.conversation,
      attachments: [CardFactory.adaptiveCard(card)],
    });
  }

  /**
   * Answers a card action: for an Universal Action invoke, the card is returned in the invoke
   * response (replacing the clicked card); for an Action.Submit message, the clicked card is updated
   * in place when we know its id, else the card is sent as a new message.
   */
  /**
   * Refuses a card action without touching the pressed card, which keeps its details, buttons and
   * whatever was typed into it (issue 13, defect 4): an Action.Execute gets a message reply that
   * only the clicker sees; an Action.Submit gets a reply beside the card.
   */
  async refuseCardAction(text: string): Promise<void> {
    if (this.isInvoke) {
      this.invokeMessage = text;
      return;
    }
    await this.sendText(text);
  }

  async answerCardAction(card: AdaptiveCardJson): Promise<void> {
    if (this.isInvoke) {
      this.invokeCard = card;
      return;
    }
    const clicked = this.activity.replyToId;
    if (clicked) {
      try {
        await this.updateCard(clicked, card);
        return;
      } catch {
        // the client may not allow updating that message; fall through to a new message
      }
    }
    await this.sendCard(card);
  }
}
