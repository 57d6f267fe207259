import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { Duration } from 'luxon';
import { createStore } from '../../src/adapters/store/create-store';
import { type ContractContext, expectStoreInputError } from './contract-context';
import { childEnv, transpileForChild } from './transpile-for-child';

const MIGRATION_NAMES = [
  '0001-initial-schema',
  '0002-one-time-keys',
  '0003-channel-routes',
  '0004-audit-fields-and-settings',
  '0005-channel-route-names',
  '0006-composite-cards',
  '0007-work-items-due-minute-index',
];

export function migrationsContract(ctx: ContractContext): void {
  describe('migrations', () => {
    it('re-opening a migrated database applies nothing twice and keeps the data', async () => {
      const database = await ctx.backend.freshDatabase();
      const first = await database.open(ctx.clock);
      await first.workItems.scheduleIfAbsent({
        key: 'k',
        kind: 'reminder',
        dueAt: ctx.clock.now(),
        payload: { a: 1 },
      });
      await first.close();

      const reopened = await database.open(ctx.clock);
      await reopened.ping();
      expect((await reopened.workItems.get('k'))?.payload).toEqual({ a: 1 });
      const applied = await database.query('select name from kysely_migration order by name');
      expect(applied.map((row) => row.name)).toEqual(MIGRATION_NAMES);
    });

    it('several instances starting at once on one fresh database all succeed and migrate once', async () => {
      const database = await ctx.backend.freshDatabase();
      if (ctx.backend.name === 'sqlite') {
        // One process drives one SQLite file through a single synchronous connection, so
        // "at once" means several processes here. Before new files were created in WAL mode,
        // this failed now and then with "database is locked" at PRAGMA journal_mode = WAL.
        await expect(openInParallelProcesses(database.sqlitePath!, 5)).resolves.toBeUndefined();
        expect(readdirSync(dirname(database.sqlitePath!)).filter((f) => f.endsWith('.creating'))).toEqual([]);
      } else {
        const stores = await Promise.all(Array.from({ length: 5 }, () => database.open(ctx.clock)));
        await Promise.all(stores.map((store) => store.ping()));
        await stores[0].audit.append({
          at: ctx.clock.now(),
          actorId: 'system:test',
          action: 'started',
          target: 'store',
          outcome: 'succeeded',
          details: {},
        });
        expect(await stores[4].audit.list({ limit: 5 })).toHaveLength(1);
      }
      const applied = await database.query('select name from kysely_migration order by name');
      expect(applied.map((row) => row.name)).toEqual(MIGRATION_NAMES);
    });

    it('stores pass time round trips at millisecond precision, from any zone', async () => {
      const store = ctx.store();
      const dueAt = ctx.clock.now().plus(Duration.fromMillis(123)).setZone('America/New_York');
      await store.workItems.scheduleIfAbsent({
        key: `zone-${dueAt.toMillis()}`,
        kind: 'x',
        dueAt,
        payload: {},
      });
      const item = await store.workItems.get(`zone-${dueAt.toMillis()}`);
      expect(item?.dueAt.toMillis()).toBe(dueAt.toMillis());
      expect(item?.dueAt.zoneName).toBe('UTC');
    });
  });
}

/** Options checks that need no database at all. */
export function createStoreOptionsContract(): void {
  describe('createStore options', () => {
    it('refuses a database URL that is not PostgreSQL, and a bad schema name', async () => {
      await expectStoreInputError(
        createStore({ databaseUrl: 'mysql://localhost/db', sqlitePath: 'x' }),
        "'databaseUrl'",
        'mysql:',
        'postgres://',
      );
      await expectStoreInputError(
        createStore({ databaseUrl: 'postgres://localhost/db', sqlitePath: 'x', schema: 'Robert"; drop' }),
        "'schema'",
        'lower-case identifier',
      );
      await expectStoreInputError(
        createStore({ sqlitePath: 'x.sqlite', schema: 'elevate' }),
        "'schema'",
        'postgres://',
      );
      await expectStoreInputError(createStore({ sqlitePath: '' }), "'sqlitePath'", '.data/elevate.sqlite');
    });

    it("opens a throwaway in-memory SQLite store with ':memory:'", async () => {
      const store = await createStore({ sqlitePath: ':memory:' });
      try {
        expect(await store.tokenCache.write('k', Buffer.from('v'))).toBeUndefined();
        expect((await store.tokenCache.read('k'))?.toString()).toBe('v');
      } finally {
        await store.close();
      }
    });

    it('creates the SQLite directory on first start', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'elevate-store-dir-'));
      const path = join(dir, 'nested', 'deeper', 'elevate.sqlite');
      try {
        const store = await createStore({ sqlitePath: path });
        await store.ping();
        await store.close();
        await store.close();
        const db = new BetterSqlite3(path, { readonly: true });
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        db.close();
        expect(readdirSync(join(dir, 'nested', 'deeper'))).toEqual(
          expect.not.arrayContaining([expect.stringMatching(/\.creating/)]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Starts `count` processes that each open a store on the file, released at the same moment. */
async function openInParallelProcesses(sqlitePath: string, count: number): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'elevate-store-js-'));
  try {
    const createStorePath = transpileForChild(outDir, 'src/adapters/store/create-store.ts');
    const children = Array.from({ length: count }, () =>
      spawn(process.execPath, [join(__dirname, 'open-store-child.js'), createStorePath, sqlitePath], {
        env: childEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 20000,
      }),
    );
    const exits = children.map(
      (child) =>
        new Promise<void>((resolvePromise, reject) => {
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolvePromise() : reject(new Error(`store child exited ${code}: ${stderr}`)),
          );
        }),
    );
    await Promise.all(children.map((child) => once(child.stdout, 'data')));
    for (const child of children) child.stdin.end('go\n');
    await Promise.all(exits);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
