import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './database';
import { withStatementCache } from './statement-cache';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';

/** WAL size at which SQLite checkpoints, whatever the file's page size. */
const CHECKPOINT_WAL_BYTES = 80 * 1024 * 1024;

/**
 * Opens (creating file and directory if needed) a SQLite database. WAL lets readers run beside
 * the writer; busy_timeout makes a second process wait for the write lock instead of failing.
 *
 * A new database file is created already in WAL mode (see createInWalMode), so no instance ever
 * switches the journal mode of a file another instance may be using. Switching writes page 1
 * while holding a read transaction, and SQLite answers such a read-to-write upgrade with
 * SQLITE_BUSY at once, without calling the busy handler (it could deadlock otherwise): two
 * instances starting together on a fresh file failed with "database is locked" at
 * `PRAGMA journal_mode = WAL`.
 */
export function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) createInWalMode(path);
  }
  const database = new BetterSqlite3(path, { timeout: 5000 });
  database.pragma('busy_timeout = 5000');
  // A no-op on files created above; converts a database an older version created in rollback mode.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // WAL with synchronous NORMAL: a commit is durable once written to the WAL, which survives a
  // crash or kill of the process (test/integration/reconciler/sigkill-restart); only an OS crash or
  // power loss can drop the last commits. FULL also waited for the disk on every commit, which
  // dominated the reminder burst's time (several small commits per message sent).
  database.pragma('synchronous = NORMAL');
  // Checkpoints (the only writes that wait for the disk at NORMAL) once the WAL holds ~80 MB, not
  // the default 1,000 pages (~4 MB): a sweep of a million activations writes 3 million work items,
  // and waiting for the disk at every small checkpoint was a quarter of its wall time (one machine,
  // checkpoint at ~40 MB: 56-60 s; ~80 MB: 50-53 s; ~160 MB: 50 s). The WAL file is cut back to
  // 64 MB after a checkpoint. Durability is unchanged (a commit is durable in the WAL).
  const pageSize = Number(database.pragma('page_size', { simple: true }));
  database.pragma(`wal_autocheckpoint = ${Math.round(CHECKPOINT_WAL_BYTES / pageSize)}`);
  database.pragma('journal_size_limit = 67108864');
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }),
  });
}

/**
 * Builds an empty WAL-mode database under a private name and hard-links it into place: `link`
 * is atomic and refuses an existing target, so the file at `path` is in WAL mode from the moment
 * it exists, and when several instances race, one file wins and the others open it.
 */
function createInWalMode(path: string): void {
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.creating`;
  try {
    const database = new BetterSqlite3(draft);
    database.pragma('journal_mode = WAL');
    database.close();
    try {
      linkSync(draft, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${draft}${suffix}`, { force: true });
  }
}
