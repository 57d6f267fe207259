import type { DateTime, Duration } from 'luxon';
import { sql, type Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import type { NewWorkItem, WorkItem, WorkItemRepository, WorkItemStatus } from '../../../ports/stores';
import {
  jsonFromColumn,
  jsonToColumn,
  optionalTimeFromColumn,
  requireInteger,
  requirePositiveDuration,
  requireText,
  timeFromColumn,
  timeToColumn,
} from '../column-codecs';
import type { Database, StoreDialect, WorkItemsTable } from '../database';
import { DUE_MINUTE } from '../migrations/0007-work-items-due-minute-index';

export const MAX_CLAIM_BATCH = 1000;
/** Rows a multi-row insert carries (10 parameters each). */
const INSERT_CHUNK = 500;

/** Durable scheduled work, handed out under time-limited leases. */
export class KyselyWorkItemRepository implements WorkItemRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    private readonly clock: TimeSource,
  ) {}

  async scheduleIfAbsent(item: NewWorkItem): Promise<boolean> {
    return (await this.scheduleAllIfAbsent([item])) > 0;
  }

  async scheduleAllIfAbsent(items: readonly NewWorkItem[]): Promise<number> {
    return this.insertAll(items, 'keep');
  }

  async scheduleAllOrBringForward(items: readonly NewWorkItem[]): Promise<number> {
    return this.insertAll(items, 'earlier');
  }

  /** Inserts new keys; an existing key is kept as it is, or (`earlier`) made due earlier when pending. */
  private async insertAll(items: readonly NewWorkItem[], existing: 'keep' | 'earlier'): Promise<number> {
    const createdAt = timeToColumn('createdAt', this.clock.now());
    const rows = new Map<string, WorkItemsTable>();
    // An activation's items share one payload object (the sweep's reminder, end and observed checks).
    const payloads = new Map<object, string>();
    for (const item of items) {
      const key = requireText('key', item.key);
      if (rows.has(key)) continue;
      let payload = payloads.get(item.payload);
      if (payload === undefined) {
        payload = jsonToColumn('payload', item.payload);
        payloads.set(item.payload, payload);
      }
      rows.set(key, {
        key,
        kind: requireText('kind', item.kind, 200),
        due_at: timeToColumn('dueAt', item.dueAt),
        payload,
        status: 'pending',
        lease_owner: null,
        lease_until: null,
        attempts: 0,
        done_at: null,
        created_at: createdAt,
      });
    }
    const all = [...rows.values()];
    let changed = 0;
    // One statement per chunk: 10 values a row stays under SQLite's and PostgreSQL's parameter limits.
    for (let from = 0; from < all.length; from += INSERT_CHUNK) {
      const result = await this.db
        .insertInto('work_items')
        .values(all.slice(from, from + INSERT_CHUNK))
        .onConflict((oc) =>
          existing === 'keep'
            ? oc.column('key').doNothing()
            : oc
                .column('key')
                .doUpdateSet({ due_at: (eb) => eb.ref('excluded.due_at') })
                .where('work_items.status', '=', 'pending')
                .whereRef('work_items.due_at', '>', 'excluded.due_at'),
        )
        .executeTakeFirst();
      changed += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return changed;
  }

  /**
   * One UPDATE whose subquery picks the due keys, so picking and claiming are a single atomic
   * statement (its own transaction). On PostgreSQL the subquery locks the picked rows
   * `FOR UPDATE SKIP LOCKED`: concurrent claimers skip rows another transaction is claiming
   * instead of waiting for it and then claiming them again. On SQLite the statement holds the
   * database write lock for its whole run, which serialises claimers the same way.
   */
  async claimDue(
    now: DateTime,
    owner: string,
    leaseDuration: Duration,
    limit: number,
    kinds?: readonly string[],
  ): Promise<WorkItem[]> {
    if (kinds?.length === 0) return [];
    const nowText = timeToColumn('now', now);
    const leaseUntil = timeToColumn(
      'now + leaseDuration',
      now.plus(requirePositiveDuration('leaseDuration', leaseDuration)),
    );
    const leaseOwner = requireText('owner', owner);
    const batch = requireInteger('limit', limit, 1, MAX_CLAIM_BATCH);

    const due = this.db
      .selectFrom('work_items')
      .select('key')
      .where((eb) =>
        eb.or([
          // The minute bound lets the index (status, due minute) narrow the search; due_at decides.
          eb.and([
            eb('status', '=', 'pending'),
            eb(sql.raw<string>(DUE_MINUTE), '<=', nowText.slice(0, 16)),
            eb('due_at', '<=', nowText),
          ]),
          eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<=', nowText)]),
        ]),
      )
      .$if(kinds !== undefined, (qb) => qb.where('kind', 'in', kinds as readonly string[]))
      .orderBy('due_at')
      .orderBy('key')
      .limit(batch)
      .$if(this.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());

    const rows = await this.db
      .updateTable('work_items')
      .set((eb) => ({
        status: 'claimed',
        lease_owner: leaseOwner,
        lease_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('key', 'in', due)
      .returningAll()
      .execute();
    // RETURNING gives no order guarantee.
    return rows.map(toWorkItem).sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis() || cmp(a.key, b.key));
  }

  async complete(key: string, owner: string): Promise<boolean> {
    const result = await this.db
      .updateTable('work_items')
      .set({ status: 'done', done_at: timeToColumn('doneAt', this.clock.now()) })
      .where('key', '=', key)
      .where('status', '=', 'claimed')
      .where('lease_owner', '=', requireText('owner', owner))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async release(key: string, owner: string, retryAt: DateTime): Promise<boolean> {
    const result = await this.db
      .updateTable('work_items')
      .set({
        status: 'pending',
        due_at: timeToColumn('retryAt', retryAt),
        lease_owner: null,
        lease_until: null,
      })
      .where('key', '=', key)
      .where('status', '=', 'claimed')
      .where('lease_owner', '=', requireText('owner', owner))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async cancel(key: string): Promise<boolean> {
    const result = await this.db
      .updateTable('work_items')
      .set({ status: 'cancelled', lease_owner: null, lease_until: null })
      .where('key', '=', key)
      .where('status', 'in', ['pending', 'claimed'])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async get(key: string): Promise<WorkItem | null> {
    const row = await this.db.selectFrom('work_items').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toWorkItem(row) : null;
  }
}

function toWorkItem(row: WorkItemsTable): WorkItem {
  return {
    key: row.key,
    kind: row.kind,
    dueAt: timeFromColumn(row.due_at),
    payload: jsonFromColumn(row.payload),
    status: row.status as WorkItemStatus,
    leaseOwner: row.lease_owner,
    leaseUntil: optionalTimeFromColumn(row.lease_until),
    attempts: Number(row.attempts),
    doneAt: optionalTimeFromColumn(row.done_at),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
