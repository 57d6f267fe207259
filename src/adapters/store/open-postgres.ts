import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database';
import { storeInputError } from './store-input-error';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a PostgreSQL schema name; only plain lower-case identifiers are accepted (no quoting games). */
export function requireSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw storeInputError(
      'schema',
      `is ${JSON.stringify(schema)}`,
      'a lower-case identifier: a letter or _ followed by up to 62 letters, digits or _',
    );
  }
  return schema;
}

/**
 * Opens a pool on `databaseUrl`. Every connection gets `search_path = <schema>`, so all tables,
 * indexes and functions of the store live in (and are looked up in) that one schema. The pg
 * driver is loaded here, on first use: a SQLite deployment (and `audit:export` on it) never pays
 * its ~15 MB.
 */
export async function openPostgres(
  databaseUrl: string,
  schema: string,
  onIdleClientError: (error: Error) => void,
): Promise<Kysely<Database>> {
  const { Pool } = await import('pg');
  const pool = new Pool({
    connectionString: databaseUrl,
    options: `-c search_path=${requireSchemaName(schema)}`,
    max: 10,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', onIdleClientError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
