import type { DateTime } from 'luxon';
import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditEntryInput, AuditRepository } from '../../../ports/stores';
import {
  jsonFromColumn,
  jsonToColumn,
  requireInteger,
  requireText,
  timeFromColumn,
  timeToColumn,
} from '../column-codecs';
import type { AuditLogTable, Database } from '../database';

export const MAX_AUDIT_PAGE = 1000;

/** Append-only audit trail (the database refuses UPDATE and DELETE on it as well). */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const row = {
      at: timeToColumn('at', entry.at),
      actor_id: requireText('actorId', entry.actorId),
      action: requireText('action', entry.action, 200),
      target: requireText('target', entry.target),
      outcome: requireText('outcome', entry.outcome, 200),
      details: jsonToColumn('details', entry.details),
    };
    const inserted = await this.db
      .insertInto('audit_log')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(inserted);
  }

  async list(query: { since?: DateTime; actorId?: string; limit: number }): Promise<AuditEntry[]> {
    const limit = requireInteger('limit', query.limit, 1, MAX_AUDIT_PAGE);
    let select = this.db.selectFrom('audit_log').selectAll();
    if (query.since !== undefined) select = select.where('at', '>=', timeToColumn('since', query.since));
    if (query.actorId !== undefined)
      select = select.where('actor_id', '=', requireText('actorId', query.actorId));
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toEntry);
  }
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: timeFromColumn(row.at),
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    details: jsonFromColumn(row.details),
  };
}
