import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type {
  CompositeCard,
  CompositeCardKey,
  CompositeCardPart,
  CompositeCardRepository,
} from '../../../ports/composite-cards';
import { jsonFromColumn, jsonToColumn, requireInteger, requireText, timeToColumn } from '../column-codecs';
import type { Database } from '../database';
import { storeInputError } from '../store-input-error';

/** A card answers at most this many requests (the roles-per-request limit is 10 by default). */
const MAX_PARTS = 50;

/** Cards that answer several requests, part by part, updated by compare-and-swap on `version`. */
export class KyselyCompositeCardRepository implements CompositeCardRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async create(card: CompositeCardKey & { parts: CompositeCardPart[] }): Promise<boolean> {
    const result = await this.db
      .insertInto('composite_cards')
      .values({
        ...keyColumns(card),
        parts: partsColumn(card.parts),
        version: 1,
        updated_at: timeToColumn('updatedAt', this.clock.now()),
      })
      .onConflict((oc) => oc.columns(['conversation_id', 'activity_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async get(key: CompositeCardKey): Promise<CompositeCard | undefined> {
    const columns = keyColumns(key);
    const row = await this.db
      .selectFrom('composite_cards')
      .selectAll()
      .where('conversation_id', '=', columns.conversation_id)
      .where('activity_id', '=', columns.activity_id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      conversationId: row.conversation_id,
      activityId: row.activity_id,
      parts: (jsonFromColumn(row.parts) as unknown as { parts: CompositeCardPart[] }).parts,
      version: Number(row.version),
    };
  }

  async replaceParts(
    key: CompositeCardKey,
    expectedVersion: number,
    parts: CompositeCardPart[],
  ): Promise<boolean> {
    requireInteger('expectedVersion', expectedVersion, 1, Number.MAX_SAFE_INTEGER);
    const columns = keyColumns(key);
    const result = await this.db
      .updateTable('composite_cards')
      .set((eb) => ({
        parts: partsColumn(parts),
        version: eb('version', '+', 1),
        updated_at: timeToColumn('updatedAt', this.clock.now()),
      }))
      .where('conversation_id', '=', columns.conversation_id)
      .where('activity_id', '=', columns.activity_id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function keyColumns(key: CompositeCardKey): { conversation_id: string; activity_id: string } {
  return {
    conversation_id: requireText('conversationId', key.conversationId),
    activity_id: requireText('activityId', key.activityId),
  };
}

function partsColumn(parts: CompositeCardPart[]): string {
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > MAX_PARTS) {
    throw storeInputError(
      'parts',
      `has ${Array.isArray(parts) ? parts.length : 'no'} parts`,
      `1 to ${MAX_PARTS} parts`,
    );
  }
  for (const [index, part] of parts.entries()) {
    if (part.requestId !== null) requireText(`parts[${index}].requestId`, part.requestId);
    jsonToColumn(`parts[${index}].card`, part.card);
  }
  return jsonToColumn('parts', { parts });
}
