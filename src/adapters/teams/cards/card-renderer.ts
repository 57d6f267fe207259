import { readFileSync } from 'node:fs';
import { Template, GlobalSettings } from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import { AdaptiveCardJson, MAX_CARD_BYTES, MAX_CARD_VERSION } from './adaptive-card-json';
import { CardTemplateError } from './card-template-error';
import { cardTemplatePath, findCardTemplatesDir, listCardTemplateNames } from './card-templates-dir';

const TEMPLATE_NAME = /^[a-z][a-z0-9-]*$/;

const templates = new Map<string, Template>();
let templatesDir: string | undefined;
let knownNames: string[] | undefined;

function cardsDir(): string {
  templatesDir ??= findCardTemplatesDir();
  return templatesDir;
}

function names(): string[] {
  knownNames ??= listCardTemplateNames(cardsDir());
  return knownNames;
}

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

function loadTemplate(name: string): Template {
  const cached = templates.get(name);
  if (cached) return cached;
  if (!TEMPLATE_NAME.test(name) || !names().includes(name)) {
    throw new CardTemplateError(name, `no such template; known templates: ${names().join(', ')}`);
  }
  const path = cardTemplatePath(cardsDir(), name);
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
}

/**
 * Expands `cards/<name>.json` with `data` (adaptivecards-templating `${…}` binding) and returns the
 * card. Templates are read once and cached. Throws CardTemplateError for an unknown template, for
 * data the template refers to but `data` does not contain (so no card ever shows a raw `${…}`),
 * and for a card larger than MAX_CARD_BYTES.
 */
export function renderCard(name: string, data: object): AdaptiveCardJson {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new CardTemplateError(name, 'data must be a plain object');
  }
  const template = loadTemplate(name);
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
}

/** Wraps a rendered card as a botbuilder attachment (`application/vnd.microsoft.card.adaptive`). */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** Names of every template in `cards/`, sorted. */
export function cardTemplateNames(): string[] {
  return [...names()];
}
