import type {
  CompositeCardKey,
  CompositeCardPart,
  CompositeCardRepository,
} from '../../../ports/composite-cards';
import type { JsonObject } from '../../../ports/stores';
import type { AdaptiveCardJson } from './adaptive-card-json';
import { combineCards } from './combine-cards';

/** How often a part is placed again after another writer changed the card first. */
const MAX_PLACE_ATTEMPTS = 5;

/** The card to draw on a message, and the stored version it shows (none: not a composite card). */
export interface PlacedCard {
  card: AdaptiveCardJson;
  version?: number;
}

/**
 * One message answering several PIM requests (an `activate` naming several roles): remembers each
 * request's part, so a later change to one request (approved, started, effective, the thread's
 * state) redraws only its part and the others stay as they were. Every writer of such a message
 * goes through `place` (ProactiveMessenger.update does, given the request id).
 */
export class CardParts {
  constructor(private readonly store: CompositeCardRepository) {}

  /** Records the parts of a card just shown; a card with one part needs no record. */
  async remember(
    key: CompositeCardKey,
    parts: { requestId?: string; card: AdaptiveCardJson }[],
  ): Promise<void> {
    if (parts.length < 2) return;
    await this.store.create({
      ...key,
      parts: parts.map((part) => ({ requestId: part.requestId ?? null, card: part.card as JsonObject })),
    });
  }

  /**
   * The whole card to draw when `requestId`'s part becomes `card`: `card` itself when the message
   * answers one request; the message's other parts kept when it answers several.
   */
  async place(key: CompositeCardKey, requestId: string, card: AdaptiveCardJson): Promise<PlacedCard> {
    for (let attempt = 0; attempt < MAX_PLACE_ATTEMPTS; attempt += 1) {
      const current = await this.store.get(key);
      if (!current) return { card };
      const index = current.parts.findIndex((part) => part.requestId === requestId);
      // A request not on this card (a stale or foreign reference): the card stays as it is.
      if (index < 0) return { card: combined(current.parts), version: current.version };
      const parts = current.parts.map((part, i) =>
        i === index ? { requestId, card: card as JsonObject } : part,
      );
      if (await this.store.replaceParts(key, current.version, parts)) {
        return { card: combined(parts), version: current.version + 1 };
      }
    }
    throw new Error(
      `the card ${key.activityId} was changed by other writers ${MAX_PLACE_ATTEMPTS} times in a row`,
    );
  }

  /** The card as stored now, when another writer changed it after `version` (else undefined). */
  async newerThan(key: CompositeCardKey, version: number): Promise<PlacedCard | undefined> {
    const current = await this.store.get(key);
    if (!current || current.version <= version) return undefined;
    return { card: combined(current.parts), version: current.version };
  }
}

function combined(parts: readonly CompositeCardPart[]): AdaptiveCardJson {
  return combineCards(parts.map((part) => part.card as AdaptiveCardJson));
}
