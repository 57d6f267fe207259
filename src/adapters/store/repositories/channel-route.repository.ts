import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import {
  ALL_ROLES,
  CHANNEL_ROUTE_PURPOSES,
  type ChannelRoute,
  type ChannelRouteInput,
  type ChannelRoutePurpose,
  type ChannelRouteRepository,
} from '../../../ports/stores';
import { requireOneOf, requireText, timeFromColumn, timeToColumn } from '../column-codecs';
import type { ChannelRoutesTable, Database } from '../database';
import { storeInputError } from '../store-input-error';

/** At most this many role ids in one remove (one statement, bounded parameters). */
const MAX_ROLE_IDS = 100;

/** Subscriptions and per-role approval routing of channels and group chats. */
export class KyselyChannelRouteRepository implements ChannelRouteRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async add(route: ChannelRouteInput): Promise<boolean> {
    const row: ChannelRoutesTable = {
      conversation_id: requireText('conversationId', route.conversationId),
      purpose: requireOneOf('purpose', route.purpose, CHANNEL_ROUTE_PURPOSES),
      role_id: requireText('roleId', route.roleId, 256),
      tenant_id: requireText('tenantId', route.tenantId),
      role_name: requireText('roleName', route.roleName, 256),
      created_by: requireText('createdBy', route.createdBy),
      created_at: timeToColumn('createdAt', this.clock.now()),
      conversation_name: route.conversationName
        ? requireText('conversationName', route.conversationName, 256)
        : null,
    };
    const result = await this.db
      .insertInto('channel_routes')
      .values(row)
      .onConflict((oc) => oc.columns(['conversation_id', 'purpose', 'role_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async remove(
    conversationId: string,
    purpose: ChannelRoutePurpose,
    roleIds?: readonly string[],
  ): Promise<number> {
    requireOneOf('purpose', purpose, CHANNEL_ROUTE_PURPOSES);
    if (roleIds !== undefined && roleIds.length === 0) return 0;
    if (roleIds && roleIds.length > MAX_ROLE_IDS) {
      throw storeInputError('roleIds', `has ${roleIds.length} ids`, `at most ${MAX_ROLE_IDS}`);
    }
    let query = this.db
      .deleteFrom('channel_routes')
      .where('conversation_id', '=', conversationId)
      .where('purpose', '=', purpose);
    if (roleIds) query = query.where('role_id', 'in', roleIds);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows ?? 0n);
  }

  async listForConversation(conversationId: string, purpose?: ChannelRoutePurpose): Promise<ChannelRoute[]> {
    let query = this.db
      .selectFrom('channel_routes')
      .selectAll()
      .where('conversation_id', '=', conversationId);
    if (purpose)
      query = query.where('purpose', '=', requireOneOf('purpose', purpose, CHANNEL_ROUTE_PURPOSES));
    const rows = await query.orderBy('created_at').orderBy('role_id').execute();
    return rows.map(toRoute);
  }

  async listForRole(purpose: ChannelRoutePurpose, roleId: string): Promise<ChannelRoute[]> {
    const rows = await this.db
      .selectFrom('channel_routes')
      .selectAll()
      .where('purpose', '=', requireOneOf('purpose', purpose, CHANNEL_ROUTE_PURPOSES))
      .where('role_id', 'in', [roleId, ALL_ROLES])
      .orderBy('created_at')
      .orderBy('conversation_id')
      .execute();
    return rows.map(toRoute);
  }

  async listConversations(purpose: ChannelRoutePurpose): Promise<string[]> {
    const rows = await this.db
      .selectFrom('channel_routes')
      .select('conversation_id')
      .distinct()
      .where('purpose', '=', requireOneOf('purpose', purpose, CHANNEL_ROUTE_PURPOSES))
      .execute();
    return rows.map((row) => row.conversation_id);
  }

  async removeConversation(conversationId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('channel_routes')
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      await trx.deleteFrom('channel_boards').where('conversation_id', '=', conversationId).execute();
      return Number(removed.numDeletedRows ?? 0n);
    });
  }
}

function toRoute(row: ChannelRoutesTable): ChannelRoute {
  return {
    conversationId: row.conversation_id,
    tenantId: row.tenant_id,
    purpose: row.purpose as ChannelRoutePurpose,
    roleId: row.role_id,
    roleName: row.role_name,
    createdBy: row.created_by,
    createdAt: timeFromColumn(row.created_at),
    conversationName: row.conversation_name ?? null,
  };
}
