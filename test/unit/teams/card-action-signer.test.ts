import { DateTime, Duration } from 'luxon';
import { CardActionSigner } from '../../../src/adapters/teams/card-actions/card-action-signer';

const now = DateTime.fromISO('2026-12-04T13:00:00.250Z', { zone: 'utc' });
const ttl = Duration.fromObject({ days: 1 });
const signer = new CardActionSigner('a test secret of enough length');
const sign = (at = now) =>
  signer.sign({ verbs: ['activate'], subject: 'role:r:/', actorId: 'u1', now: at, ttl });

describe('CardActionSigner', () => {
  it('vouches for verb, subject and actor until now + ttl (whole seconds), and not after', () => {
    const token = sign();
    const check = signer.verify(token, { verb: 'activate', subject: 'role:r:/', actorId: 'u1', now });
    expect(check).toMatchObject({ ok: true, claims: { exp: Math.floor(now.plus(ttl).toSeconds()) } });
    const lastSecond = now.plus(ttl).startOf('second');
    expect(signer.verify(token, { verb: 'activate', actorId: 'u1', now: lastSecond }).ok).toBe(true);
    expect(signer.verify(token, { verb: 'activate', now: lastSecond.plus({ seconds: 1 }) })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(signer.verify(token, { verb: 'deactivate', now }).ok).toBe(false);
    expect(signer.verify(token, { verb: 'activate', actorId: 'u2', now })).toEqual({
      ok: false,
      reason: 'wrongActor',
    });
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(signer.verify(changed, { verb: 'activate', now })).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('gives every token its own 9-byte nonce, across many draws of randomness', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i += 1) {
      const nonce = CardActionSigner.nonceOf(sign());
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{12}$/);
      seen.add(nonce!);
    }
    expect(seen.size).toBe(5_000);
  });

  it('a new signer without a secret refuses tokens another one made', () => {
    const token = sign();
    expect(new CardActionSigner(undefined).verify(token, { verb: 'activate', now })).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });
});
