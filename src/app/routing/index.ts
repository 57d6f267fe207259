export {
  CommandRouter,
  type CommandHandler,
  type CommandMatch,
  type CommandParser,
  type CommandRouterOptions,
  type FallbackHandler,
} from './command-router';
export { VerbRouter, type CardData, type CardDataParser, type VerbHandler } from './verb-router';
export { catalogueDrift, type CatalogueDrift } from './catalogue-drift';
