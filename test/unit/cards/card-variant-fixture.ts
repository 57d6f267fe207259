import { renderCard } from '../../../src/adapters/teams/cards/card-renderer';
import { AdaptiveCardJson } from '../../../src/adapters/teams/cards/adaptive-card-json';
import {
  adaptiveCardsLibraryErrors,
  allObjects,
  JsonObject,
  objectsOfType,
  sampleData,
} from './card-inspection';

/* Shared by the card-variant tests: a template rendered with its sample data changed. */

/** Renders `name` with its sample data changed by `overrides`, and checks the card is valid. */
export function variant(name: string, overrides: JsonObject): AdaptiveCardJson {
  const card = renderCard(name, { ...sampleData(name), ...overrides });
  expect(adaptiveCardsLibraryErrors(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toContain('${');
  return card;
}

/** Container styles used by the banner(s) of a card. */
export function containerStyles(card: AdaptiveCardJson): string[] {
  return objectsOfType(card, 'Container')
    .map((c) => c.style)
    .filter((s): s is string => typeof s === 'string');
}

export function inputById(card: AdaptiveCardJson, id: string): JsonObject | undefined {
  return allObjects(card).find(
    (o) => typeof o.type === 'string' && o.type.startsWith('Input.') && o.id === id,
  );
}
