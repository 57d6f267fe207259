import { createHash, randomBytes } from 'node:crypto';
import { Duration } from 'luxon';
import type { SimClock } from '../sim-clock';
import type { DelegatedSession } from './delegated-session';
import { EntraOAuthError } from './entra-error';

/** Entra's authorization codes live about 10 minutes and are single use. */
export const AUTHORIZATION_CODE_LIFETIME = Duration.fromObject({ minutes: 10 });

export interface AuthorizationCodeGrant extends DelegatedSession {
  redirectUri: string;
  scope: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'plain' | 'S256';
  clientInfoRequested: boolean;
}

interface StoredCode extends AuthorizationCodeGrant {
  expiresAtMs: number;
  redeemed: boolean;
}

function invalidCode(aadsts: number, detail: string): EntraOAuthError {
  return new EntraOAuthError(400, 'invalid_grant', aadsts, detail);
}

/** Issued authorization codes, redeemable once at the token endpoint (with the PKCE verifier if a challenge was sent). */
export class AuthorizationCodes {
  private readonly codes = new Map<string, StoredCode>();

  constructor(private readonly clock: SimClock) {}

  issue(grant: AuthorizationCodeGrant): string {
    const code = randomBytes(32).toString('base64url');
    const expiresAtMs = this.clock.now().plus(AUTHORIZATION_CODE_LIFETIME).toMillis();
    this.codes.set(code, { ...grant, expiresAtMs, redeemed: false });
    return code;
  }

  redeem(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
    codeVerifier: string | undefined,
  ): AuthorizationCodeGrant {
    const stored = this.codes.get(code);
    if (!stored)
      throw invalidCode(
        9002313,
        'Invalid request. The authorization code is malformed or was not issued by this tenant.',
      );
    if (stored.redeemed)
      throw invalidCode(
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code.',
      );
    if (this.clock.now().toMillis() > stored.expiresAtMs) {
      throw invalidCode(
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request.',
      );
    }
    if (stored.appId.toLowerCase() !== clientId.toLowerCase()) {
      throw invalidCode(70000, `The authorization code was issued to a different client than '${clientId}'.`);
    }
    if (redirectUri !== undefined && redirectUri !== stored.redirectUri) {
      throw invalidCode(
        500112,
        `The reply address '${redirectUri}' does not match the reply address '${stored.redirectUri}' provided when requesting the authorization code.`,
      );
    }
    if (stored.codeChallenge !== undefined) {
      if (!codeVerifier) {
        throw new EntraOAuthError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'code_verifier'.",
        );
      }
      const computed =
        stored.codeChallengeMethod === 'S256'
          ? createHash('sha256').update(codeVerifier).digest('base64url')
          : codeVerifier;
      if (computed !== stored.codeChallenge) {
        throw invalidCode(
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      }
    }
    stored.redeemed = true;
    return stored;
  }

  clear(): void {
    this.codes.clear();
  }
}
