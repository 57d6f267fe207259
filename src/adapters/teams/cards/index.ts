/** Adaptive Card rendering for the Teams adapter: templates in `cards/`, filled by presenters. */
export type { AdaptiveCardJson } from './adaptive-card-json';
export { MAX_CARD_BYTES, MAX_CARD_VERSION } from './adaptive-card-json';
export type { CardRenderer } from './card-renderer';
export {
  renderCard,
  cardAttachment,
  cardTemplateNames,
  createCardRenderer,
  isSupportedCardVersion,
} from './card-renderer';
export { CardTemplateError } from './card-template-error';
export type { CardVerb } from './card-verbs';
export { CardVerbs } from './card-verbs';
export * from './card-data.schemas';
