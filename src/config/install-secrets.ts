import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from './config';

/** The install's secrets: from the configuration in tenant mode, generated once per install in demo mode. */

/**
 * The token cache encryption key: TOKEN_CACHE_KEY in tenant mode (required there). Demo mode keeps
 * a generated key next to the SQLite file so cached demo tokens survive restarts.
 */
export function tokenCacheKey(config: AppConfig): Buffer {
  if (config.tokenCacheKey) return config.tokenCacheKey;
  if (config.mode === 'tenant') throw new Error('TOKEN_CACHE_KEY is required in tenant mode');
  return Buffer.from(installSecret(config, 'token-cache.key'), 'base64');
}

/**
 * The card-action signing key: CARD_SIGNING_KEY in tenant mode (required there). Demo mode
 * generates one per install, kept next to the SQLite file like the token-cache key, so buttons
 * keep working across restarts and no two installs (and no attacker) share it.
 */
export function cardSigningKey(config: AppConfig): string {
  if (config.cardSigningKey) return config.cardSigningKey;
  if (config.mode === 'tenant') throw new Error('CARD_SIGNING_KEY is required in tenant mode');
  return installSecret(config, 'card-signing.key');
}

/** 32 random bytes (base64) generated once per install, in a 0600 file beside the SQLite database. */
function installSecret(config: AppConfig, name: string): string {
  if (config.store.sqlitePath === ':memory:') return randomBytes(32).toString('base64');
  const file = path.join(path.dirname(path.resolve(config.store.sqlitePath)), name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': when two instances start at once, the first file wins and both read it.
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
