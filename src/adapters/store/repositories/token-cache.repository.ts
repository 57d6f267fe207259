import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type { TokenCacheRepository } from '../../../ports/stores';
import { requireText, timeToColumn } from '../column-codecs';
import type { Database } from '../database';
import { storeInputError } from '../store-input-error';

/** Opaque msal-node cache partitions (encrypted by the auth adapter before they get here). */
export class KyselyTokenCacheRepository implements TokenCacheRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async read(partitionKey: string): Promise<Buffer | null> {
    const row = await this.db
      .selectFrom('token_cache')
      .select('data')
      .where('partition_key', '=', partitionKey)
      .executeTakeFirst();
    return row ? Buffer.from(row.data) : null;
  }

  async write(partitionKey: string, data: Buffer): Promise<void> {
    if (!Buffer.isBuffer(data)) {
      throw storeInputError('data', `is ${typeof data}`, 'a Buffer');
    }
    const row = {
      partition_key: requireText('partitionKey', partitionKey),
      data,
      updated_at: timeToColumn('updatedAt', this.clock.now()),
    };
    await this.db
      .insertInto('token_cache')
      .values(row)
      .onConflict((oc) =>
        oc.column('partition_key').doUpdateSet((eb) => ({
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async delete(partitionKey: string): Promise<void> {
    await this.db.deleteFrom('token_cache').where('partition_key', '=', partitionKey).execute();
  }
}
