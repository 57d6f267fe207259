import type { Kysely } from 'kysely';
import type { DateTime } from 'luxon';
import type { SettingsRepository, StoredSetting } from '../../../ports/stores';
import { requireInteger, requireText, timeFromColumn, timeToColumn } from '../column-codecs';
import type { Database } from '../database';

const MAX_VALUE_JSON = 64 * 1024;

/** Admin settings: one row per key, JSON value, compare-and-swap on `version`. */
export class KyselySettingsRepository implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getAll(): Promise<StoredSetting[]> {
    const rows = await this.db.selectFrom('settings').selectAll().orderBy('key').execute();
    return rows.map((row) => ({
      key: row.key,
      value: JSON.parse(row.value) as unknown,
      version: Number(row.version),
      updatedBy: row.updated_by,
      updatedAt: timeFromColumn(row.updated_at),
    }));
  }

  async put(input: {
    key: string;
    value: unknown;
    expectedVersion: number;
    updatedBy: string;
    at: DateTime;
  }): Promise<boolean> {
    const key = requireText('key', input.key, 100);
    const expected = requireInteger('expectedVersion', input.expectedVersion, 0, Number.MAX_SAFE_INTEGER);
    const value = JSON.stringify(input.value ?? null);
    requireText('value', value, MAX_VALUE_JSON);
    const updatedBy = requireText('updatedBy', input.updatedBy);
    const at = timeToColumn('at', input.at);
    if (expected === 0) {
      const inserted = await this.db
        .insertInto('settings')
        .values({ key, value, version: 1, updated_by: updatedBy, updated_at: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const updated = await this.db
      .updateTable('settings')
      .set({ value, version: expected + 1, updated_by: updatedBy, updated_at: at })
      .where('key', '=', key)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}
