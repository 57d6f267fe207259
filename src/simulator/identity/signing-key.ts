import { createHash, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';

/** An RS256 signing key pair generated when the simulator starts, published as a JWK with a `kid`. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as a JWK (`kty`, `n`, `e`, `kid`, `use: 'sig'`, `alg: 'RS256'`). */
  jwk: JsonWebKey & { kid: string; use: 'sig'; alg: 'RS256' };
}

/** RFC 7638 thumbprint of an RSA public JWK, base64url: stable key id for the published key. */
function rsaThumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' });
  const kid = rsaThumbprint(exported);
  return { kid, privateKey, publicKey, jwk: { ...exported, kid, use: 'sig', alg: 'RS256' } };
}
