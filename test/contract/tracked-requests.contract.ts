import { Duration } from 'luxon';
import type { NewTrackedRequest, Store } from '../../src/ports/stores';
import { type ContractContext, expectStoreInputError, uniqueId } from './contract-context';

export function trackedRequestsContract(ctx: ContractContext): void {
  describe('trackedRequests', () => {
    const request = (overrides: Partial<NewTrackedRequest> = {}): NewTrackedRequest => ({
      id: uniqueId('pim-req'),
      kind: 'directoryRole',
      principalId: uniqueId('principal'),
      roleId: '62e90394-69f5-4237-9190-012177145e10',
      roleName: 'Global Administrator',
      directoryScopeId: '/',
      status: 'PendingApproval',
      data: { justification: 'INC-1', durationIso: 'PT2H' },
      ...overrides,
    });

    it('inserts if absent: the second insert with the same id loses and changes nothing', async () => {
      const store = ctx.store();
      const row = request({ originConversationId: '19:abc@thread.tacv2' });
      expect(await store.trackedRequests.insertIfAbsent(row)).toBe(true);
      expect(
        await store.trackedRequests.insertIfAbsent({ ...row, status: 'Denied', data: { other: 1 } }),
      ).toBe(false);
      const stored = await store.trackedRequests.get(row.id);
      expect(stored).toMatchObject({ ...row, version: 1 });
      expect(stored?.createdAt.toMillis()).toBe(ctx.clock.now().toMillis());
      expect(stored?.updatedAt.toMillis()).toBe(ctx.clock.now().toMillis());
      expect(await store.trackedRequests.get(uniqueId('missing'))).toBeNull();
    });

    it('defaults originConversationId to null', async () => {
      const store = ctx.store();
      const row = request();
      await store.trackedRequests.insertIfAbsent(row);
      expect((await store.trackedRequests.get(row.id))?.originConversationId).toBeNull();
    });

    it('compare-and-swap applies the patch and bumps the version; a stale version loses', async () => {
      const store = ctx.store();
      const row = request();
      await store.trackedRequests.insertIfAbsent(row);
      const created = (await store.trackedRequests.get(row.id))!;
      const later = ctx.clock.advance(Duration.fromObject({ minutes: 3 }));

      expect(
        await store.trackedRequests.compareAndSwap(row.id, 1, {
          status: 'Provisioned',
          data: { approvedBy: 'bob' },
        }),
      ).toBe(true);
      const updated = (await store.trackedRequests.get(row.id))!;
      expect(updated).toMatchObject({
        status: 'Provisioned',
        data: { approvedBy: 'bob' },
        version: 2,
        roleName: row.roleName,
      });
      expect(updated.updatedAt.toMillis()).toBe(later.toMillis());
      expect(updated.createdAt.toMillis()).toBe(created.createdAt.toMillis());

      expect(await store.trackedRequests.compareAndSwap(row.id, 1, { status: 'Denied' })).toBe(false);
      expect((await store.trackedRequests.get(row.id))?.status).toBe('Provisioned');

      expect(
        await store.trackedRequests.compareAndSwap(row.id, 2, {
          originConversationId: 'conv-1',
          roleName: 'GA',
        }),
      ).toBe(true);
      expect(await store.trackedRequests.get(row.id)).toMatchObject({
        originConversationId: 'conv-1',
        roleName: 'GA',
        version: 3,
      });
      expect(await store.trackedRequests.compareAndSwap(row.id, 3, { originConversationId: null })).toBe(
        true,
      );
      expect((await store.trackedRequests.get(row.id))?.originConversationId).toBeNull();
      // An empty patch still claims the version (useful as a "touch").
      expect(await store.trackedRequests.compareAndSwap(row.id, 4, {})).toBe(true);
      expect((await store.trackedRequests.get(row.id))?.version).toBe(5);
      expect(await store.trackedRequests.compareAndSwap(uniqueId('missing'), 1, { status: 'x' })).toBe(false);
    });

    it('of 20 concurrent compare-and-swaps on one version, across 3 store instances, exactly one wins', async () => {
      const stores: Store[] = [
        ctx.store(),
        await ctx.database().open(ctx.clock),
        await ctx.database().open(ctx.clock),
      ];
      const row = request();
      await stores[0].trackedRequests.insertIfAbsent(row);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores[i % stores.length].trackedRequests.compareAndSwap(row.id, 1, { status: `Writer${i}` }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await stores[1].trackedRequests.get(row.id)).toMatchObject({
        status: `Writer${winner}`,
        version: 2,
      });
    });

    it('of 10 concurrent inserts of one id, across store instances, exactly one wins', async () => {
      const stores: Store[] = [ctx.store(), await ctx.database().open(ctx.clock)];
      const row = request();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          stores[i % stores.length].trackedRequests.insertIfAbsent({ ...row, roleName: `Writer${i}` }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await ctx.store().trackedRequests.get(row.id))?.roleName).toBe(
        `Writer${results.indexOf(true)}`,
      );
    });

    it('lists by status and by principal, oldest first', async () => {
      const store = ctx.store();
      const principalId = uniqueId('principal');
      const statusA = uniqueId('StatusA');
      const statusB = uniqueId('StatusB');
      const first = request({ principalId, status: statusA, kind: 'groupMember' });
      ctx.clock.advance(Duration.fromObject({ seconds: 1 }));
      await store.trackedRequests.insertIfAbsent(first);
      ctx.clock.advance(Duration.fromObject({ seconds: 1 }));
      const second = request({ principalId, status: statusB, kind: 'groupOwner' });
      await store.trackedRequests.insertIfAbsent(second);
      const third = request({ status: statusA });
      ctx.clock.advance(Duration.fromObject({ seconds: 1 }));
      await store.trackedRequests.insertIfAbsent(third);

      expect((await store.trackedRequests.listByStatus([statusA])).map((r) => r.id)).toEqual([
        first.id,
        third.id,
      ]);
      expect((await store.trackedRequests.listByStatus([statusB, statusA])).map((r) => r.id)).toEqual([
        first.id,
        second.id,
        third.id,
      ]);
      expect(await store.trackedRequests.listByStatus([])).toEqual([]);
      const mine = await store.trackedRequests.listForPrincipal(principalId);
      expect(mine.map((r) => [r.id, r.kind])).toEqual([
        [first.id, 'groupMember'],
        [second.id, 'groupOwner'],
      ]);
      expect(await store.trackedRequests.listForPrincipal(uniqueId('nobody'))).toEqual([]);
    });

    it('refuses unknown kinds, identity changes in a patch and bad versions', async () => {
      const store = ctx.store();
      await expectStoreInputError(
        store.trackedRequests.insertIfAbsent(request({ kind: 'azureResource' as never })),
        "'kind'",
        "'directoryRole', 'groupMember', 'groupOwner'",
      );
      const row = request();
      await store.trackedRequests.insertIfAbsent(row);
      await expectStoreInputError(
        store.trackedRequests.compareAndSwap(row.id, 1, { principalId: 'someone-else' } as never),
        "'patch.principalId'",
        'cannot be changed',
        'status, roleName, originConversationId, data',
      );
      await expectStoreInputError(store.trackedRequests.compareAndSwap(row.id, 0, {}), "'expectedVersion'");
      await expectStoreInputError(
        store.trackedRequests.compareAndSwap(row.id, 1, { status: '' }),
        "'patch.status'",
      );
      expect((await store.trackedRequests.get(row.id))?.version).toBe(1);
    });
  });
}
