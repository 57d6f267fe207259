import { Duration } from 'luxon';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function cardCopiesContract(ctx: ContractContext): void {
  describe('cardCopies', () => {
    it('records each posted copy once per (request, activity) and lists them oldest first', async () => {
      const store = ctx.store();
      const requestId = uniqueId('req');
      const approverRef = { conversation: { id: 'a:approver' }, serviceUrl: 'https://s/' };
      expect(
        await store.cardCopies.add({
          requestId,
          kind: 'approval',
          conversationRef: approverRef,
          activityId: 'act-1',
          recipientId: 'approver-oid',
        }),
      ).toBe(true);
      ctx.clock.advance(Duration.fromObject({ seconds: 2 }));
      expect(
        await store.cardCopies.add({
          requestId,
          kind: 'channel',
          conversationRef: { conversation: { id: '19:c@thread.tacv2' } },
          activityId: 'act-2',
        }),
      ).toBe(true);
      // The same copy again (a retried send): ignored, the first record stays.
      expect(
        await store.cardCopies.add({
          requestId,
          kind: 'requester',
          conversationRef: {},
          activityId: 'act-1',
        }),
      ).toBe(false);
      // Same activity id under another request is another copy.
      expect(
        await store.cardCopies.add({
          requestId: uniqueId('req'),
          kind: 'requester',
          conversationRef: {},
          activityId: 'act-1',
        }),
      ).toBe(true);

      const copies = await store.cardCopies.listForRequest(requestId);
      expect(copies.map(({ activityId, kind, recipientId }) => ({ activityId, kind, recipientId }))).toEqual([
        { activityId: 'act-1', kind: 'approval', recipientId: 'approver-oid' },
        { activityId: 'act-2', kind: 'channel', recipientId: null },
      ]);
      expect(copies[0].conversationRef).toEqual(approverRef);
      expect(copies[1].createdAt.toMillis()).toBeGreaterThan(copies[0].createdAt.toMillis());
      expect(await store.cardCopies.listForRequest(uniqueId('none'))).toEqual([]);
    });

    it('lets exactly one of many concurrent adds of the same copy win', async () => {
      const store = ctx.store();
      const requestId = uniqueId('req');
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.cardCopies.add({ requestId, kind: 'approval', conversationRef: {}, activityId: 'same' }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.cardCopies.listForRequest(requestId)).toHaveLength(1);
    });

    it('refuses an unknown kind, listing the allowed ones', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.cardCopies.add({
          requestId: 'r',
          kind: 'email' as never,
          conversationRef: {},
          activityId: 'a',
        }),
        "'kind'",
        '"email"',
        "'approval', 'requester', 'channel'",
      );
    });
  });
}
