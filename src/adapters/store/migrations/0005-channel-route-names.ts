import type { Kysely, Migration } from 'kysely';

/**
 * The name of the channel or group chat a route belongs to ("Operations › Incidents"), as Teams
 * said it when the route was made: the settings card names routed conversations by it. Nullable:
 * older routes have none.
 */
export const channelRouteNames: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('channel_routes').addColumn('conversation_name', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('channel_routes').dropColumn('conversation_name').execute();
  },
};
