import { Duration } from 'luxon';
import { ALL_ROLES, type ChannelRouteInput } from '../../src/ports/stores';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

const route = (conversationId: string, over: Partial<ChannelRouteInput> = {}): ChannelRouteInput => ({
  conversationId,
  tenantId: 'tenant-1',
  purpose: 'announce',
  roleId: 'role-exchange',
  roleName: 'Exchange Administrator',
  createdBy: 'owner-oid',
  ...over,
});

export function channelRoutesContract(ctx: ContractContext): void {
  describe('channelRoutes', () => {
    it('adds each (conversation, purpose, role) once and lists them oldest first', async () => {
      const store = ctx.store();
      const conv = uniqueId('19:conv');
      expect(await store.channelRoutes.add(route(conv))).toBe(true);
      ctx.clock.advance(Duration.fromObject({ seconds: 1 }));
      expect(await store.channelRoutes.add(route(conv, { roleId: ALL_ROLES, roleName: 'all' }))).toBe(true);
      expect(await store.channelRoutes.add(route(conv, { purpose: 'approvals' }))).toBe(true);
      expect(await store.channelRoutes.add(route(conv, { roleName: 'renamed' }))).toBe(false);

      const all = await store.channelRoutes.listForConversation(conv);
      expect(all.map((r) => [r.purpose, r.roleId, r.roleName])).toEqual([
        ['announce', 'role-exchange', 'Exchange Administrator'],
        ['announce', ALL_ROLES, 'all'],
        ['approvals', 'role-exchange', 'Exchange Administrator'],
      ]);
      expect(all[0]).toMatchObject({ tenantId: 'tenant-1', createdBy: 'owner-oid', conversationId: conv });
      expect(all[1].createdAt.toMillis()).toBeGreaterThan(all[0].createdAt.toMillis());
      expect(await store.channelRoutes.listForConversation(conv, 'approvals')).toHaveLength(1);
      expect(await store.channelRoutes.listForConversation(uniqueId('none'))).toEqual([]);
    });

    it('keeps the conversation name a route was made with (none for routes made without one)', async () => {
      const store = ctx.store();
      const conv = uniqueId('19:named');
      await store.channelRoutes.add(route(conv, { conversationName: 'Operations › Incidents' }));
      await store.channelRoutes.add(route(conv, { roleId: 'role-user', purpose: 'approvals' }));
      const routes = await store.channelRoutes.listForConversation(conv);
      expect(routes.map((r) => r.conversationName)).toEqual(['Operations › Incidents', null]);
    });

    it('finds the routes covering a role: that role and all roles, per purpose', async () => {
      const store = ctx.store();
      const roleId = uniqueId('role');
      const [a, b, c] = [uniqueId('19:a'), uniqueId('19:b'), uniqueId('19:c')];
      await store.channelRoutes.add(route(a, { roleId }));
      await store.channelRoutes.add(route(b, { roleId: ALL_ROLES }));
      await store.channelRoutes.add(route(c, { roleId: uniqueId('other') }));
      await store.channelRoutes.add(route(c, { roleId, purpose: 'approvals' }));
      const announce = await store.channelRoutes.listForRole('announce', roleId);
      expect(announce.map((r) => r.conversationId)).toEqual(expect.arrayContaining([a, b]));
      expect(announce.map((r) => r.conversationId)).not.toContain(c);
      const approvals = await store.channelRoutes.listForRole('approvals', roleId);
      expect(approvals.map((r) => r.conversationId)).toEqual([c]);
      expect(await store.channelRoutes.listConversations('approvals')).toContain(c);
      expect(await store.channelRoutes.listConversations('announce')).toEqual(
        expect.arrayContaining([a, b, c]),
      );
    });

    it('removes some roles, all roles of a purpose, or a whole conversation with its board', async () => {
      const store = ctx.store();
      const conv = uniqueId('19:conv');
      await store.channelRoutes.add(route(conv, { roleId: 'r1' }));
      await store.channelRoutes.add(route(conv, { roleId: 'r2' }));
      await store.channelRoutes.add(route(conv, { roleId: 'r3' }));
      await store.channelRoutes.add(route(conv, { roleId: 'r1', purpose: 'approvals' }));
      expect(await store.channelRoutes.remove(conv, 'announce', ['r1', 'missing'])).toBe(1);
      expect(await store.channelRoutes.remove(conv, 'announce', [])).toBe(0);
      expect((await store.channelRoutes.listForConversation(conv, 'announce')).map((r) => r.roleId)).toEqual([
        'r2',
        'r3',
      ]);
      expect(await store.channelRoutes.remove(conv, 'announce')).toBe(2);
      expect(await store.channelRoutes.listForConversation(conv, 'approvals')).toHaveLength(1);

      await store.channelBoards.claim({
        conversationId: conv,
        conversationRef: { conversation: { id: conv } },
      });
      expect(await store.channelRoutes.removeConversation(conv)).toBe(1);
      expect(await store.channelRoutes.listForConversation(conv)).toEqual([]);
      expect(await store.channelBoards.get(conv)).toBeNull();
    });

    it('refuses an unknown purpose and an empty role, naming what is allowed', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.channelRoutes.add(route('c', { purpose: 'email' as never })),
        "'purpose'",
        "'announce', 'approvals'",
      );
      await expectStoreInputError(
        store.channelRoutes.add(route('c', { roleId: '' })),
        "'roleId'",
        'is empty',
      );
      await expectStoreInputError(
        store.channelRoutes.remove(
          'c',
          'announce',
          Array.from({ length: 101 }, (_, i) => `r${i}`),
        ),
        "'roleIds'",
        'at most 100',
      );
    });

    it('lets exactly one of many concurrent adds of the same route win', async () => {
      const store = ctx.store();
      const conv = uniqueId('19:conv');
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.channelRoutes.add(route(conv))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('channelBoards', () => {
    it('claims a board once, records its message by compare-and-swap, and gives it up', async () => {
      const store = ctx.store();
      const conv = uniqueId('19:conv');
      const ref = { conversation: { id: conv }, serviceUrl: 'https://s/' };
      const claims = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.channelBoards.claim({ conversationId: conv, conversationRef: ref }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.channelBoards.get(conv)).toMatchObject({ activityId: null, conversationRef: ref });

      expect(await store.channelBoards.setActivity(conv, 'act-1', 'act-0')).toBe(false);
      expect(await store.channelBoards.setActivity(conv, 'act-1', null)).toBe(true);
      expect(await store.channelBoards.setActivity(conv, 'act-9', null)).toBe(false);
      expect(await store.channelBoards.setActivity(conv, 'act-2', 'act-1')).toBe(true);
      expect((await store.channelBoards.get(conv))?.activityId).toBe('act-2');

      expect(await store.channelBoards.remove(conv)).toBe(true);
      expect(await store.channelBoards.remove(conv)).toBe(false);
      expect(await store.channelBoards.get(conv)).toBeNull();
      expect(await store.channelBoards.setActivity(conv, 'act-3', null)).toBe(false);
    });
  });
}
