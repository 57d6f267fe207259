import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ReusableQuery } from '../../../src/adapters/store/reusable-query';

interface Db {
  people: { tenant: string; name: string; team: string };
}

/** A query compiled once runs with each call's values, wherever they sit in the SQL. */
describe('ReusableQuery', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    await db.schema
      .createTable('people')
      .addColumn('tenant', 'text')
      .addColumn('name', 'text')
      .addColumn('team', 'text')
      .execute();
    await db
      .insertInto('people')
      .values([
        { tenant: 't1', name: 'Ada', team: 'ops' },
        { tenant: 't1', name: 'Bo', team: 'dev' },
        { tenant: 't2', name: 'Ada', team: 'sec' },
      ])
      .execute();
  });
  afterEach(() => db.destroy());

  it('binds the arguments by the placeholders they replace, keeping constants', async () => {
    // The arguments are used in the opposite order to their declaration, beside a constant.
    const query = new ReusableQuery<{ team: string }, [name: string, tenant: string]>(db, 2, (name, tenant) =>
      db
        .selectFrom('people')
        .select('team')
        .where('team', '!=', 'none')
        .where('tenant', '=', tenant)
        .where('name', '=', name),
    );
    expect(await query.rows('Ada', 't1')).toEqual([{ team: 'ops' }]);
    expect(await query.rows('Ada', 't2')).toEqual([{ team: 'sec' }]);
    expect(await query.rows('Bo', 't1')).toEqual([{ team: 'dev' }]);
    expect(await query.rows('Bo', 't2')).toEqual([]);
  });

  it('refuses a query that does not use every argument exactly once', async () => {
    const unused = new ReusableQuery<{ team: string }, [name: string, tenant: string]>(db, 2, (name) =>
      db.selectFrom('people').select('team').where('name', '=', name),
    );
    await expect(unused.rows('Ada', 't1')).rejects.toThrow(/argument 1 must appear exactly once/);
    const twice = new ReusableQuery<{ team: string }, [name: string]>(db, 1, (name) =>
      db.selectFrom('people').select('team').where('name', '=', name).where('tenant', '!=', name),
    );
    await expect(twice.rows('Ada')).rejects.toThrow(/argument 0 must appear exactly once/);
  });
});
