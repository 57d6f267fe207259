import type { DateTime } from 'luxon';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditEntryInput, AuditFields, AuditRepository } from '../../../ports/stores';
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
/** Longer text (a justification) is cut with an ellipsis: an audit entry is never refused for length. */
const MAX_FIELD_LENGTH = 2000;

const FIELD_COLUMNS: readonly [keyof AuditFields, keyof AuditLogTable][] = [
  ['actorName', 'actor_name'],
  ['principalId', 'principal_id'],
  ['principalName', 'principal_name'],
  ['roleId', 'role_id'],
  ['roleName', 'role_name'],
  ['scopeId', 'scope_id'],
  ['scopeName', 'scope_name'],
  ['requestId', 'request_id'],
  ['justification', 'justification'],
  ['ticket', 'ticket'],
  ['reason', 'reason'],
  ['conversationId', 'conversation_id'],
  ['clientRequestId', 'client_request_id'],
];

/** Append-only audit trail (the database refuses UPDATE and DELETE on it as well). */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntryInput): Promise<AuditEntry> {
    const row: Record<string, string | null> = {
      at: timeToColumn('at', entry.at),
      actor_id: requireText('actorId', entry.actorId),
      action: requireText('action', entry.action, 200),
      target: requireText('target', cut(entry.target) ?? ''),
      outcome: requireText('outcome', entry.outcome, 200),
      details: jsonToColumn('details', entry.details),
    };
    for (const [field, column] of FIELD_COLUMNS) row[column] = cut(entry[field]);
    const inserted = await this.db
      .insertInto('audit_log')
      .values(row as never)
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

  async search(query: {
    userId?: string;
    roleId?: string;
    since?: DateTime;
    before?: { at: DateTime; id: number };
    after?: { at: DateTime; id: number };
    order?: 'newest' | 'oldest';
    limit: number;
  }): Promise<AuditEntry[]> {
    const limit = requireInteger('limit', query.limit, 1, MAX_AUDIT_PAGE);
    let select = this.db.selectFrom('audit_log').selectAll();
    if (query.userId !== undefined) {
      const userId = requireText('userId', query.userId);
      select = select.where((eb: ExpressionBuilder<Database, 'audit_log'>) =>
        eb.or([eb('actor_id', '=', userId), eb('principal_id', '=', userId)]),
      );
    }
    if (query.roleId !== undefined)
      select = select.where('role_id', '=', requireText('roleId', query.roleId));
    const since = query.since && timeToColumn('since', query.since);
    // `since` only when the cursor does not start later: one lower bound on `at`, so the (at, id)
    // index range starts at the cursor and every page costs the same however deep it is.
    const afterAt = query.after && timeToColumn('after.at', query.after.at);
    if (since !== undefined && !(afterAt !== undefined && afterAt >= since))
      select = select.where('at', '>=', since);
    for (const [name, cursor, op] of [
      ['before', query.before, '<'],
      ['after', query.after, '>'],
    ] as const) {
      if (cursor === undefined) continue;
      const at = timeToColumn(`${name}.at`, cursor.at);
      const id = requireInteger(`${name}.id`, cursor.id, 0, Number.MAX_SAFE_INTEGER);
      select = select.where((eb: ExpressionBuilder<Database, 'audit_log'>) =>
        eb.and([
          eb('at', `${op}=`, at),
          eb.or([eb('at', op, at), eb.and([eb('at', '=', at), eb('id', op, id)])]),
        ]),
      );
    }
    const direction = query.order === 'oldest' ? 'asc' : 'desc';
    const rows = await select.orderBy('at', direction).orderBy('id', direction).limit(limit).execute();
    return rows.map(toEntry);
  }
}

function cut(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  return value.length > MAX_FIELD_LENGTH ? `${value.slice(0, MAX_FIELD_LENGTH - 1)}…` : value;
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  const entry: AuditEntry = {
    id: Number(row.id),
    at: timeFromColumn(row.at),
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    details: jsonFromColumn(row.details),
  };
  for (const [field, column] of FIELD_COLUMNS) {
    const value = row[column];
    if (typeof value === 'string') entry[field] = value;
  }
  return entry;
}
