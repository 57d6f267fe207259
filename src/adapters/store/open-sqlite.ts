import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './database';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';

/**
 * Opens (creating file and directory if needed) a SQLite database. WAL lets readers run beside
 * the writer; busy_timeout makes a second process wait for the write lock instead of failing.
 */
export function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
}
