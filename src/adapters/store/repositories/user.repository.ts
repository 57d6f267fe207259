import { IANAZone } from 'luxon';
import type { Kysely } from 'kysely';
import type { TimeSource } from '../../../ports/clock';
import {
  DEFAULT_USER_PREFERENCES,
  type UserPreferences,
  type UserProfile,
  type UserProfileInput,
  type UserRepository,
} from '../../../ports/stores';
import { jsonFromColumn, requireInteger, requireText, timeFromColumn, timeToColumn } from '../column-codecs';
import type { Database, UsersTable } from '../database';
import { ReusableQuery } from '../reusable-query';
import { storeInputError } from '../store-input-error';

const MAX_REMINDER_LEAD_MINUTES = 24 * 60;
const MAX_PREFERENCE_UPDATE_ATTEMPTS = 20;

/** User profiles (name, time zone, locale) and their preferences. */
export class KyselyUserRepository implements UserRepository {
  /** Read on every turn (the reader's zone and locale), so compiled once. */
  private readonly byKey: ReusableQuery<UsersTable, [tenantId: string, userId: string]>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: TimeSource,
  ) {
    this.byKey = new ReusableQuery(db, 2, (tenantId, userId) =>
      db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId),
    );
  }

  async upsertProfile(input: UserProfileInput): Promise<UserProfile> {
    const tenantId = requireText('tenantId', input.tenantId);
    const userId = requireText('userId', input.userId);
    const now = timeToColumn('updatedAt', this.clock.now());
    const row: UsersTable = {
      tenant_id: tenantId,
      user_id: userId,
      display_name: requireText('displayName', input.displayName),
      time_zone: input.timeZone === undefined ? null : requireTimeZone(input.timeZone),
      locale: input.locale === undefined ? null : requireLocale(input.locale),
      preferences: '{}',
      created_at: now,
      updated_at: now,
    };
    await this.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          // An omitted time zone / locale keeps what we knew; preferences are never touched here.
          time_zone: eb.fn.coalesce('excluded.time_zone', 'users.time_zone'),
          locale: eb.fn.coalesce('excluded.locale', 'users.locale'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    const stored = await this.get(tenantId, userId);
    if (!stored) throw new Error(`User ${tenantId}/${userId} vanished right after its upsert`);
    return stored;
  }

  async get(tenantId: string, userId: string): Promise<UserProfile | null> {
    const [row] = await this.byKey.rows(tenantId, userId);
    return row ? toProfile(row) : null;
  }

  /**
   * Read, merge, then write only if the stored preferences text is still what was read; retried
   * on a lost race, so concurrent updates of different keys never undo each other.
   */
  async updatePreferences(
    tenantId: string,
    userId: string,
    patch: Partial<UserPreferences>,
  ): Promise<UserProfile | null> {
    const checked = checkPreferencesPatch(patch);
    for (let attempt = 0; attempt < MAX_PREFERENCE_UPDATE_ATTEMPTS; attempt++) {
      const row = await this.db
        .selectFrom('users')
        .select('preferences')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!row) return null;
      const merged = JSON.stringify({ ...jsonFromColumn(row.preferences), ...checked });
      const result = await this.db
        .updateTable('users')
        .set({ preferences: merged, updated_at: timeToColumn('updatedAt', this.clock.now()) })
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where('preferences', '=', row.preferences)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) return this.get(tenantId, userId);
    }
    throw new Error(
      `Could not update preferences of ${tenantId}/${userId}: ${MAX_PREFERENCE_UPDATE_ATTEMPTS} concurrent writers won in a row`,
    );
  }
}

function toProfile(row: UsersTable): UserProfile {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    displayName: row.display_name,
    timeZone: row.time_zone,
    locale: row.locale,
    preferences: { ...DEFAULT_USER_PREFERENCES, ...jsonFromColumn(row.preferences) } as UserPreferences,
    updatedAt: timeFromColumn(row.updated_at),
  };
}

function checkPreferencesPatch(patch: Partial<UserPreferences>): Partial<UserPreferences> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw storeInputError('preferences', `is ${JSON.stringify(patch)}`, 'an object of preference fields');
  }
  const known = Object.keys(DEFAULT_USER_PREFERENCES);
  const checked: Partial<UserPreferences> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'reminderLeadMinutes') {
      checked.reminderLeadMinutes =
        value === null
          ? null
          : requireInteger('preferences.reminderLeadMinutes', value, 1, MAX_REMINDER_LEAD_MINUTES);
    } else {
      throw storeInputError(`preferences.${key}`, 'is not a known preference', known.join(', '));
    }
  }
  return checked;
}

function requireTimeZone(value: string): string {
  if (typeof value !== 'string' || !IANAZone.isValidZone(value)) {
    throw storeInputError(
      'timeZone',
      `is ${JSON.stringify(value)}`,
      "an IANA time zone name such as 'Europe/Berlin'",
    );
  }
  return value;
}

function requireLocale(value: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return canonical;
  } catch {
    // fall through to the specific error below
  }
  throw storeInputError('locale', `is ${JSON.stringify(value)}`, "a BCP 47 language tag such as 'en-GB'");
}
