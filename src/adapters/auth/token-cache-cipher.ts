import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError, ErrorCodes } from '../../domain/errors';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for the token cache at rest. Layout: version (1 byte) | iv (12) | tag (16) |
 * ciphertext. The partition key is bound as additional authenticated data, so one user's blob
 * cannot be swapped into another user's row.
 */
export class TokenCacheCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) {
      throw new DomainError(
        ErrorCodes.ConfigInvalid,
        `TOKEN_CACHE_KEY must be 32 bytes (AES-256); it decodes to ${key.length} bytes.`,
        { remedy: 'Generate one with `openssl rand -base64 32` and set TOKEN_CACHE_KEY.' },
      );
    }
    this.key = key;
  }

  /** Reads TOKEN_CACHE_KEY: 64 hex characters or base64 of 32 bytes. */
  static fromConfigValue(value: string | undefined): TokenCacheCipher {
    const trimmed = (value ?? '').trim();
    if (!trimmed) {
      throw new DomainError(ErrorCodes.ConfigInvalid, 'TOKEN_CACHE_KEY is not set.', {
        remedy: 'Set TOKEN_CACHE_KEY to 32 random bytes in base64 (`openssl rand -base64 32`).',
      });
    }
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : Buffer.from(trimmed, 'base64');
    return new TokenCacheCipher(key);
  }

  /**
   * Tenant mode refuses to start without TOKEN_CACHE_KEY; demo mode (simulator tenant) falls back
   * to a random per-process key, so its cache simply does not survive a restart.
   */
  static forMode(mode: 'tenant' | 'demo', value: string | undefined): TokenCacheCipher {
    if (mode === 'demo' && !(value ?? '').trim()) return new TokenCacheCipher(randomBytes(32));
    return TokenCacheCipher.fromConfigValue(value);
  }

  encrypt(plaintext: string, partitionKey: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(partitionKey, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(blob: Buffer, partitionKey: string): string {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) {
      throw new DomainError(ErrorCodes.Internal, 'A stored token cache entry has an unknown format.');
    }
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(partitionKey, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch (error) {
      throw new DomainError(
        ErrorCodes.Internal,
        'A stored token cache entry could not be decrypted (wrong TOKEN_CACHE_KEY or tampered data).',
        { cause: error },
      );
    }
  }
}
