import { randomBytes } from 'node:crypto';
import { Duration } from 'luxon';
import type { SimClock } from '../sim-clock';
import type { DelegatedSession } from './delegated-session';
import { EntraOAuthError } from './entra-error';

/** Entra refresh tokens stay valid for 90 days of inactivity. */
export const REFRESH_TOKEN_LIFETIME = Duration.fromObject({ days: 90 });

/** Opaque refresh tokens (as Entra's are to clients), each standing for a delegated session. */
export class RefreshTokens {
  private readonly tokens = new Map<string, DelegatedSession & { expiresAtMs: number }>();

  constructor(private readonly clock: SimClock) {}

  issue(session: DelegatedSession): string {
    const token = `sim.rt.${randomBytes(36).toString('base64url')}`;
    this.tokens.set(token, {
      ...session,
      expiresAtMs: this.clock.now().plus(REFRESH_TOKEN_LIFETIME).toMillis(),
    });
    return token;
  }

  redeem(token: string, clientId: string): DelegatedSession {
    const stored = this.tokens.get(token);
    if (!stored) {
      throw new EntraOAuthError(
        400,
        'invalid_grant',
        9002313,
        'Invalid request. The refresh token is malformed or was not issued by this tenant.',
      );
    }
    if (this.clock.now().toMillis() > stored.expiresAtMs) {
      this.tokens.delete(token);
      throw new EntraOAuthError(
        400,
        'invalid_grant',
        700082,
        'The refresh token has expired due to inactivity. The token was issued more than 90 days ago and was inactive since.',
      );
    }
    if (stored.appId.toLowerCase() !== clientId.toLowerCase()) {
      throw new EntraOAuthError(
        400,
        'invalid_grant',
        70000,
        `The refresh token was issued to a different client than '${clientId}'.`,
      );
    }
    const { expiresAtMs: _unused, ...session } = stored;
    return session;
  }

  clear(): void {
    this.tokens.clear();
  }
}
