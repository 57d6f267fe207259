import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function compositeCardsContract(ctx: ContractContext): void {
  describe('compositeCards', () => {
    const part = (requestId: string | null, text: string) => ({
      requestId,
      card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text }] },
    });

    it('records a card once per (conversation, activity) and reads its parts back in order', async () => {
      const store = ctx.store();
      const key = { conversationId: uniqueId('conv'), activityId: 'act-1' };
      expect(
        await store.compositeCards.create({ ...key, parts: [part('r1', 'one'), part(null, 'refused')] }),
      ).toBe(true);
      // A retried post: the first record stays.
      expect(await store.compositeCards.create({ ...key, parts: [part('r9', 'other')] })).toBe(false);
      // The same activity id in another conversation is another card.
      expect(
        await store.compositeCards.create({
          conversationId: uniqueId('conv'),
          activityId: 'act-1',
          parts: [part('r2', 'x')],
        }),
      ).toBe(true);
      const read = await store.compositeCards.get(key);
      expect(read).toEqual({ ...key, version: 1, parts: [part('r1', 'one'), part(null, 'refused')] });
      expect(await store.compositeCards.get({ ...key, activityId: 'act-404' })).toBeUndefined();
    });

    it('replaces parts by compare-and-swap: a writer holding an old version loses', async () => {
      const store = ctx.store();
      const key = { conversationId: uniqueId('conv'), activityId: 'act-1' };
      await store.compositeCards.create({ ...key, parts: [part('a', 'pending'), part('b', 'pending')] });
      expect(
        await store.compositeCards.replaceParts(key, 1, [part('a', 'approved'), part('b', 'pending')]),
      ).toBe(true);
      expect(
        await store.compositeCards.replaceParts(key, 1, [part('a', 'pending'), part('b', 'denied')]),
      ).toBe(false);
      const read = await store.compositeCards.get(key);
      expect(read?.version).toBe(2);
      expect(read?.parts).toEqual([part('a', 'approved'), part('b', 'pending')]);
      expect(
        await store.compositeCards.replaceParts({ ...key, activityId: 'none' }, 1, [part('a', 'x')]),
      ).toBe(false);
    });

    it('refuses an empty card, too many parts and a part that is not a card', async () => {
      const store = ctx.store();
      const key = { conversationId: uniqueId('conv'), activityId: 'act-1' };
      await expectStoreInputError(store.compositeCards.create({ ...key, parts: [] }), 'parts');
      await expectStoreInputError(
        store.compositeCards.create({
          ...key,
          parts: Array.from({ length: 51 }, (_, i) => part(`r${i}`, 'x')),
        }),
        'parts',
      );
      await expectStoreInputError(
        store.compositeCards.create({ ...key, parts: [{ requestId: 'r', card: null as never }] }),
        'parts[0].card',
      );
      expect(await store.compositeCards.get(key)).toBeUndefined();
    });
  });
}
