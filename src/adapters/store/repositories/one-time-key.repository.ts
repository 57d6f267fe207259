import type { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type { OneTimeKeyRepository } from '../../../ports/one-time-keys';
import { requireText, timeToColumn } from '../column-codecs';
import type { Database } from '../database';

/** Insert-if-absent on the key: the first consumer wins, on every instance. Expired keys are purged as we go. */
export class KyselyOneTimeKeyRepository implements OneTimeKeyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async consume(key: string, expiresAt: DateTime): Promise<boolean> {
    const now = timeToColumn('now', this.clock.now());
    await this.db.deleteFrom('one_time_keys').where('expires_at', '<', now).execute();
    const result = await this.db
      .insertInto('one_time_keys')
      .values({
        key: requireText('key', key),
        expires_at: timeToColumn('expiresAt', expiresAt),
        used_at: now,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async release(key: string): Promise<void> {
    await this.db.deleteFrom('one_time_keys').where('key', '=', requireText('key', key)).execute();
  }

  async isUsed(key: string): Promise<boolean> {
    const now = timeToColumn('now', this.clock.now());
    const row = await this.db
      .selectFrom('one_time_keys')
      .select('key')
      .where('key', '=', requireText('key', key))
      .where('expires_at', '>=', now)
      .executeTakeFirst();
    return row !== undefined;
  }
}
