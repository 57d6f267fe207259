import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DateTime, Duration } from 'luxon';

/** What a card action token vouches for. */
export interface CardActionClaims {
  /** Verbs this token may be used with. */
  verbs: string[];
  /** What the action is about: 'role:<roleId>:<scope>', 'request:<id>', … */
  subject: string;
  /** The only user who may use it (approver, requester); any user when absent. */
  actorId?: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** Random id, for one-time use where that matters (approvals). */
  nonce: string;
}

export type CardActionCheck =
  | { ok: true; claims: CardActionClaims }
  | {
      ok: false;
      reason: 'missing' | 'malformed' | 'tampered' | 'expired' | 'wrongVerb' | 'wrongSubject' | 'wrongActor';
    };

/**
 * Random nonces (9 bytes, base64url) cut from one 4 KB draw of the system's CSPRNG at a time, as
 * Node's own randomUUID() does: a card carries a token per button, and a call into OpenSSL per
 * token (randomBytes(9)) was 2 % of the chat path's CPU in a profile of the bench's turns.
 */
class NoncePool {
  private pool = Buffer.alloc(0);
  private at = 0;

  next(): string {
    if (this.at + NONCE_BYTES > this.pool.length) {
      this.pool = randomBytes(NONCES_PER_DRAW * NONCE_BYTES);
      this.at = 0;
    }
    const nonce = this.pool.toString('base64url', this.at, this.at + NONCE_BYTES);
    this.at += NONCE_BYTES;
    return nonce;
  }
}

const NONCE_BYTES = 9;
/** As many nonces as fit in 4 KB. */
const NONCES_PER_DRAW = Math.floor(4096 / NONCE_BYTES);
const nonces = new NoncePool();

/**
 * HMAC-SHA256 tokens carried in card action data, so the server can tell that a button press
 * belongs to a card it produced, for that subject, user and time window. The payload is not
 * secret (base64url JSON); only its integrity matters.
 */
export class CardActionSigner {
  private readonly key: Buffer;

  constructor(secret: string | Buffer | undefined) {
    this.key = secret ? Buffer.from(secret) : randomBytes(32);
  }

  sign(input: { verbs: string[]; subject: string; actorId?: string; now: DateTime; ttl: Duration }): string {
    const claims: CardActionClaims = {
      verbs: input.verbs,
      subject: input.subject,
      actorId: input.actorId,
      // Millisecond arithmetic: luxon's plus() builds a Duration and a Locale for every token.
      exp: Math.floor((input.now.toMillis() + input.ttl.toMillis()) / 1000),
      nonce: nonces.next(),
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The nonce of a token this signer made (read without checking it: for the caller that just signed it). */
  static nonceOf(token: string): string | undefined {
    try {
      const claims = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        nonce?: unknown;
      };
      return typeof claims.nonce === 'string' ? claims.nonce : undefined;
    } catch {
      return undefined;
    }
  }

  /** `actorId` undefined: the caller checks the binding itself (the step-up page has no Teams identity). */
  verify(
    token: unknown,
    expected: { verb: string; subject?: string; actorId?: string; now: DateTime },
  ): CardActionCheck {
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
    const expectedMac = Buffer.from(this.mac(payload));
    const givenMac = Buffer.from(mac);
    if (expectedMac.length !== givenMac.length || !timingSafeEqual(expectedMac, givenMac)) {
      return { ok: false, reason: 'tampered' };
    }
    let claims: CardActionClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CardActionClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.exp < expected.now.toSeconds()) return { ok: false, reason: 'expired' };
    if (!claims.verbs.includes(expected.verb)) return { ok: false, reason: 'wrongVerb' };
    if (expected.subject !== undefined && claims.subject !== expected.subject)
      return { ok: false, reason: 'wrongSubject' };
    const bound = claims.actorId !== undefined && expected.actorId !== undefined;
    if (bound && claims.actorId !== expected.actorId) return { ok: false, reason: 'wrongActor' };
    return { ok: true, claims };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

export const roleSubject = (roleId: string, directoryScopeId: string): string =>
  `role:${roleId}:${directoryScopeId}`;
export const requestSubject = (requestId: string): string => `request:${requestId}`;
