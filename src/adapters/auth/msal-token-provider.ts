import { createHash } from 'node:crypto';
import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { TokenCacheRepository } from '../../ports/stores';
import type {
  OnBehalfOfRequest,
  StepUpRedeemRequest,
  StepUpResult,
  StepUpUrlRequest,
  TokenProvider,
} from '../../ports/token-provider';
import type { Clock } from '../../ports/clock';
import type { AdapterLogger } from '../graph/graph-logger';
import { translateMsalError } from './msal-errors';
import { resolveMsalAuthority, type MsalAuthoritySettings } from './msal-authority';
import { APP_PARTITION, partitionedCachePlugin, userPartition } from './partitioned-token-cache';
import { expiryOf, RecentTokens } from './recent-tokens';
import type { TokenCacheCipher } from './token-cache-cipher';

export interface MsalTokenProviderOptions {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/{tenantId}, or the simulator's http://127.0.0.1:PORT/{tenantId}. */
  authority: string;
  /** Graph resource for `.default` scopes. Default https://graph.microsoft.com. */
  graphResource?: string;
  /**
   * Delegated Graph scopes for on-behalf-of and step-up tokens (e.g. 'RoleAssignmentSchedule.ReadWrite.Directory').
   * Default `{graphResource}/.default` (whatever was consented). Naming them lets msal serve OBO
   * tokens from its cache: it matches cached tokens by the scopes Entra returned, and Entra answers
   * a `.default` request with the individual scopes, so `.default` OBO requests always go to Entra.
   */
  delegatedScopes?: string[];
  tokenCache: { repository: TokenCacheRepository; cipher: TokenCacheCipher };
  logger: AdapterLogger;
  /**
   * Judges a cached token's `exp` against this clock too, and fetches a fresh one when it has
   * passed. msal judges expiry by the machine's clock; in demo mode the bot runs on the
   * simulator's clock, which tests and demos move forward.
   */
  clock?: Clock;
}

