import { DateTime, Duration } from 'luxon';
import type { Store, WorkItem } from '../../src/ports/stores';
import { type ContractContext, expectStoreInputError } from './contract-context';
import type { TestDatabase } from './store-backends';
import { TestClock } from './test-clock';

const minutes = (n: number) => Duration.fromObject({ minutes: n });

export function workItemsContract(ctx: ContractContext): void {
  describe('workItems', () => {
    // Claiming looks at the whole table, so these tests get a database of their own each.
    let database: TestDatabase;
    let store: Store;
    let clock: TestClock;
    const t0 = DateTime.fromISO('2026-06-01T12:00:00.000Z', { zone: 'utc' });

    beforeEach(async () => {
      clock = new TestClock(t0);
      database = await ctx.backend.freshDatabase();
      store = await database.open(clock);
    });

    const schedule = (key: string, dueAt: DateTime, payload: object = { key }) =>
      store.workItems.scheduleIfAbsent({
        key,
        kind: 'reminder',
        dueAt,
        payload: payload as Record<string, unknown>,
      });

    it('schedules if absent: the second schedule of a key loses, whatever its content', async () => {
      expect(
        await schedule('reminder:i1:2026-06-01T13:00:00Z', t0.plus(minutes(50)), { instanceId: 'i1' }),
      ).toBe(true);
      expect(await schedule('reminder:i1:2026-06-01T13:00:00Z', t0, { instanceId: 'other' })).toBe(false);
      const item = await store.workItems.get('reminder:i1:2026-06-01T13:00:00Z');
      expect(item).toMatchObject({
        key: 'reminder:i1:2026-06-01T13:00:00Z',
        kind: 'reminder',
        payload: { instanceId: 'i1' },
        status: 'pending',
        leaseOwner: null,
        leaseUntil: null,
        attempts: 0,
        doneAt: null,
      });
      expect(item?.dueAt.toISO()).toBe(t0.plus(minutes(50)).toISO());
      expect(await store.workItems.get('missing')).toBeNull();
    });

    it('schedules many at once: only absent keys are inserted, counted once, across statement chunks', async () => {
      await schedule('k-0', t0, { first: true });
      const items = Array.from({ length: 1_201 }, (_, i) => ({
        key: `k-${i % 1_200}`, // k-0 is already stored, and k-0 comes twice in the batch
        kind: 'reminder',
        dueAt: t0.plus(minutes(i)),
        payload: { i },
      }));
      expect(await store.workItems.scheduleAllIfAbsent(items)).toBe(1_199);
      expect(await store.workItems.scheduleAllIfAbsent(items)).toBe(0);
      expect(await store.workItems.scheduleAllIfAbsent([])).toBe(0);
      expect((await store.workItems.get('k-0'))?.payload).toEqual({ first: true });
      const last = await store.workItems.get('k-1199');
      expect(last?.payload).toEqual({ i: 1_199 });
      expect(last?.dueAt.toISO()).toBe(t0.plus(minutes(1_199)).toISO());
      const claimed = await store.workItems.claimDue(t0.plus(minutes(2_000)), 'w', minutes(5), 1_000);
      expect(claimed).toHaveLength(1_000);
    });

    it('stores each item with its own payload when items of a batch share payload objects', async () => {
      const shared = { instanceId: 'i1', endAt: '2026-06-01T13:00:00.000Z' };
      const other = { instanceId: 'i2' };
      const at = (key: string, payload: Record<string, unknown>) => ({
        key,
        kind: 'test',
        dueAt: t0,
        payload,
      });
      const batch = [at('a', shared), at('b', other), at('c', shared), at('d', { ...shared, extra: 1 })];
      expect(await store.workItems.scheduleAllIfAbsent(batch)).toBe(4);
      const payloads = await Promise.all(
        ['a', 'b', 'c', 'd'].map(async (k) => (await store.workItems.get(k))?.payload),
      );
      expect(payloads).toEqual([shared, other, shared, { ...shared, extra: 1 }]);
    });

    it('claims only due items, oldest first, up to the limit, under a lease', async () => {
      await schedule('c', t0.minus(minutes(1)));
      await schedule('a', t0.minus(minutes(10)));
      await schedule('b', t0.minus(minutes(5)));
      await schedule('exactly-now', t0);
      await schedule('future', t0.plus(minutes(1)));

      const first = await store.workItems.claimDue(t0, 'worker-1', minutes(2), 2);
      expect(first.map((i) => i.key)).toEqual(['a', 'b']);
      for (const item of first) {
        expect(item).toMatchObject({ status: 'claimed', leaseOwner: 'worker-1', attempts: 1 });
        expect(item.leaseUntil?.toISO()).toBe(t0.plus(minutes(2)).toISO());
      }
      expect((await store.workItems.claimDue(t0, 'worker-2', minutes(2), 10)).map((i) => i.key)).toEqual([
        'c',
        'exactly-now',
      ]);
      expect(await store.workItems.claimDue(t0, 'worker-3', minutes(2), 10)).toEqual([]);
      expect((await store.workItems.get('future'))?.status).toBe('pending');
    });

    it('claims by the exact due time within a minute, in due order whatever the order of scheduling', async () => {
      // The index narrows by the minute an item falls due; the instant decides (migration 0007).
      const now = t0.plus({ seconds: 20 });
      const at = (seconds: number) => t0.plus({ seconds });
      await schedule('later-this-minute', at(40));
      await schedule('next-minute', at(60));
      await schedule('this-minute-past', at(19.999));
      await schedule('last-minute', at(-0.001));
      await schedule('exactly-now', now);
      await schedule('start-of-minute', t0);
      const claimed = await store.workItems.claimDue(now, 'w', minutes(2), 10);
      expect(claimed.map((i) => i.key)).toEqual([
        'last-minute',
        'start-of-minute',
        'this-minute-past',
        'exactly-now',
      ]);
      const atEndOfMinute = await store.workItems.claimDue(at(59.999), 'w', minutes(2), 10);
      expect(atEndOfMinute.map((i) => i.key)).toEqual(['later-this-minute']);
      expect((await store.workItems.get('next-minute'))?.status).toBe('pending');
    });

    it('claims only the kinds asked for, when asked, and nothing for no kinds', async () => {
      await schedule('r-late', t0.minus(minutes(1)));
      await store.workItems.scheduleIfAbsent({
        key: 'e-early',
        kind: 'ended',
        dueAt: t0.minus(minutes(9)),
        payload: {},
      });
      expect(await store.workItems.claimDue(t0, 'w', minutes(2), 10, [])).toEqual([]);
      const reminders = await store.workItems.claimDue(t0, 'w', minutes(2), 10, ['reminder', 'other']);
      expect(reminders.map((i) => i.key)).toEqual(['r-late']);
      expect((await store.workItems.get('e-early'))?.status).toBe('pending');
      expect((await store.workItems.claimDue(t0, 'w', minutes(2), 10)).map((i) => i.key)).toEqual([
        'e-early',
      ]);
    });

    it('lets an expired lease be claimed again, and then only the new owner can complete', async () => {
      await schedule('job', t0);
      const [claimed] = await store.workItems.claimDue(t0, 'worker-1', minutes(1), 5);
      expect(claimed.leaseOwner).toBe('worker-1');

      // Lease still running: nobody else gets it.
      expect(
        await store.workItems.claimDue(
          t0.plus(Duration.fromObject({ seconds: 59 })),
          'worker-2',
          minutes(1),
          5,
        ),
      ).toEqual([]);
      // Lease expired (leaseUntil <= now): worker-2 takes over.
      const [reclaimed] = await store.workItems.claimDue(t0.plus(minutes(1)), 'worker-2', minutes(1), 5);
      expect(reclaimed).toMatchObject({ key: 'job', leaseOwner: 'worker-2', attempts: 2 });

      expect(await store.workItems.complete('job', 'worker-1')).toBe(false);
      clock.advance(minutes(1));
      expect(await store.workItems.complete('job', 'worker-2')).toBe(true);
      const done = await store.workItems.get('job');
      expect(done).toMatchObject({ status: 'done', leaseOwner: 'worker-2' });
      expect(done?.doneAt?.toISO()).toBe(clock.now().toISO());
      expect(await store.workItems.complete('job', 'worker-2')).toBe(false);
      expect(await store.workItems.claimDue(t0.plus(minutes(60)), 'worker-3', minutes(1), 5)).toEqual([]);
    });

    it('release gives the item back (owner only), due again at retryAt', async () => {
      await schedule('job', t0);
      await store.workItems.claimDue(t0, 'worker-1', minutes(5), 5);
      const retryAt = t0.plus(minutes(3));
      expect(await store.workItems.release('job', 'worker-2', retryAt)).toBe(false);
      expect(await store.workItems.release('job', 'worker-1', retryAt)).toBe(true);
      const released = (await store.workItems.get('job'))!;
      expect(released).toMatchObject({ status: 'pending', leaseOwner: null, leaseUntil: null, attempts: 1 });
      expect(released.dueAt.toISO()).toBe(retryAt.toISO());
      expect(await store.workItems.release('job', 'worker-1', retryAt)).toBe(false);

      expect(await store.workItems.claimDue(t0.plus(minutes(2)), 'worker-2', minutes(5), 5)).toEqual([]);
      const [again] = await store.workItems.claimDue(retryAt, 'worker-2', minutes(5), 5);
      expect(again).toMatchObject({ key: 'job', leaseOwner: 'worker-2', attempts: 2 });
    });

    it('scheduleAllOrBringForward inserts new items and makes pending ones due earlier, never later, leaving claimed ones alone', async () => {
      const at = (key: string, dueAt: DateTime) => ({ key, kind: 'test', dueAt, payload: {} });
      await schedule('job', t0.plus(minutes(10)));
      expect(await store.workItems.scheduleAllOrBringForward([at('job', t0.plus(minutes(12)))])).toBe(0);
      expect((await store.workItems.get('job'))?.dueAt.toISO()).toBe(t0.plus(minutes(10)).toISO());
      expect(
        await store.workItems.scheduleAllOrBringForward([at('job', t0.plus(minutes(5))), at('new', t0)]),
      ).toBe(2);
      expect((await store.workItems.get('job'))?.dueAt.toISO()).toBe(t0.plus(minutes(5)).toISO());
      expect((await store.workItems.get('new'))?.dueAt.toISO()).toBe(t0.toISO());
      await store.workItems.claimDue(t0.plus(minutes(5)), 'w', minutes(5), 2);
      expect(await store.workItems.scheduleAllOrBringForward([at('job', t0.minus(minutes(1)))])).toBe(0);
      expect((await store.workItems.get('job'))?.dueAt.toISO()).toBe(t0.plus(minutes(5)).toISO());
    });

    it('cancel stops pending and claimed items; done, cancelled and unknown items are not cancelled', async () => {
      await schedule('pending', t0);
      await schedule('claimed', t0.minus(minutes(1)));
      await schedule('done', t0.minus(minutes(2)));
      await store.workItems.claimDue(t0, 'w', minutes(5), 2);
      expect(await store.workItems.complete('done', 'w')).toBe(true);

      expect(await store.workItems.cancel('pending')).toBe(true);
      expect(await store.workItems.cancel('claimed')).toBe(true);
      expect(await store.workItems.complete('claimed', 'w')).toBe(false);
      expect(await store.workItems.cancel('done')).toBe(false);
      expect(await store.workItems.cancel('pending')).toBe(false);
      expect(await store.workItems.cancel('unknown')).toBe(false);
      expect((await store.workItems.get('pending'))?.status).toBe('cancelled');
      expect((await store.workItems.get('done'))?.status).toBe('done');
      expect(await store.workItems.claimDue(t0.plus(minutes(60)), 'w2', minutes(5), 10)).toEqual([]);
      // A cancelled key stays taken: scheduling it again is refused.
      expect(await schedule('pending', t0)).toBe(false);
    });

    it('with 3 store instances claiming at once, every due item is claimed exactly once', async () => {
      const instances = [store, await database.open(clock), await database.open(clock)];
      const total = 60;
      for (let i = 0; i < total; i++)
        await schedule(`item-${String(i).padStart(3, '0')}`, t0.minus({ seconds: i }));
      await schedule('not-due', t0.plus(minutes(5)));

      const claimedBy = new Map<string, string[]>();
      const worker = async (instance: Store, owner: string) => {
        for (;;) {
          const batch: WorkItem[] = await instance.workItems.claimDue(t0, owner, minutes(10), 4);
          if (batch.length === 0) return;
          for (const item of batch) claimedBy.set(item.key, [...(claimedBy.get(item.key) ?? []), owner]);
        }
      };
      // Two concurrent workers per instance, so PostgreSQL runs claims on several connections at once.
      await Promise.all(
        instances.flatMap((instance, i) => [worker(instance, `i${i}-a`), worker(instance, `i${i}-b`)]),
      );

      expect(claimedBy.size).toBe(total);
      expect([...claimedBy.values()].every((owners) => owners.length === 1)).toBe(true);
      expect(claimedBy.has('not-due')).toBe(false);
      const owners = new Set([...claimedBy.values()].flat());
      expect(owners.size).toBeGreaterThan(1);
    });

    it('refuses a bad limit, lease duration, owner or due time, saying what is allowed', async () => {
      await expectStoreInputError(
        store.workItems.claimDue(t0, 'w', minutes(1), 0),
        "'limit'",
        'an integer from 1 to 1000',
      );
      await expectStoreInputError(
        store.workItems.claimDue(t0, 'w', minutes(-1), 1),
        "'leaseDuration'",
        'a positive luxon Duration',
      );
      await expectStoreInputError(store.workItems.claimDue(t0, '', minutes(1), 1), "'owner'", 'is empty');
      await expectStoreInputError(
        store.workItems.scheduleIfAbsent({
          key: 'k',
          kind: 'reminder',
          dueAt: DateTime.invalid('test'),
          payload: {},
        }),
        "'dueAt'",
        'invalid DateTime',
      );
      await expectStoreInputError(
        store.workItems.scheduleIfAbsent({ key: 'k', kind: 'reminder', dueAt: t0, payload: [] as never }),
        "'payload'",
        'a plain JSON object',
      );
    });
  });
}
