import type { ConversationReference } from 'botbuilder';

/** A channel thread reference carries `;messageid=…`; the channel itself is the part before it. */
export function baseConversationId(reference: object): string {
  return channelOf((reference as { conversation?: { id?: string } }).conversation?.id ?? '');
}

/** The channel (or chat) a conversation id belongs to: a thread's id without its `;messageid=…`. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0];
}

/**
 * A new post at the top of a channel (or in a group chat), from any stored reference of that
 * conversation: not a reply in whichever thread Elevate last heard from.
 */
export function newPostReference(reference: object): Partial<ConversationReference> {
  const conversation = (reference as { conversation?: Record<string, unknown> }).conversation ?? {};
  return {
    ...(reference as Partial<ConversationReference>),
    activityId: undefined,
    conversation: {
      ...conversation,
      id: baseConversationId(reference),
    } as ConversationReference['conversation'],
  };
}
