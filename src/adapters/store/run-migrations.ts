import { Migrator, type Kysely } from 'kysely';
import type { StoreDialect } from './database';
import { storeMigrations } from './migrations';
import type { StoreLogger } from './store-logger';

/**
 * Brings the schema up to date. On PostgreSQL, Kysely's migrator holds an advisory lock while
 * it applies migrations, so several instances starting at once apply each migration exactly
 * once and the others wait, then find nothing left to do. Throws if any migration fails.
 */
export async function runMigrations(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  schema: string | undefined,
  logger: StoreLogger,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: storeMigrations(dialect),
    // Without it, Kysely would look for its bookkeeping tables in every schema of the database.
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') {
      logger.info({ migration: result.migrationName, dialect, schema }, 'store migration applied');
    } else if (result.status === 'Error') {
      logger.warn({ migration: result.migrationName, dialect, schema }, 'store migration failed');
    }
  }
  if (error !== undefined) {
    throw new Error(
      `Store migration failed (${dialect}${schema ? `, schema ${schema}` : ''}): ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
