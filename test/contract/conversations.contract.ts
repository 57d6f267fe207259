import { Duration } from 'luxon';
import { type ContractContext, expectStoreInputError, uniqueId, withIsoTimes } from './contract-context';

export function conversationsContract(ctx: ContractContext): void {
  describe('conversations', () => {
    const reference = (conversationId: string, extra: object = {}) => ({
      activityId: 'a1',
      user: { id: '29:user', aadObjectId: 'oid', name: 'Ada' },
      bot: { id: '28:bot', name: 'Elevate' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 't1' },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl: 'https://smba.example/emea/',
      ...extra,
    });

    it('stores a personal-chat reference per tenant and user, and replaces it on the next upsert', async () => {
      const store = ctx.store();
      const userId = uniqueId('user');
      const first = reference('a:first');
      await store.conversations.upsertForUser({
        tenantId: 't1',
        userId,
        serviceUrl: 'https://one/',
        reference: first,
      });
      const stored = await store.conversations.getForUser('t1', userId);
      expect(withIsoTimes(stored)).toEqual(
        withIsoTimes({
          tenantId: 't1',
          userId,
          serviceUrl: 'https://one/',
          reference: first,
          updatedAt: ctx.clock.now(),
        }),
      );

      const later = ctx.clock.advance(Duration.fromObject({ minutes: 5 }));
      const second = reference('a:second', { locale: 'de-DE' });
      await store.conversations.upsertForUser({
        tenantId: 't1',
        userId,
        serviceUrl: 'https://two/',
        reference: second,
      });
      const replaced = await store.conversations.getForUser('t1', userId);
      expect(replaced?.reference).toEqual(second);
      expect(replaced?.serviceUrl).toBe('https://two/');
      expect(replaced?.updatedAt.toMillis()).toBe(later.toMillis());
    });

    it('keeps the same user in another tenant apart, and answers null for unknown users', async () => {
      const store = ctx.store();
      const userId = uniqueId('user');
      await store.conversations.upsertForUser({
        tenantId: 't1',
        userId,
        serviceUrl: 'https://one/',
        reference: reference('x'),
      });
      expect(await store.conversations.getForUser('t2', userId)).toBeNull();
      expect(await store.conversations.getForUser('t1', uniqueId('nobody'))).toBeNull();
    });

    it('stores channel and group chat references by conversation id', async () => {
      const store = ctx.store();
      const conversationId = `19:${uniqueId('channel')}@thread.tacv2`;
      const ref = reference(conversationId, {
        conversation: { id: conversationId, conversationType: 'channel' },
      });
      await store.conversations.upsertForConversation({
        conversationId,
        tenantId: 't1',
        serviceUrl: 'https://one/',
        reference: ref,
      });
      expect(withIsoTimes(await store.conversations.getForConversation(conversationId))).toEqual(
        withIsoTimes({
          conversationId,
          tenantId: 't1',
          serviceUrl: 'https://one/',
          reference: ref,
          updatedAt: ctx.clock.now(),
        }),
      );
      await store.conversations.upsertForConversation({
        conversationId,
        tenantId: 't1',
        serviceUrl: 'https://moved/',
        reference: { ...ref, serviceUrl: 'https://moved/' },
      });
      expect((await store.conversations.getForConversation(conversationId))?.serviceUrl).toBe(
        'https://moved/',
      );
      expect(await store.conversations.getForConversation(uniqueId('19:none'))).toBeNull();
    });

    it('survives many concurrent upserts of the same key (one statement each)', async () => {
      const store = ctx.store();
      const userId = uniqueId('user');
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          store.conversations.upsertForUser({
            tenantId: 't1',
            userId,
            serviceUrl: `https://s${i}/`,
            reference: reference(`c${i}`),
          }),
        ),
      );
      const stored = await store.conversations.getForUser('t1', userId);
      expect(stored?.serviceUrl).toMatch(/^https:\/\/s\d+\/$/);
    });

    it('refuses empty keys and references that are not JSON objects, naming the field', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.conversations.upsertForUser({
          tenantId: '',
          userId: 'u',
          serviceUrl: 'https://x/',
          reference: {},
        }),
        "'tenantId'",
        'is empty',
      );
      await expectStoreInputError(
        store.conversations.upsertForConversation({
          conversationId: 'c',
          tenantId: 't',
          serviceUrl: 'https://x/',
          reference: [],
        }),
        "'reference'",
        'an array',
        'a plain JSON object',
      );
    });
  });
}
