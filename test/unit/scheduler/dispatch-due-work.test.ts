import { DateTime, Duration } from 'luxon';
import { createStore } from '../../../src/adapters/store/create-store';
import { DispatchDueWorkUseCase } from '../../../src/app/reminders/dispatch-due-work.use-case';
import { done, retryAt, type WorkHandler } from '../../../src/app/reminders/work-handler';
import type { WorkLog } from '../../../src/app/reminders/work-log';
import type { Store, WorkItem } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';

const log: WorkLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const LEASE = Duration.fromObject({ minutes: 2 });

describe('DispatchDueWorkUseCase (leased claims on a real SQLite store)', () => {
  let clock: TestClock;
  let store: Store;

  beforeEach(async () => {
    clock = new TestClock();
    store = await createStore({ sqlitePath: ':memory:', clock });
  });
  afterEach(() => store.close());

  const schedule = (key: string, dueIn: Duration, kind = 'test') =>
    store.workItems.scheduleIfAbsent({ key, kind, dueAt: clock.now().plus(dueIn), payload: { key } });

  const dispatcher = (owner: string, handler: WorkHandler, kind = 'test') =>
    new DispatchDueWorkUseCase({
      workItems: store.workItems,
      clock,
      owner,
      lease: LEASE,
      handlers: new Map([[kind, handler]]),
      log,
    });

  it('handles due items in due-time order and completes each only after its handler finished', async () => {
    await schedule('c', Duration.fromObject({ minutes: -1 }));
    await schedule('a', Duration.fromObject({ minutes: -3 }));
    await schedule('b', Duration.fromObject({ minutes: -2 }));
    await schedule('later', Duration.fromObject({ minutes: 5 }));
    const seen: string[] = [];
    const statusWhileHandling: string[] = [];
    const summary = await dispatcher('one', {
      handle: async (item: WorkItem) => {
        seen.push(item.key);
        statusWhileHandling.push((await store.workItems.get(item.key))!.status);
        return done('sent');
      },
    }).run();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(statusWhileHandling).toEqual(['claimed', 'claimed', 'claimed']);
    expect(summary).toMatchObject({ claimed: 3, completed: 3, released: 0 });
    expect((await store.workItems.get('a'))!.status).toBe('done');
    expect((await store.workItems.get('later'))!.status).toBe('pending');
  });

  it('runs concurrent items (reminders) up to the limit at once; any other item waits for them and runs alone', async () => {
    for (let i = 0; i < 10; i += 1)
      await schedule(`r${i}`, Duration.fromObject({ minutes: -10 + i }), 'reminder');
    await schedule('x-ended', Duration.fromObject({ seconds: -30 }), 'ended'); // due after all ten reminders
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const slow = (concurrent: boolean): WorkHandler => ({
      concurrent,
      handle: async (item: WorkItem) => {
        running += 1;
        most = Math.max(most, running);
        if (!concurrent) expect(running).toBe(1);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        order.push(item.key);
        running -= 1;
        return done('sent');
      },
    });
    const summary = await new DispatchDueWorkUseCase({
      workItems: store.workItems,
      clock,
      owner: 'one',
      lease: LEASE,
      handlers: new Map([
        ['reminder', slow(true)],
        ['ended', slow(false)],
      ]),
      log,
      concurrency: 4,
    }).run();
    expect(most).toBe(4);
    expect(order.at(-1)).toBe('x-ended');
    expect(summary).toMatchObject({ claimed: 11, completed: 11 });
  });

  it('gives an item back for later when the handler asks to retry, and backs off after a failure', async () => {
    await schedule('retry', Duration.fromObject({ seconds: -1 }));
    await schedule('fails', Duration.fromObject({ seconds: -1 }));
    const at = clock.now().plus({ minutes: 7 });
    const summary = await dispatcher('one', {
      handle: async (item) => {
        if (item.key === 'fails') throw new Error('connector down');
        return retryAt(at, 'not yet');
      },
    }).run();
    expect(summary).toMatchObject({ claimed: 2, completed: 0, released: 2 });
    const retried = (await store.workItems.get('retry'))!;
    expect(retried.status).toBe('pending');
    expect(retried.dueAt.toMillis()).toBe(at.toMillis());
    const failed = (await store.workItems.get('fails'))!;
    expect(failed.status).toBe('pending');
    expect(failed.dueAt.toMillis()).toBe(clock.now().plus({ seconds: 15 }).toMillis());
  });

  it('lets another instance take over an item whose claimer died before completing it', async () => {
    await schedule('reminder:1', Duration.fromObject({ seconds: -1 }));
    // Instance A claims and "dies" (never completes).
    const claimed = await store.workItems.claimDue(clock.now(), 'instance-a', LEASE, 10);
    expect(claimed.map((i) => i.key)).toEqual(['reminder:1']);
    const handledByB: string[] = [];
    const b = dispatcher('instance-b', {
      handle: async (item) => {
        handledByB.push(item.key);
        return done('sent');
      },
    });
    expect((await b.run()).claimed).toBe(0);
    clock.advance(LEASE.plus({ seconds: 1 }));
    await b.run();
    expect(handledByB).toEqual(['reminder:1']);
    const item = (await store.workItems.get('reminder:1'))!;
    expect(item).toMatchObject({ status: 'done', leaseOwner: 'instance-b', attempts: 2 });
  });

  it('hands work of kinds it has no handler for straight back, without looping on it', async () => {
    await schedule('other:1', Duration.fromObject({ seconds: -1 }), 'someone-else');
    const summary = await dispatcher('one', { handle: async () => done('x') }).run();
    expect(summary).toMatchObject({ claimed: 1, completed: 0, released: 1 });
    expect((await store.workItems.get('other:1'))!.status).toBe('pending');
  });

  it('gives up (and completes) an item that failed too often', async () => {
    await schedule('poison', Duration.fromObject({ seconds: -1 }));
    const d = new DispatchDueWorkUseCase({
      workItems: store.workItems,
      clock,
      owner: 'one',
      lease: LEASE,
      handlers: new Map([['test', { handle: async () => Promise.reject(new Error('bad payload')) }]]),
      log,
      maxAttempts: 2,
    });
    await d.run();
    clock.advance(Duration.fromObject({ minutes: 1 }));
    const summary = await d.run();
    expect(summary.failed).toBe(1);
    expect((await store.workItems.get('poison'))!.status).toBe('done');
  });

  it('stops claiming when asked to stop and returns claimed items at once', async () => {
    for (const key of ['s1', 's2', 's3']) await schedule(key, Duration.fromObject({ seconds: -1 }));
    let stop = false;
    const summary = await dispatcher('one', {
      handle: async () => {
        stop = true;
        return done('sent');
      },
    }).run(undefined, () => stop);
    expect(summary).toMatchObject({ completed: 1, released: 2 });
    const statuses = await Promise.all(['s2', 's3'].map(async (k) => (await store.workItems.get(k))!.status));
    expect(statuses).toEqual(['pending', 'pending']);
    expect(DateTime.isDateTime(clock.now())).toBe(true);
  });

  it('with kinds, claims only those; moreBatches ends the run after the batch in hand, which is finished', async () => {
    for (let i = 0; i < 5; i += 1)
      await schedule(`r${i}`, Duration.fromObject({ minutes: -5 + i }), 'reminder');
    await schedule('x-ended', Duration.fromObject({ minutes: -9 }), 'ended');
    const handled: string[] = [];
    const handler: WorkHandler = {
      concurrent: true,
      handle: async (item) => {
        handled.push(item.key);
        return done('sent');
      },
    };
    let batches = 0;
    const summary = await new DispatchDueWorkUseCase({
      workItems: store.workItems,
      clock,
      owner: 'one',
      lease: LEASE,
      handlers: new Map([
        ['reminder', handler],
        ['ended', handler],
      ]),
      log,
      batchSize: 2,
    }).run(undefined, () => false, { kinds: ['reminder'], moreBatches: () => (batches += 1) <= 2 });
    expect(handled).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(summary).toMatchObject({ claimed: 4, completed: 4, released: 0 });
    expect((await store.workItems.get('x-ended'))!.status).toBe('pending');
    expect((await store.workItems.get('r4'))!).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('does not send on a lease that is half gone: the rest is given back and claimed afresh', async () => {
    for (const key of ['l1', 'l2', 'l3']) await schedule(key, Duration.fromObject({ seconds: -1 }));
    const attemptsSeen: number[] = [];
    const summary = await dispatcher('one', {
      handle: async (item) => {
        attemptsSeen.push(item.attempts);
        clock.advance(Duration.fromObject({ seconds: 61 })); // a slow, throttled send
        return done('sent');
      },
    }).run();
    expect(summary.completed).toBe(3);
    // l1 on the first claim; l2 and l3 were given back and claimed again before being sent.
    expect(attemptsSeen).toEqual([1, 2, 3]);
  });
});
