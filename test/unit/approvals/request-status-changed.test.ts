import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { RequestStatusChangedUseCase } from '../../../src/app/approvals/request-status-changed.use-case';
import type { Store } from '../../../src/ports/stores';
import { memoryStore, people, RecordingMessenger, silentLog, TestClock, trackPending } from './fakes';

describe('RequestStatusChangedUseCase', () => {
  let clock: TestClock;
  let store: Store;
  let messenger: RecordingMessenger;
  let useCase: RequestStatusChangedUseCase;

  beforeEach(async () => {
    clock = new TestClock();
    store = await memoryStore(clock);
    messenger = new RecordingMessenger();
    useCase = new RequestStatusChangedUseCase({
      trackedRequests: store.trackedRequests,
      messenger,
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
      log: silentLog,
    });
  });
  afterEach(() => store.close());

  it('records a portal approval, updates every copy and tells the requester once', async () => {
    const id = await trackPending(store, clock);
    clock.advance(30);
    await useCase.execute({
      requestId: id,
      status: 'Provisioned',
      decidedByName: 'Dana Schmidt',
      reason: 'ok for INC-7',
      at: clock.now(),
    });

    expect(messenger.updates).toHaveLength(1);
    const view = messenger.updates[0];
    expect(view.state).toBe('approved');
    expect(view.decision).toMatchObject({ byName: 'Dana Schmidt', reason: 'ok for INC-7' });
    expect(view.decision?.at.toISO()).toBe(clock.now().toISO());
    expect(view.activeUntil?.toISO()).toBe(clock.now().plus({ hours: 2 }).toISO());
    expect(messenger.told.map((v) => v.state)).toEqual(['approved']);
    const tracked = await store.trackedRequests.get(id);
    expect(tracked?.status).toBe('Provisioned');
    expect((tracked?.data.approval as { decision: { state: string } }).decision.state).toBe('approved');
    const audit = await store.audit.list({ limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'approval.decided', outcome: 'approved', requestId: id });
  });

  it('does nothing the second time with the same status', async () => {
    const id = await trackPending(store, clock);
    const change = { requestId: id, status: 'Denied', decidedByName: 'Dana Schmidt', at: clock.now() };
    await useCase.execute(change);
    await useCase.execute(change);
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.told).toHaveLength(1);
    expect(messenger.updates[0].state).toBe('denied');
  });

  it('treats Granted then Provisioned as one approval (no second message)', async () => {
    const id = await trackPending(store, clock);
    await useCase.execute({
      requestId: id,
      status: 'Granted',
      decidedByName: 'Dana Schmidt',
      at: clock.now(),
    });
    await useCase.execute({ requestId: id, status: 'Provisioned', at: clock.now() });
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.told).toHaveLength(1);
    expect((await store.trackedRequests.get(id))?.status).toBe('Provisioned');
  });

  it('shows the 24-hour expiry on every copy', async () => {
    const id = await trackPending(store, clock);
    clock.advance(24 * 60);
    await useCase.execute({ requestId: id, status: 'TimedOut', at: clock.now() });
    expect(messenger.updates.map((v) => v.state)).toEqual(['expired']);
    expect(messenger.told.map((v) => v.state)).toEqual(['expired']);
  });

  it('keeps the first outcome when a later, different status arrives', async () => {
    const id = await trackPending(store, clock);
    await useCase.execute({
      requestId: id,
      status: 'Denied',
      decidedByName: 'Dana Schmidt',
      at: clock.now(),
    });
    await useCase.execute({ requestId: id, status: 'Canceled', at: clock.now() });
    expect(messenger.updates.map((v) => v.state)).toEqual(['denied']);
    expect((await store.trackedRequests.get(id))?.status).toBe('Canceled');
  });

  it('acts exactly once when two callers report the same change at the same time', async () => {
    const id = await trackPending(store, clock);
    const change = { requestId: id, status: 'Provisioned', decidedByName: 'Dana Schmidt', at: clock.now() };
    const results = await Promise.all([useCase.apply(change), useCase.apply(change), useCase.apply(change)]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.told).toHaveLength(1);
  });

  it('ignores requests Elevate does not track, and records status-only changes quietly', async () => {
    await useCase.execute({ requestId: 'unknown', status: 'Denied', at: clock.now() });
    await store.trackedRequests.insertIfAbsent({
      id: 'direct',
      kind: 'directoryRole',
      principalId: people.jordan.id,
      roleId: 'r',
      roleName: 'Global Reader',
      directoryScopeId: '/',
      status: 'Provisioned',
      data: {},
    });
    await useCase.execute({ requestId: 'direct', status: 'Revoked', at: clock.now() });
    expect(messenger.updates).toHaveLength(0);
    expect(messenger.told).toHaveLength(0);
    expect((await store.trackedRequests.get('direct'))?.status).toBe('Revoked');
  });
});

describe('RequestStatusChangedUseCase when the status was written elsewhere first', () => {
  it('still closes the cards of an approval whose status already says Canceled', async () => {
    const clock = new TestClock();
    const store = await memoryStore(clock);
    const messenger = new RecordingMessenger();
    const useCase = new RequestStatusChangedUseCase({
      trackedRequests: store.trackedRequests,
      messenger,
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
      log: silentLog,
    });
    const id = await trackPending(store, clock);
    const tracked = await store.trackedRequests.get(id);
    await store.trackedRequests.compareAndSwap(id, tracked!.version, { status: 'Canceled' });
    await useCase.execute({ requestId: id, status: 'Canceled', at: clock.now() });
    await useCase.execute({ requestId: id, status: 'Canceled', at: clock.now() });
    expect(messenger.updates.map((v) => v.state)).toEqual(['cancelled']);
    await store.close();
  });
});
