import jwt from 'jsonwebtoken';
import type { SimClock } from '../sim-clock';
import type { SigningKey } from './signing-key';

export type TokenRejection = 'malformed' | 'signature' | 'issuer' | 'audience' | 'expired' | 'not-yet-valid';

/** Why a token the simulator was shown is not one it accepts. */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedClaims {
  [claim: string]: unknown;
  aud: string;
  iss: string;
  tid?: string;
  oid?: string;
  azp?: string;
  appid?: string;
  idtyp?: string;
  scp?: string;
  roles?: string[];
  amr?: string[];
  acrs?: string[];
}

/**
 * Verifies a JWT the simulator signed: RS256 signature with its key, `iss` and `aud` among the accepted
 * ones, `nbf`/`exp` against the SimClock (no skew allowance: the clock is the simulator's own).
 */
export function verifySimulatorToken(
  token: string,
  key: SigningKey,
  clock: SimClock,
  expected: { issuers: string[]; audiences: string[] },
): VerifiedClaims {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') {
    throw new TokenRejectedError(
      'malformed',
      'The token is not a well-formed JWT (three base64url parts with a JSON payload).',
    );
  }
  if (decoded.header.kid !== key.kid) {
    throw new TokenRejectedError(
      'signature',
      `The token's signing key '${decoded.header.kid ?? '(none)'}' is not one the simulator published.`,
    );
  }
  const now = Math.floor(clock.now().toSeconds());
  try {
    return jwt.verify(token, key.publicKey, {
      algorithms: ['RS256'],
      issuer: expected.issuers as [string, ...string[]],
      audience: expected.audiences as [string, ...string[]],
      clockTimestamp: now,
    }) as VerifiedClaims;
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) {
      throw new TokenRejectedError(
        'expired',
        `Lifetime validation failed, the token is expired (exp ${err.expiredAt.toISOString()}).`,
      );
    }
    if (err instanceof jwt.NotBeforeError) {
      throw new TokenRejectedError(
        'not-yet-valid',
        `Lifetime validation failed, the token is not yet valid (nbf ${err.date.toISOString()}).`,
      );
    }
    const message = err instanceof Error ? err.message : String(err);
    if (message.startsWith('jwt issuer invalid')) {
      throw new TokenRejectedError(
        'issuer',
        `Invalid issuer: expected one of ${expected.issuers.join(', ')}.`,
      );
    }
    if (message.startsWith('jwt audience invalid')) {
      throw new TokenRejectedError(
        'audience',
        `Invalid audience: expected one of ${expected.audiences.join(', ')}.`,
      );
    }
    if (message.includes('signature') || message.includes('algorithm')) {
      throw new TokenRejectedError('signature', `Invalid signature: ${message}.`);
    }
    throw new TokenRejectedError('malformed', `The token could not be validated: ${message}.`);
  }
}
