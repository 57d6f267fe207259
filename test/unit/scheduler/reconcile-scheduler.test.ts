import { DateTime, Duration } from 'luxon';
import type { DispatchDueWorkUseCase } from '../../../src/app/reminders/dispatch-due-work.use-case';
import type { ReconcileUseCase } from '../../../src/app/reconcile/reconcile.use-case';
import type { WorkLog } from '../../../src/app/reminders/work-log';
import { ReconcileScheduler } from '../../../src/scheduler/reconcile-scheduler';

const log: WorkLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ReconcileScheduler', () => {
  const make = (options: { failReconcile?: boolean; dispatchMs?: number } = {}) => {
    const events: string[] = [];
    let stopSeen = false;
    const reconcile = {
      run: async () => {
        events.push('reconcile');
        if (options.failReconcile) throw new Error('Graph down');
        return {
          snapshot: { takenAt: DateTime.utc(), listed: new Set(), instances: new Map() },
          scheduled: 0,
          statusChanges: 0,
        };
      },
    } as unknown as ReconcileUseCase;
    const dispatch = {
      run: async (snapshot: unknown, shouldStop: () => boolean) => {
        events.push(snapshot ? 'dispatch' : 'dispatch-without-snapshot');
        await sleep(options.dispatchMs ?? 0);
        stopSeen = shouldStop();
        return { claimed: 0, completed: 0, released: 0, failed: 0 };
      },
    } as unknown as DispatchDueWorkUseCase;
    const scheduler = new ReconcileScheduler({
      reconcile,
      dispatch,
      interval: Duration.fromObject({ milliseconds: 60 }),
      jitter: 0.2,
      log,
    });
    return { scheduler, events, stopSeen: () => stopSeen };
  };

  it('runs reconcile then dispatch every interval until stopped', async () => {
    const { scheduler, events } = make();
    scheduler.start();
    await sleep(400);
    await scheduler.stop();
    const passes = events.filter((e) => e === 'dispatch').length;
    expect(passes).toBeGreaterThanOrEqual(3);
    expect(events.slice(0, 2)).toEqual(['reconcile', 'dispatch']);
    const after = events.length;
    await sleep(150);
    expect(events.length).toBe(after);
  });

  it('still sends due work when the reconcile pass fails', async () => {
    const { scheduler, events } = make({ failReconcile: true });
    await scheduler.runOnce();
    expect(events).toEqual(['reconcile', 'dispatch-without-snapshot']);
  });

  it('never overlaps passes; stop waits for the running pass and tells it to stop claiming', async () => {
    const { scheduler, events, stopSeen } = make({ dispatchMs: 100 });
    const first = scheduler.runOnce();
    const joined = scheduler.runOnce();
    expect(joined).toBe(first);
    scheduler.start();
    await sleep(20);
    await scheduler.stop();
    await first;
    expect(events.filter((e) => e === 'reconcile')).toHaveLength(1);
    expect(stopSeen()).toBe(true);
  });

  it('sends due reminders while PIM is read (by the previous snapshot, not in a first pass), then the due reminders by the new one, then the rest', async () => {
    const events: string[] = [];
    let reads = 0;
    let endRead: () => void = () => undefined;
    const reconcile = {
      run: async () => {
        reads += 1;
        events.push(`read ${reads}`);
        if (reads === 2) await new Promise<void>((resolve) => (endRead = resolve));
        return { snapshot: { tag: `snapshot ${reads}` }, scheduled: 0, statusChanges: 0 };
      },
    } as unknown as ReconcileUseCase;
    let batches = 0;
    const dispatch = {
      run: async (
        snapshot: { tag: string } | undefined,
        _stop: () => boolean,
        options?: { kinds?: string[]; moreBatches?: () => boolean },
      ) => {
        if (!options?.kinds) {
          events.push(`dispatch by ${snapshot?.tag}`);
          return { claimed: 1, completed: 1, released: 0, failed: 0 };
        }
        events.push(`${options.kinds.join()} by ${snapshot?.tag}`);
        let mine = 0;
        // While PIM is read: batches until the read ends. After it (no moreBatches): one batch here.
        while (options.moreBatches ? options.moreBatches() : mine === 0) {
          batches += 1;
          mine += 1;
          await sleep(5);
        }
        events.push('reminders done');
        if (reads > 2) throw new Error('store down');
        return { claimed: mine, completed: mine, released: 0, failed: 0 };
      },
    } as unknown as DispatchDueWorkUseCase;
    const scheduler = new ReconcileScheduler({
      reconcile,
      dispatch,
      interval: Duration.fromObject({ minutes: 1 }),
      log,
      duringSweep: ['reminder'],
    });
    await scheduler.runOnce();
    expect(batches).toBe(1); // a first pass: no early run, the due reminders right after the read
    const second = scheduler.runOnce();
    await sleep(40);
    expect(batches).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toBe('read 2');
    endRead();
    // The early batches, one more reminder batch by the new snapshot, then the full dispatch.
    expect((await second).dispatch).toMatchObject({ claimed: batches, completed: batches });
    await scheduler.runOnce(); // both reminder runs fail: the pass still dispatches
    const reminders = (tag: string) => [`reminder by ${tag}`, 'reminders done'];
    expect(events).toEqual([
      ...['read 1', ...reminders('snapshot 1'), 'dispatch by snapshot 1'],
      ...['reminder by snapshot 1', 'read 2', 'reminders done'],
      ...[...reminders('snapshot 2'), 'dispatch by snapshot 2'],
      ...['reminder by snapshot 2', 'read 3', 'reminders done'],
      ...[...reminders('snapshot 3'), 'dispatch by snapshot 3'],
    ]);
  });
});
