import type { Kysely, Migration } from 'kysely';

/** Keys usable once across all instances (step-up states, approval action nonces). */
export const oneTimeKeys: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('one_time_keys')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('one_time_keys_expires_at')
      .on('one_time_keys')
      .column('expires_at')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('one_time_keys').execute();
  },
};
