import { Duration } from 'luxon';
import { type ContractContext, uniqueId } from './contract-context';

export function oneTimeKeysContract(ctx: ContractContext): void {
  describe('oneTimeKeys', () => {
    it('lets the first consumer win and refuses every later one', async () => {
      const store = ctx.store();
      const key = uniqueId('stepup');
      const expiresAt = ctx.clock.now().plus({ minutes: 10 });
      expect(await store.oneTimeKeys.isUsed(key)).toBe(false);
      expect(await store.oneTimeKeys.consume(key, expiresAt)).toBe(true);
      expect(await store.oneTimeKeys.isUsed(key)).toBe(true);
      expect(await store.oneTimeKeys.consume(key, expiresAt)).toBe(false);
      expect(await store.oneTimeKeys.consume(uniqueId('other'), expiresAt)).toBe(true);
    });

    it('a released key can be consumed again; releasing an unknown key changes nothing', async () => {
      const store = ctx.store();
      const key = uniqueId('announce');
      const expiresAt = ctx.clock.now().plus({ minutes: 2 });
      expect(await store.oneTimeKeys.consume(key, expiresAt)).toBe(true);
      await store.oneTimeKeys.release(key);
      expect(await store.oneTimeKeys.isUsed(key)).toBe(false);
      expect(await store.oneTimeKeys.consume(key, expiresAt)).toBe(true);
      expect(await store.oneTimeKeys.consume(key, expiresAt)).toBe(false);
      await store.oneTimeKeys.release(uniqueId('never-consumed'));
    });

    it('has exactly one winner among concurrent consumers on several instances', async () => {
      // Opened one after another: SQLite migrations in one process must not overlap.
      const others = [await ctx.database().open(ctx.clock), await ctx.database().open(ctx.clock)];
      try {
        const stores = [ctx.store(), ...others];
        const key = uniqueId('race');
        const expiresAt = ctx.clock.now().plus(Duration.fromObject({ minutes: 10 }));
        const results = await Promise.all(
          Array.from({ length: 15 }, (_, i) => stores[i % stores.length].oneTimeKeys.consume(key, expiresAt)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(others.map((s) => s.close()));
      }
    });
  });
}
