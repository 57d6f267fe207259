import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';

/**
 * Sends and updates messages outside of a turn (continueConversationAsync on a stored
 * conversation reference). In demo mode the app id is empty, which CloudAdapter accepts with
 * anonymous auth.
 */
export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Posts a card (or text) into the conversation; returns the new activity id. */
  async send(
    reference: Partial<ConversationReference>,
    content: { card?: AdaptiveCardJson; text?: string },
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      const response = await context.sendActivity({
        type: 'message',
        text: content.text,
        attachments: content.card ? [CardFactory.adaptiveCard(content.card)] : undefined,
      });
      id = response?.id;
    });
    return id;
  }

  /** Replaces a card the bot posted earlier. */
  async update(
    reference: Partial<ConversationReference>,
    activityId: string,
    card: AdaptiveCardJson,
  ): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity({
        id: activityId,
        type: 'message',
        conversation: reference.conversation,
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }
}
