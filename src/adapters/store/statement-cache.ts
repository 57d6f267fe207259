import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared (least recently used dropped first). */
const CACHED_STATEMENTS = 256;

/**
 * better-sqlite3 behind Kysely, with its prepared statements reused: Kysely's SQLite driver
 * prepares every query afresh, which was a tenth of the reconciler's and the reminder burst's CPU.
 * A statement still being iterated (a streamed read) is never handed out twice: that caller gets a
 * fresh one. SQLite re-prepares a cached statement by itself after a schema change.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
