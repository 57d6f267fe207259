import { Duration } from 'luxon';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function usersContract(ctx: ContractContext): void {
  describe('users', () => {
    it('creates a profile with default preferences (reminders 10 minutes before expiry)', async () => {
      const store = ctx.store();
      const userId = uniqueId('oid');
      const profile = await store.users.upsertProfile({
        tenantId: 't1',
        userId,
        displayName: 'Ada Lovelace',
        timeZone: 'Europe/London',
        locale: 'en-gb',
      });
      expect(profile).toMatchObject({
        tenantId: 't1',
        userId,
        displayName: 'Ada Lovelace',
        timeZone: 'Europe/London',
        locale: 'en-GB',
        preferences: { reminderLeadMinutes: 10 },
      });
      expect(profile.updatedAt.toMillis()).toBe(ctx.clock.now().toMillis());
      expect(await store.users.get('t1', userId)).toMatchObject({ displayName: 'Ada Lovelace' });
      expect(await store.users.get('t2', userId)).toBeNull();
    });

    it('refreshes name, time zone and locale without clobbering preferences; omitted fields are kept', async () => {
      const store = ctx.store();
      const userId = uniqueId('oid');
      await store.users.upsertProfile({
        tenantId: 't1',
        userId,
        displayName: 'Ada',
        timeZone: 'Europe/London',
        locale: 'en-GB',
      });
      await store.users.updatePreferences('t1', userId, { reminderLeadMinutes: 30 });
      ctx.clock.advance(Duration.fromObject({ hours: 1 }));

      const renamed = await store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'Ada King' });
      expect(renamed).toMatchObject({
        displayName: 'Ada King',
        timeZone: 'Europe/London',
        locale: 'en-GB',
        preferences: { reminderLeadMinutes: 30 },
      });
      expect(renamed.updatedAt.toMillis()).toBe(ctx.clock.now().toMillis());

      const moved = await store.users.upsertProfile({
        tenantId: 't1',
        userId,
        displayName: 'Ada King',
        timeZone: 'Asia/Tokyo',
      });
      expect(moved).toMatchObject({
        timeZone: 'Asia/Tokyo',
        locale: 'en-GB',
        preferences: { reminderLeadMinutes: 30 },
      });
    });

    it('updates preferences: a lead time, then null to turn reminders off; unknown users give null', async () => {
      const store = ctx.store();
      const userId = uniqueId('oid');
      await store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'Grace' });
      expect(
        (await store.users.updatePreferences('t1', userId, { reminderLeadMinutes: 15 }))?.preferences,
      ).toEqual({
        reminderLeadMinutes: 15,
      });
      expect(
        (await store.users.updatePreferences('t1', userId, { reminderLeadMinutes: null }))?.preferences,
      ).toEqual({
        reminderLeadMinutes: null,
      });
      expect((await store.users.get('t1', userId))?.preferences.reminderLeadMinutes).toBeNull();
      expect((await store.users.updatePreferences('t1', userId, {}))?.preferences).toEqual({
        reminderLeadMinutes: null,
      });
      expect(
        await store.users.updatePreferences('t1', uniqueId('nobody'), { reminderLeadMinutes: 5 }),
      ).toBeNull();
    });

    it('serialises concurrent preference updates (every writer succeeds, one value wins)', async () => {
      const store = ctx.store();
      const userId = uniqueId('oid');
      await store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'Grace' });
      const values = Array.from({ length: 8 }, (_, i) => i + 1);
      const results = await Promise.all(
        values.map((minutes) =>
          store.users.updatePreferences('t1', userId, { reminderLeadMinutes: minutes }),
        ),
      );
      expect(results.every((r) => r !== null)).toBe(true);
      expect(values).toContain((await store.users.get('t1', userId))?.preferences.reminderLeadMinutes);
    });

    it('refuses bad preference values, unknown preferences, bad time zones and locales, saying what is allowed', async () => {
      const store = ctx.store();
      const userId = uniqueId('oid');
      await store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'Grace' });
      await expectStoreInputError(
        store.users.updatePreferences('t1', userId, { reminderLeadMinutes: 0 }),
        'preferences.reminderLeadMinutes',
        'an integer from 1 to 1440',
      );
      await expectStoreInputError(
        store.users.updatePreferences('t1', userId, { reminderLeadMinutes: 2.5 }),
        'is 2.5',
      );
      await expectStoreInputError(
        store.users.updatePreferences('t1', userId, { colour: 'blue' } as never),
        'preferences.colour',
        'is not a known preference',
        'reminderLeadMinutes',
      );
      await expectStoreInputError(
        store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'G', timeZone: 'Mars/Olympus' }),
        "'timeZone'",
        'IANA time zone',
      );
      await expectStoreInputError(
        store.users.upsertProfile({ tenantId: 't1', userId, displayName: 'G', locale: 'not a locale!' }),
        "'locale'",
        'BCP 47',
      );
      await expectStoreInputError(
        store.users.upsertProfile({ tenantId: 't1', userId, displayName: '' }),
        "'displayName'",
      );
      expect((await store.users.get('t1', userId))?.preferences).toEqual({ reminderLeadMinutes: 10 });
    });
  });
}
