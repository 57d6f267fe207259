import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Actor } from '../../app/shared/actor';
import type { TokenProvider } from '../../ports/token-provider';
import type { UserRepository } from '../../ports/stores';
import type { SsoTokenSource } from './sso/sso-token-source';
import type { TeamsTurn } from './teams-turn';

/**
 * Builds the Actor for a turn: the sender's Entra object id from the authenticated activity,
 * cross-checked against the `oid` of their SSO token, and a delegated token source
 * (on-behalf-of). Card data never supplies identity. Returns undefined when the user must sign
 * in first (the sign-in card has been sent).
 */
export class ActorResolver {
  constructor(
    private readonly deps: {
      sso: SsoTokenSource;
      tokens: TokenProvider;
      users: UserRepository;
      defaultTenantId?: string;
      /** Runs once the sender's identity is checked (records their conversation reference). */
      onVerified?: (turn: TeamsTurn) => Promise<void>;
    },
  ) {}

  async resolve(turn: TeamsTurn): Promise<Actor | undefined> {
    const userId = turn.userId;
    const tenantId = turn.tenantId ?? this.deps.defaultTenantId;
    if (!userId || !tenantId) {
      throw new DomainError(
        ErrorCodes.SignInRequired,
        'Teams did not tell Elevate who you are (no Entra object id on the message).',
        {
          remedy:
            'Use Elevate from Microsoft Teams with your work account; guests and anonymous users cannot activate roles.',
        },
      );
    }
    const ssoToken = await this.deps.sso.getToken(turn);
    if (!ssoToken) return undefined;
    const tokenOid = oidOf(ssoToken);
    if (tokenOid !== userId) {
      throw new DomainError(
        ErrorCodes.AccessDenied,
        'Your sign-in does not belong to the account that sent this message.',
        {
          remedy: 'Sign out of Teams and sign in again with one account.',
        },
      );
    }
    await this.deps.onVerified?.(turn);
    const profile = await this.deps.users.get(tenantId, userId);
    let cached: Promise<string> | undefined;
    return {
      tenantId,
      userId,
      displayName: profile?.displayName ?? turn.userName,
      timeZone: profile?.timeZone ?? turn.timeZone ?? 'UTC',
      delegated: {
        userId,
        // One on-behalf-of exchange per turn; a failed one is retried on the next call.
        accessToken: () => {
          cached ??= this.deps.tokens.onBehalfOf({ userId, ssoToken }).catch((error: unknown) => {
            cached = undefined;
            throw error;
          });
          return cached;
        },
        withClaims: (claims) => ({
          userId,
          accessToken: () => this.deps.tokens.onBehalfOf({ userId, ssoToken, claims }),
        }),
      },
    };
  }
}

/** The `oid` claim of a JWT, without verifying it (the token service has; this is a cross-check). */
function oidOf(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: unknown };
    return typeof claims.oid === 'string' ? claims.oid : undefined;
  } catch {
    return undefined;
  }
}
