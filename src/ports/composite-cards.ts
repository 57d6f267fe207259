import type { JsonObject } from './stores';

/**
 * One posted card that answers several PIM requests (an `activate` naming several roles): each
 * request's part, so a later change to one request (its decision, its start, the channel
 * thread's state) redraws that part in place and keeps the others as they were.
 */
export interface CompositeCardPart {
  /** The PIM request the part is about; null for a part no later change targets (a refusal). */
  requestId: string | null;
  card: JsonObject;
}

export interface CompositeCardKey {
  /** The conversation the card was posted to (activity ids are unique only within one). */
  conversationId: string;
  activityId: string;
}

export interface CompositeCard extends CompositeCardKey {
  parts: CompositeCardPart[];
  /** Starts at 1; every successful replaceParts adds 1. */
  version: number;
}

export interface CompositeCardRepository {
  /** Records a card just posted; false when that card was already recorded (a retried post). */
  create(card: CompositeCardKey & { parts: CompositeCardPart[] }): Promise<boolean>;
  get(key: CompositeCardKey): Promise<CompositeCard | undefined>;
  /** Compare-and-swap on `version`: false when another writer changed the card first. */
  replaceParts(key: CompositeCardKey, expectedVersion: number, parts: CompositeCardPart[]): Promise<boolean>;
}
