import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { createStore } from '../../src/adapters/store/create-store';
import type { Clock } from '../../src/ports/clock';
import type { Store } from '../../src/ports/stores';

/** One empty database (a SQLite file or a PostgreSQL schema) that tests can open stores on. */
export interface TestDatabase {
  /** Opens one more store instance on this database (runs migrations, like every instance does). */
  open(clock?: Clock): Promise<Store>;
  /** Runs raw SQL outside the store, with the tables of this database in scope. */
  query(statement: string): Promise<Record<string, unknown>[]>;
  /** The file, on the SQLite backend. */
  sqlitePath?: string;
}

/** A database engine the contract suite runs against. */
export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database; dropped in `cleanup`. */
  freshDatabase(): Promise<TestDatabase>;
  cleanup(): Promise<void>;
}

class SqliteBackend implements StoreBackend {
  readonly name = 'sqlite' as const;
  private readonly dir = mkdtempSync(join(tmpdir(), 'elevate-store-'));
  private readonly opened: Store[] = [];

  async freshDatabase(): Promise<TestDatabase> {
    const path = join(this.dir, `${randomUUID()}.sqlite`);
    return {
      sqlitePath: path,
      open: async (clock) => this.track(await createStore({ sqlitePath: path, clock })),
      query: async (statement) => {
        const db = new BetterSqlite3(path, { fileMustExist: true });
        db.pragma('busy_timeout = 5000');
        try {
          const prepared = db.prepare(statement);
          if (prepared.reader) return prepared.all() as Record<string, unknown>[];
          prepared.run();
          return [];
        } finally {
          db.close();
        }
      },
    };
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.opened.map((store) => store.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private track(store: Store): Store {
    this.opened.push(store);
    return store;
  }
}

class PostgresBackend implements StoreBackend {
  readonly name = 'postgres' as const;
  private readonly schemas: string[] = [];
  private readonly opened: Store[] = [];

  constructor(private readonly databaseUrl: string) {}

  async freshDatabase(): Promise<TestDatabase> {
    // Not created here: the store creates its schema on first start (and that is under test).
    const schema = `contract_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    this.schemas.push(schema);
    return {
      open: async (clock) =>
        this.track(await createStore({ databaseUrl: this.databaseUrl, sqlitePath: 'unused', schema, clock })),
      query: (statement) =>
        this.withClient(async (client) => {
          await client.query(`set search_path to ${schema}`);
          return (await client.query(statement)).rows as Record<string, unknown>[];
        }),
    };
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.opened.map((store) => store.close()));
    await this.withClient(async (client) => {
      for (const schema of this.schemas) await client.query(`drop schema if exists ${schema} cascade`);
    });
  }

  private track(store: Store): Store {
    this.opened.push(store);
    return store;
  }

  private async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function availableBackends(): Array<[StoreBackend['name'], () => StoreBackend]> {
  const backends: Array<[StoreBackend['name'], () => StoreBackend]> = [['sqlite', () => new SqliteBackend()]];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push(['postgres', () => new PostgresBackend(url)]);
  return backends;
}
