import { readFileSync } from 'node:fs';
import { Template, GlobalSettings } from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import type { ZodType } from 'zod';
import { AdaptiveCardJson, MAX_CARD_BYTES, MAX_CARD_VERSION } from './adaptive-card-json';
import { cardDataSchemas } from './card-data.schemas';
import { CardTemplateError } from './card-template-error';
import { cardTemplatePath, findCardTemplatesDir, listCardTemplateNames } from './card-templates-dir';

const TEMPLATE_NAME = /^[a-z][a-z0-9-]*$/;

/** `1.5` → [1, 5]; anything else → undefined. */
function parseVersion(version: unknown): [number, number] | undefined {
  if (typeof version !== 'string') return undefined;
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** True when `version` is a `major.minor` string no higher than what Teams renders (1.5). */
export function isSupportedCardVersion(version: unknown): boolean {
  const parsed = parseVersion(version);
  const max = parseVersion(MAX_CARD_VERSION) as [number, number];
  if (!parsed) return false;
  return parsed[0] < max[0] || (parsed[0] === max[0] && parsed[1] <= max[1]);
}

export interface CardRenderer {
  /** Expands `<templatesDir>/<name>.json` with `data`; see `renderCard`. */
  render(name: string, data: object): AdaptiveCardJson;
  /** Names of every template, sorted. */
  templateNames(): string[];
}

/**
 * A renderer over one templates folder. Templates are read and parsed once, on first use, and
 * checked to be Adaptive Cards of a version Teams renders. When `dataSchemas` has a schema for a
 * template, data is checked against it before expansion.
 */
export function createCardRenderer(
  templatesDir: string,
  dataSchemas: Readonly<Record<string, ZodType>> = {},
): CardRenderer {
  const templates = new Map<string, Template>();
  let knownNames: string[] | undefined;

  const templateNames = (): string[] => {
    knownNames ??= listCardTemplateNames(templatesDir);
    return [...knownNames];
  };

  const load = (name: string): Template => {
    const cached = templates.get(name);
    if (cached) return cached;
    if (!TEMPLATE_NAME.test(name) || !templateNames().includes(name)) {
      throw new CardTemplateError(name, `no such template; known templates: ${templateNames().join(', ')}`);
    }
    const path = cardTemplatePath(templatesDir, name);
    let payload: unknown;
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CardTemplateError(name, `cannot read ${path}: ${(error as Error).message}`);
    }
    const card = payload as Partial<AdaptiveCardJson> | null;
    if (card === null || typeof card !== 'object' || card.type !== 'AdaptiveCard') {
      throw new CardTemplateError(
        name,
        `${path} is not an Adaptive Card (top-level "type" must be "AdaptiveCard")`,
      );
    }
    if (!isSupportedCardVersion(card.version)) {
      throw new CardTemplateError(
        name,
        `version ${JSON.stringify(card.version)} is not allowed; Teams renders versions up to ${MAX_CARD_VERSION}`,
      );
    }
    const template = new Template(payload);
    templates.set(name, template);
    return template;
  };

  const render = (name: string, data: object): AdaptiveCardJson => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new CardTemplateError(name, 'data must be a plain object');
    }
    const template = load(name);
    const schema = Object.prototype.hasOwnProperty.call(dataSchemas, name) ? dataSchemas[name] : undefined;
    const checked = schema?.safeParse(data);
    if (checked && !checked.success) {
      const problems = checked.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`);
      throw new CardTemplateError(name, `data does not fit the card: ${problems.join('; ')}`);
    }
    // The templating library leaves `${field}` in the card when `field` is missing; record those
    // instead, so a presenter that forgets a field fails loudly rather than showing raw bindings.
    // Expansion is synchronous, so swapping the global hook around it is safe.
    const missing = new Set<string>();
    const previous = GlobalSettings.getUndefinedFieldValueSubstitutionString;
    GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => {
      missing.add(path);
      return undefined;
    };
    let card: AdaptiveCardJson;
    try {
      card = template.expand({ $root: data }) as AdaptiveCardJson;
    } finally {
      GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
    }
    if (missing.size > 0) {
      throw new CardTemplateError(name, `data is missing ${[...missing].sort().join(', ')}`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (bytes > MAX_CARD_BYTES) {
      throw new CardTemplateError(
        name,
        `expanded card is ${bytes} bytes; Teams messages must stay under ${MAX_CARD_BYTES} bytes (show fewer items)`,
      );
    }
    return card;
  };

  return { render, templateNames };
}

let projectRenderer: CardRenderer | undefined;

function defaultRenderer(): CardRenderer {
  projectRenderer ??= createCardRenderer(findCardTemplatesDir(), cardDataSchemas);
  return projectRenderer;
}

/**
 * Expands the project's `cards/<name>.json` with `data` (adaptivecards-templating `${…}` binding)
 * and returns the card. Throws CardTemplateError for an unknown template, for data that does not
 * fit the card's schema (`card-data.schemas.ts`; the message lists each field and what is wrong),
 * for data the template refers to but `data` does not contain (no card ever shows a raw `${…}`),
 * and for a card larger than MAX_CARD_BYTES.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  return defaultRenderer().render(name, data);
}

/** Names of every template in the project's `cards/`, sorted. */
export function cardTemplateNames(): string[] {
  return defaultRenderer().templateNames();
}

/** Wraps a rendered card as a botbuilder attachment (`application/vnd.microsoft.card.adaptive`). */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}
