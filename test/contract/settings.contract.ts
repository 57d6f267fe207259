import { DateTime } from 'luxon';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function settingsContract(ctx: ContractContext): void {
  describe('settings', () => {
    const at = DateTime.fromISO('2091-06-01T10:00:00.000Z', { zone: 'utc' });

    it('stores JSON values with compare-and-swap on the version', async () => {
      const store = ctx.store();
      const key = uniqueId('setting');
      expect(
        await store.settings.put({ key, value: { minutes: 15 }, expectedVersion: 0, updatedBy: 'chris', at }),
      ).toBe(true);
      // A second "first write" loses: someone else set it already.
      expect(
        await store.settings.put({ key, value: { minutes: 20 }, expectedVersion: 0, updatedBy: 'dana', at }),
      ).toBe(false);
      expect(
        await store.settings.put({ key, value: { minutes: 30 }, expectedVersion: 2, updatedBy: 'dana', at }),
      ).toBe(false);
      expect(
        await store.settings.put({
          key,
          value: { minutes: 30 },
          expectedVersion: 1,
          updatedBy: 'dana',
          at: at.plus({ minutes: 1 }),
        }),
      ).toBe(true);
      const stored = (await store.settings.getAll()).find((s) => s.key === key);
      expect(stored).toMatchObject({ key, value: { minutes: 30 }, version: 2, updatedBy: 'dana' });
      expect(stored?.updatedAt.toISO()).toBe(at.plus({ minutes: 1 }).toISO());
    });

    it('refuses an empty key and an oversized value', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.settings.put({ key: '', value: 1, expectedVersion: 0, updatedBy: 'c', at }),
        "'key'",
      );
      await expectStoreInputError(
        store.settings.put({
          key: uniqueId('big'),
          value: 'x'.repeat(70_000),
          expectedVersion: 0,
          updatedBy: 'c',
          at,
        }),
        "'value'",
      );
    });
  });
}
