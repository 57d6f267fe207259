import type { TeamsTurn } from '../teams-turn';

/**
 * Where the sender's Teams SSO token (audience: the bot's app) comes from. Returns undefined
 * when the user must sign in first; the source has then already sent the sign-in card.
 */
export interface SsoTokenSource {
  getToken(turn: TeamsTurn): Promise<string | undefined>;
  /** Teams' `signin/tokenExchange` invoke (silent SSO); false: Teams must show the sign-in button. */
  exchange?(turn: TeamsTurn, exchangeToken: string): Promise<boolean>;
  /** Teams' `signin/verifyState` invoke (after the sign-in button): redeems the state (magic code). */
  verifyState?(turn: TeamsTurn, state: string): Promise<boolean>;
}
