import type { Kysely, Migration } from 'kysely';

/**
 * Channels and group chats: their subscriptions and per-role approval routing (one table, a
 * `purpose` column), and the one "who holds what" board message each conversation has.
 */
export const channelRoutes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('channel_routes')
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('role_name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_routes_pk', ['conversation_id', 'purpose', 'role_id'])
      .execute();
    await db.schema
      .createIndex('channel_routes_purpose_role_idx')
      .on('channel_routes')
      .columns(['purpose', 'role_id'])
      .execute();

    await db.schema
      .createTable('channel_boards')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_ref', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('channel_boards').execute();
    await db.schema.dropTable('channel_routes').execute();
  },
};
