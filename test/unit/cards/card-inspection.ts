import * as AC from 'adaptivecards';
import { readFileSync } from 'node:fs';
import {
  cardSampleDataPath,
  findCardTemplatesDir,
} from '../../../src/adapters/teams/cards/card-templates-dir';

/** Test helpers that look inside expanded cards. */

export const cardsDir = findCardTemplatesDir();

export function sampleData(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(cardSampleDataPath(cardsDir, name), 'utf8')) as Record<string, unknown>;
}

export type JsonObject = Record<string, unknown>;

/** Every object in the JSON tree (depth first), including the root. */
export function allObjects(value: unknown, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) {
    for (const item of value) allObjects(item, out);
  } else if (value !== null && typeof value === 'object') {
    out.push(value as JsonObject);
    for (const child of Object.values(value)) allObjects(child, out);
  }
  return out;
}

export function objectsOfType(card: unknown, type: string): JsonObject[] {
  return allObjects(card).filter((o) => o.type === type);
}

/** Action.Execute actions that are real buttons (not the Action.Submit fallbacks). */
export function executeActions(card: unknown): JsonObject[] {
  return objectsOfType(card, 'Action.Execute');
}

export function verbsOf(card: unknown): string[] {
  return executeActions(card).map((a) => String(a.verb));
}

/** Every text a person sees (TextBlock text, TextRun text, fact titles and values, button titles). */
export function visibleText(card: unknown): string {
  return allObjects(card)
    .flatMap((o) => [o.text, o.title, o.value, o.label, o.placeholder].filter((v) => typeof v === 'string'))
    .join('\n');
}

/**
 * Parses with the adaptivecards library and returns every parse and validation message, so a
 * test can expect none.
 */
export function adaptiveCardsLibraryErrors(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    messages.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    messages.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return messages;
}
