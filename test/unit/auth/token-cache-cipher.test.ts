import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';

describe('TokenCacheCipher (AES-256-GCM at rest)', () => {
  const cipher = new TokenCacheCipher(Buffer.alloc(32, 3));

  it('round-trips and never stores the plaintext', () => {
    const blob = cipher.encrypt('{"AccessToken":{"secret-token-value":1}}', 'user:a');
    expect(blob.toString('latin1')).not.toContain('secret-token-value');
    expect(cipher.decrypt(blob, 'user:a')).toBe('{"AccessToken":{"secret-token-value":1}}');
  });

  it('binds the blob to its partition and detects tampering', () => {
    const blob = cipher.encrypt('data', 'user:a');
    expect(() => cipher.decrypt(blob, 'user:b')).toThrow(/could not be decrypted/);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, 'user:a')).toThrow(/could not be decrypted/);
  });

  it('reads TOKEN_CACHE_KEY as hex or base64 and explains a bad key', () => {
    expect(() => TokenCacheCipher.fromConfigValue('aa'.repeat(32))).not.toThrow();
    expect(() => TokenCacheCipher.fromConfigValue(Buffer.alloc(32, 9).toString('base64'))).not.toThrow();
    expect(() => TokenCacheCipher.fromConfigValue('short')).toThrow(/must be 32 bytes/);
  });

  it('refuses to start in tenant mode without a key; demo mode uses a process key', () => {
    expect(() => TokenCacheCipher.forMode('tenant', undefined)).toThrow(/TOKEN_CACHE_KEY is not set/);
    const demo = TokenCacheCipher.forMode('demo', '');
    expect(demo.decrypt(demo.encrypt('x', 'p'), 'p')).toBe('x');
  });
});
