import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import {
  CARD_COPY_KINDS,
  type CardCopy,
  type CardCopyInput,
  type CardCopyRepository,
} from '../../../ports/stores';
import {
  jsonFromColumn,
  jsonToColumn,
  requireOneOf,
  requireText,
  timeFromColumn,
  timeToColumn,
} from '../column-codecs';
import type { Database } from '../database';

/** Every posted copy of a request's card, so all of them can be updated in place. */
export class KyselyCardCopyRepository implements CardCopyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {}

  async add(copy: CardCopyInput): Promise<boolean> {
    const row = {
      request_id: requireText('requestId', copy.requestId),
      activity_id: requireText('activityId', copy.activityId),
      kind: requireOneOf('kind', copy.kind, CARD_COPY_KINDS),
      conversation_ref: jsonToColumn('conversationRef', copy.conversationRef),
      recipient_id: copy.recipientId === undefined ? null : requireText('recipientId', copy.recipientId),
      created_at: timeToColumn('createdAt', this.clock.now()),
    };
    const result = await this.db
      .insertInto('card_copies')
      .values(row)
      .onConflict((oc) => oc.columns(['request_id', 'activity_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async listForRequest(requestId: string): Promise<CardCopy[]> {
    const rows = await this.db
      .selectFrom('card_copies')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('activity_id')
      .execute();
    return rows.map((row) => ({
      requestId: row.request_id,
      kind: row.kind as CardCopy['kind'],
      conversationRef: jsonFromColumn(row.conversation_ref),
      activityId: row.activity_id,
      recipientId: row.recipient_id,
      createdAt: timeFromColumn(row.created_at),
    }));
  }
}