/**
 * TokenProvider on msal-node's ConfidentialClientApplication: client credentials for the bot's
 * own reads, on-behalf-of for everything a user does, and the authorization-code flow (with the
 * claims challenge and client capability cp1) for step-up. Tokens are cached through msal's
 * DistributedCachePlugin into the store, encrypted, one partition per user.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly scopes: string[];
  private readonly userScopes: string[];
  /**
   * Tokens this process obtained, until shortly before they expire: a turn whose user's token
   * msal would serve from its cache gets it without building a client and reading and
   * decrypting the user's cache partition from the store. msal's cache stays the source of
   * truth across instances and restarts; this only spares the round trip to it.
   */
  private readonly recent = new RecentTokens();

  private constructor(
    private readonly options: MsalTokenProviderOptions,
    private readonly authority: MsalAuthoritySettings,
  ) {
    this.scopes = [
      `${(options.graphResource ?? 'https://graph.microsoft.com').replace(/\/+$/, '')}/.default`,
    ];
    this.userScopes = options.delegatedScopes?.length ? options.delegatedScopes : this.scopes;
  }

  static async create(options: MsalTokenProviderOptions): Promise<MsalTokenProvider> {
    if (!options.clientId || !options.clientSecret) {
      throw new DomainError(
        ErrorCodes.ConfigInvalid,
        'The app id and client secret for Microsoft Entra are required.',
        {
          remedy: 'Set MicrosoftAppId and MicrosoftAppPassword.',
        },
      );
    }
    return new MsalTokenProvider(options, await resolveMsalAuthority(options.authority));
  }

  async appOnlyToken(): Promise<string> {
    const recent = this.recent.get(APP_PARTITION, this.nowSeconds());
    if (recent) return recent;
    try {
      const client = this.client(APP_PARTITION);
      let result = await client.acquireTokenByClientCredential({ scopes: this.scopes });
      if (result?.accessToken && this.staleByClock(result.accessToken)) {
        result = await client.acquireTokenByClientCredential({ scopes: this.scopes, skipCache: true });
      }
      if (!result?.accessToken) throw new Error('no access token in the client credentials result');
      this.recent.set(APP_PARTITION, result.accessToken);
      return result.accessToken;
    } catch (error) {
      throw this.translate(error, 'app-only token');
    }
  }

  async onBehalfOf(request: OnBehalfOfRequest): Promise<string> {
    const key = `${userPartition(request.userId)}|${createHash('sha256').update(request.ssoToken).digest('base64url')}|${request.claims ?? ''}`;
    const recent = this.recent.get(key, this.nowSeconds());
    if (recent) return recent;
    try {
      const client = this.client(userPartition(request.userId));
      // msal-node's OBO cache lookup reads only the in-memory cache (it does not call the cache
      // plugin), so load the user's partition from the store first.
      await client.getTokenCache().getAllAccounts();
      const oboRequest = {
        oboAssertion: request.ssoToken,
        scopes: this.userScopes,
        ...(request.claims ? { claims: request.claims } : {}),
      };
      let result = await client.acquireTokenOnBehalfOf(oboRequest);
      if (result?.accessToken && this.staleByClock(result.accessToken)) {
        result = await client.acquireTokenOnBehalfOf({ ...oboRequest, skipCache: true });
      }
      if (!result?.accessToken) throw new Error('no access token in the on-behalf-of result');
      this.recent.set(key, result.accessToken);
      return result.accessToken;
    } catch (error) {
      throw this.translate(error, 'on-behalf-of token', request.claims);
    }
  }

  private nowSeconds(): number {
    return this.options.clock ? this.options.clock.now().toSeconds() : Date.now() / 1000;
  }

  /** True when the token's `exp` is (almost) reached by the injected clock. Opaque tokens are never stale. */
  private staleByClock(accessToken: string): boolean {
    if (!this.options.clock) return false;
    const exp = expiryOf(accessToken);
    return exp !== undefined && exp - 60 <= this.options.clock.now().toSeconds();
  }

  async stepUpUrl(request: StepUpUrlRequest): Promise<string> {
    try {
      return await this.client(userPartition(request.userId)).getAuthCodeUrl({
        scopes: this.userScopes,
        redirectUri: request.redirectUri,
        state: request.state,
        claims: request.claims,
        ...(request.loginHint ? { loginHint: request.loginHint } : {}),
        ...(request.codeChallenge
          ? { codeChallenge: request.codeChallenge, codeChallengeMethod: 'S256' }
          : {}),
      });
    } catch (error) {
      throw this.translate(error, 'step-up URL', request.claims);
    }
  }

  async redeemStepUpCode(request: StepUpRedeemRequest): Promise<StepUpResult> {
    let result;
    try {
      // Redeemed with no persistent cache: whose sign-in this is is known only from the answer, and
      // a teammate's tokens must never land in the requester's partition. The token is used once,
      // directly, by the resumed action; later turns ask msal afresh (on-behalf-of).
      result = await this.client(undefined).acquireTokenByCode({
        code: request.code,
        redirectUri: request.redirectUri,
        scopes: this.userScopes,
        claims: request.claims,
        ...(request.codeVerifier ? { codeVerifier: request.codeVerifier } : {}),
      });
    } catch (error) {
      throw this.translate(error, 'step-up code redemption', request.claims);
    }
    const oid = (result?.idTokenClaims as { oid?: string } | undefined)?.oid ?? result?.uniqueId;
    if (!result?.accessToken || !oid) {
      throw new DomainError(ErrorCodes.SignInRequired, 'The verification did not return a usable sign-in.', {
        remedy: 'Select Verify again.',
      });
    }
    if (oid !== request.userId) {
      throw new DomainError(
        ErrorCodes.AccessDenied,
        'The verification was completed with a different account than the one that asked for it.',
        {
          remedy: 'Sign in with your own account on the verification page.',
          details: { expectedUserId: request.userId },
        },
      );
    }
    // The user has just signed in again (stronger): later turns should ask msal afresh.
    this.recent.forgetStartingWith(`${userPartition(request.userId)}|`);
    return { userId: oid, accessToken: result.accessToken };
  }

  /** A client on one cache partition; with none, an in-memory cache this client alone sees. */
  private client(partition: string | undefined): ConfidentialClientApplication {
    const logger = this.options.logger;
    const config: Configuration = {
      auth: {
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        ...this.authority,
        clientCapabilities: ['cp1'],
      },
      cache:
        partition === undefined
          ? {}
          : {
              cachePlugin: partitionedCachePlugin(
                this.options.tokenCache.repository,
                this.options.tokenCache.cipher,
                partition,
                logger,
              ),
            },
      system: {
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          // msal's own messages without PII; never tokens.
          loggerCallback: (level, message, containsPii) => {
            if (containsPii) return;
            if (level === LogLevel.Error) logger.error({ component: 'msal' }, message);
            else if (level === LogLevel.Warning) logger.warn({ component: 'msal' }, message);
          },
        },
      },
    };
    return new ConfidentialClientApplication(config);
  }

  private translate(error: unknown, what: string, requestedClaims?: string): DomainError {
    return translateMsalError(error, what, this.options.logger, requestedClaims);
  }
}
