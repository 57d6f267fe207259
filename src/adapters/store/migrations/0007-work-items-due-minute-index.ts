import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The work-item index the claim query searches, by status and the minute an item falls due
 * (`substr(due_at, 1, 16)`: "2026-06-01T13:00") instead of its exact due time.
 *
 * Within one minute the entries of an index lie in row order (SQLite's rowid, PostgreSQL's tuple
 * id), so new items are appended at the end of their minute. Indexed by exact due time, every new
 * item landed at a random place: a reconcile sweep's reminders (due 10 minutes before ends spread
 * over hours) touched a different index page per row, and each page went to the WAL at every
 * commit and again at checkpoints: a sweep of a million activations wrote ≈ 9 GB for its million
 * reminders. By minute, a batch of 500 reminders touches one page per minute it spans. Claiming
 * is unchanged in cost: it already read every due row and sorted them by due time (the plan is a
 * multi-index OR with a sort), and it still filters on the exact `due_at` (work-item.repository).
 */
export const workItemsDueMinuteIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('work_items_status_due_idx').execute();
    await sql`create index work_items_status_due_minute_idx on work_items (status, ${sql.raw(DUE_MINUTE)})`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('work_items_status_due_minute_idx').execute();
    await db.schema
      .createIndex('work_items_status_due_idx')
      .on('work_items')
      .columns(['status', 'due_at'])
      .execute();
  },
};

/**
 * The indexed expression; a query must spell it the same way for either database to use the index.
 * Stored due times are toISOString text, so the first 16 characters are the minute, in time order.
 */
export const DUE_MINUTE = 'substr(due_at, 1, 16)';
