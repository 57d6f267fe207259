import type { TeamsTurn } from '../teams-turn';

/**
 * Where the sender's Teams SSO token (audience: the bot's app) comes from. Returns undefined
 * when the user must sign in first; the source has then already sent the sign-in card.
 */
export interface SsoTokenSource {
  getToken(turn: TeamsTurn): Promise<string | undefined>;
}
