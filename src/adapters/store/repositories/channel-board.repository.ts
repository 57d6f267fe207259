import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type { ChannelBoard, ChannelBoardRepository } from '../../../ports/stores';
import { jsonFromColumn, jsonToColumn, requireText, timeFromColumn, timeToColumn } from '../column-codecs';
import type { Database } from '../database';

/** The one "who holds what" board message of each conversation. */
export class KyselyChannelBoardRepository implements ChannelBoardRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async claim(input: { conversationId: string; conversationRef: object }): Promise<boolean> {
    const result = await this.db
      .insertInto('channel_boards')
      .values({
        conversation_id: requireText('conversationId', input.conversationId),
        conversation_ref: jsonToColumn('conversationRef', input.conversationRef),
        activity_id: null,
        updated_at: timeToColumn('updatedAt', this.clock.now()),
      })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async setActivity(conversationId: string, activityId: string, expected: string | null): Promise<boolean> {
    let query = this.db
      .updateTable('channel_boards')
      .set({
        activity_id: requireText('activityId', activityId),
        updated_at: timeToColumn('updatedAt', this.clock.now()),
      })
      .where('conversation_id', '=', conversationId);
    query =
      expected === null ? query.where('activity_id', 'is', null) : query.where('activity_id', '=', expected);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows ?? 0n) > 0;
  }

  async get(conversationId: string): Promise<ChannelBoard | null> {
    const row = await this.db
      .selectFrom('channel_boards')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      conversationId: row.conversation_id,
      conversationRef: jsonFromColumn(row.conversation_ref),
      activityId: row.activity_id,
      updatedAt: timeFromColumn(row.updated_at),
    };
  }

  async remove(conversationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('channel_boards')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows ?? 0n) > 0;
  }
}
