import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function tokenCacheContract(ctx: ContractContext): void {
  describe('tokenCache', () => {
    it('writes, reads back byte for byte, overwrites and deletes a partition', async () => {
      const store = ctx.store();
      const key = uniqueId('oid.tid');
      expect(await store.tokenCache.read(key)).toBeNull();
      const bytes = Buffer.from([0, 1, 2, 255, 0, 128, 10, 13]);
      await store.tokenCache.write(key, bytes);
      expect((await store.tokenCache.read(key))?.equals(bytes)).toBe(true);

      const replacement = Buffer.alloc(64 * 1024, 7);
      await store.tokenCache.write(key, replacement);
      expect((await store.tokenCache.read(key))?.equals(replacement)).toBe(true);

      await store.tokenCache.delete(key);
      expect(await store.tokenCache.read(key)).toBeNull();
      await expect(store.tokenCache.delete(key)).resolves.toBeUndefined();
    });

    it('keeps partitions apart', async () => {
      const store = ctx.store();
      const a = uniqueId('a');
      const b = uniqueId('b');
      await store.tokenCache.write(a, Buffer.from('A'));
      await store.tokenCache.write(b, Buffer.from('B'));
      await store.tokenCache.delete(a);
      expect(await store.tokenCache.read(a)).toBeNull();
      expect((await store.tokenCache.read(b))?.toString()).toBe('B');
    });

    it('refuses data that is not a Buffer and an empty key', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.tokenCache.write(uniqueId('k'), 'text' as unknown as Buffer),
        "'data'",
        'a Buffer',
      );
      await expectStoreInputError(store.tokenCache.write('', Buffer.from('x')), "'partitionKey'");
    });
  });
}
