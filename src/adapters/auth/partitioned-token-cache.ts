import { DistributedCachePlugin, type ICacheClient, type IPartitionManager } from '@azure/msal-node';
import type { TokenCacheRepository } from '../../ports/stores';
import type { AdapterLogger } from '../graph/graph-logger';
import type { TokenCacheCipher } from './token-cache-cipher';

/**
 * msal-node's DistributedCachePlugin over Elevate's store: one encrypted blob per partition
 * ('app' for the client-credentials token, 'user:{oid}' per user). Every cache access reads the
 * partition from the store and writes it back when msal changed it, so several instances share
 * tokens; concurrent writers to one partition are last-writer-wins, which only costs a token
 * request.
 */
export function partitionedCachePlugin(
  repository: TokenCacheRepository,
  cipher: TokenCacheCipher,
  partitionKey: string,
  logger: AdapterLogger,
): DistributedCachePlugin {
  const client: ICacheClient = {
    async get(key: string): Promise<string> {
      const blob = await repository.read(key);
      if (!blob) return '';
      try {
        return cipher.decrypt(blob, key);
      } catch {
        // Unreadable (key rotated or tampered): start this partition afresh.
        logger.warn({ partition: key }, 'discarding a token cache entry that could not be decrypted');
        await repository.delete(key);
        return '';
      }
    },
    async set(key: string, value: string): Promise<string> {
      await repository.write(key, cipher.encrypt(value, key));
      return value;
    },
  };
  const partitions: IPartitionManager = {
    getKey: async () => partitionKey,
    // One msal application per partition: whatever account msal wrote belongs to it.
    extractKey: async () => partitionKey,
  };
  return new DistributedCachePlugin(client, partitions);
}

export function userPartition(userId: string): string {
  return `user:${userId}`;
}

export const APP_PARTITION = 'app';
