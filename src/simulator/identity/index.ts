import type { Server } from 'restify';
import type { SeedDirectory } from '../directory-types';
import type { SimClock } from '../sim-clock';
import { AuthorizationCodes } from './authorization-codes';
import { AuthorizeFlow } from './authorize-flow';
import { BotFrameworkChannel } from './bot-framework-channel';
import { BotUserTokens } from './bot-user-tokens';
import { GraphTokenVerifier } from './graph-token-verifier';
import { RefreshTokens } from './refresh-tokens';
import { registerIdentityRoutes } from './routes';
import { generateSigningKey } from './signing-key';
import { issueTestToken, type TestTokenOptions } from './test-token';
import { TokenIssuer } from './token-issuer';
import { registerUserTokenRoutes } from './user-token.routes';
import type { AccessTokenVerifier } from './types';

export type { TestTokenOptions } from './test-token';
export { simulatorMsalAuthority, type SimulatorMsalAuthority } from './msal-authority';
export { simulatorBotFrameworkAuthConfig } from './bot-framework-auth-config';

export interface Identity {
  verifier: AccessTokenVerifier;
  registerRoutes(server: Server): void;
  issueTokenForTests(opts: TestTokenOptions): Promise<string>;
  /** The Bot Framework user-token service (the bot's OAuth connection store; loopback callers only). */
  botUserTokens: BotUserTokens;
  /** Forgets issued authorization codes, refresh tokens, pending sign-ins (signing keys stay; so do sign-ins to bots, which Bot Framework keeps, not the tenant). */
  reset(): void;
}

/**
 * The simulator's identity part: the Entra token endpoint and sign-in page, OpenID metadata and keys,
 * the Graph token verifier, and Bot Framework channel tokens. Signing keys are generated here, once.
 */
export function createIdentity(deps: {
  clock: SimClock;
  getDirectory: () => SeedDirectory;
  baseUrl: () => string;
}): Identity {
  const entraKey = generateSigningKey();
  const channelKey = generateSigningKey();
  const issuer = new TokenIssuer(entraKey, deps.clock, deps.baseUrl);
  const codes = new AuthorizationCodes(deps.clock);
  const refreshTokens = new RefreshTokens(deps.clock);
  const authorize = new AuthorizeFlow(deps.clock, deps.getDirectory, codes);
  const botChannel = new BotFrameworkChannel(channelKey, deps.baseUrl, deps.getDirectory);
  const botUserTokens = new BotUserTokens(entraKey, issuer, deps.clock, deps.getDirectory);
  return {
    botUserTokens,
    verifier: new GraphTokenVerifier(entraKey, deps.clock, issuer, deps.getDirectory),
    registerRoutes(server: Server): void {
      registerIdentityRoutes(server, {
        ...deps,
        key: entraKey,
        tokenEndpoint: {
          clock: deps.clock,
          getDirectory: deps.getDirectory,
          issuer,
          key: entraKey,
          codes,
          refreshTokens,
        },
        authorize,
        botChannel,
      });
      registerUserTokenRoutes(server, botUserTokens, deps.baseUrl);
    },
    async issueTokenForTests(opts: TestTokenOptions): Promise<string> {
      return issueTestToken(deps.getDirectory(), issuer, opts);
    },
    reset(): void {
      codes.clear();
      refreshTokens.clear();
      authorize.clear();
    },
  };
}
