import { DateTime, Duration } from 'luxon';
import { createStore } from '../../../src/adapters/store/create-store';
import { ReconcileUseCase } from '../../../src/app/reconcile/reconcile.use-case';
import { ReminderLead } from '../../../src/app/reminders/reminder-lead';
import type { WorkLog } from '../../../src/app/reminders/work-log';
import type {
  ActiveAssignment,
  EligibilityInstance,
  PimGateway,
  PimRequest,
} from '../../../src/ports/pim-gateway';
import type { Store } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

const TENANT = 'tenant-1';
const log: WorkLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

class FakePim {
  activations: ActiveAssignment[] = [];
  eligibilities: EligibilityInstance[] = [];
  requests = new Map<string, string>();
  failListing = false;
  async listActivatedAssignments(kind: string): Promise<ActiveAssignment[]> {
    if (this.failListing) throw new Error('Graph down');
    return kind === 'directoryRole' ? this.activations : [];
  }
  /** Graph's paging: 999 a page, with a failure after the first page when the listing fails. */
  async *activatedAssignmentPages(kind: string): AsyncGenerator<ActiveAssignment[]> {
    const all = kind === 'directoryRole' ? this.activations : [];
    for (let from = 0; from === 0 || from < all.length; from += 999) {
      if (this.failListing && from > 0) throw new Error('Graph down mid-listing');
      if (this.failListing && all.length <= 999) throw new Error('Graph down');
      yield all.slice(from, from + 999);
    }
  }
  async listEligibilitiesEndingBefore(before: DateTime): Promise<EligibilityInstance[]> {
    return this.eligibilities.filter((e) => e.endDateTime && e.endDateTime < before);
  }
  async getRequest(ref: { requestId: string }): Promise<PimRequest> {
    if (this.requests.get(ref.requestId) === '404')
      throw new DomainError(ErrorCodes.GraphError, 'Not found', { details: { status: 404 } });
    return { id: ref.requestId, status: this.requests.get(ref.requestId) ?? 'PendingApproval' } as PimRequest;
  }
}

describe('ReconcileUseCase', () => {
  let clock: TestClock;
  let store: Store;
  let pim: FakePim;
  let reconcile: ReconcileUseCase;

  beforeEach(async () => {
    clock = new TestClock();
    store = await createStore({ sqlitePath: ':memory:', clock });
    pim = new FakePim();
    reconcile = new ReconcileUseCase({
      pim: pim as unknown as PimGateway,
      workItems: store.workItems,
      trackedRequests: store.trackedRequests,
      reminderLead: new ReminderLead(store.users, Duration.fromObject({ minutes: 10 })),
      clock,
      tenantId: TENANT,
      recheckEvery: Duration.fromObject({ minutes: 1 }),
      log,
    });
  });
  afterEach(() => store.close());

  const activation = (
    id: string,
    principalId: string,
    minutes: number,
    startedAgo = 0,
  ): ActiveAssignment => ({
    kind: 'directoryRole',
    instanceId: id,
    principalId,
    roleId: 'role-1',
    directoryScopeId: '/',
    assignmentType: 'Activated',
    startDateTime: clock.now().minus({ minutes: startedAgo }),
    endDateTime: clock.now().minus({ minutes: startedAgo }).plus({ minutes }),
  });

  it('schedules a reminder at end minus the lead, an ended watch and a where-was-it-made check, once however often it runs', async () => {
    const a = activation('inst-1', 'user-1', 60);
    pim.activations = [a];
    const first = await reconcile.run();
    const again = await reconcile.run();
    expect(first.scheduled).toBe(3);
    expect(again.scheduled).toBe(0);
    const observed = await store.workItems.get('observed:inst-1');
    expect(observed?.dueAt.toISO()).toBe(clock.now().plus({ minutes: 1 }).toISO());
    expect([...first.snapshot.listed].sort()).toEqual(['directoryRole', 'groupMember', 'groupOwner']);
    const reminder = await store.workItems.get(`reminder:inst-1:${a.endDateTime!.toISO()}`);
    expect(reminder?.dueAt.toISO()).toBe(a.endDateTime!.minus({ minutes: 10 }).toISO());
    expect(reminder?.payload).toMatchObject({
      principalId: 'user-1',
      roleId: 'role-1',
      directoryScopeId: '/',
      startAt: a.startDateTime ? a.startDateTime.toUTC().toISO() : null,
      endAt: a.endDateTime!.toUTC().toISO(),
      observedAt: clock.now().toUTC().toISO(),
    });
    expect((await store.workItems.get('observed:inst-1'))?.payload).toEqual(reminder?.payload);
    const watch = await store.workItems.get(`ended:inst-1:${a.endDateTime!.toISO()}`);
    expect(watch?.dueAt.toISO()).toBe(clock.now().plus({ minutes: 1 }).toISO());
  });

  it("uses the user's own lead, and schedules no reminder when they turned reminders off", async () => {
    await store.users.upsertProfile({ tenantId: TENANT, userId: 'early', displayName: 'Early' });
    await store.users.updatePreferences(TENANT, 'early', { reminderLeadMinutes: 15 });
    await store.users.upsertProfile({ tenantId: TENANT, userId: 'off', displayName: 'Off' });
    await store.users.updatePreferences(TENANT, 'off', { reminderLeadMinutes: null });
    const early = activation('inst-early', 'early', 60);
    pim.activations = [early, activation('inst-off', 'off', 60)];
    await reconcile.run();
    const reminder = await store.workItems.get(`reminder:inst-early:${early.endDateTime!.toISO()}`);
    expect(reminder?.dueAt.toISO()).toBe(early.endDateTime!.minus({ minutes: 15 }).toISO());
    const off = pim.activations[1];
    expect(await store.workItems.get(`reminder:inst-off:${off.endDateTime!.toISO()}`)).toBeNull();
    expect(await store.workItems.get(`ended:inst-off:${off.endDateTime!.toISO()}`)).not.toBeNull();
  });

  it('brings a planned reminder forward when the user asks for a longer lead while the activation runs', async () => {
    await store.users.upsertProfile({ tenantId: TENANT, userId: 'user-1', displayName: 'One' });
    const a = activation('inst-1', 'user-1', 60);
    pim.activations = [a];
    await reconcile.run();
    const key = `reminder:inst-1:${a.endDateTime!.toISO()}`;
    expect((await store.workItems.get(key))?.dueAt.toISO()).toBe(
      a.endDateTime!.minus({ minutes: 10 }).toISO(),
    );
    await store.users.updatePreferences(TENANT, 'user-1', { reminderLeadMinutes: 15 });
    await reconcile.run();
    expect((await store.workItems.get(key))?.dueAt.toISO()).toBe(
      a.endDateTime!.minus({ minutes: 15 }).toISO(),
    );
    // A shorter lead again leaves the item where it is: the reminder handler waits until then.
    await store.users.updatePreferences(TENANT, 'user-1', { reminderLeadMinutes: 5 });
    await reconcile.run();
    expect((await store.workItems.get(key))?.dueAt.toISO()).toBe(
      a.endDateTime!.minus({ minutes: 15 }).toISO(),
    );
  });

  it('brings the reminder forward after a restart too: a longer lead set just before it is not lost', async () => {
    await store.users.upsertProfile({ tenantId: TENANT, userId: 'user-1', displayName: 'One' });
    const a = activation('inst-1', 'user-1', 60);
    pim.activations = [a];
    await reconcile.run();
    const key = `reminder:inst-1:${a.endDateTime!.toISO()}`;
    // "remind me 30m before", then the process restarts: a new reconciler over the same store.
    await store.users.updatePreferences(TENANT, 'user-1', { reminderLeadMinutes: 30 });
    const restarted = new ReconcileUseCase({
      pim: pim as unknown as PimGateway,
      workItems: store.workItems,
      trackedRequests: store.trackedRequests,
      reminderLead: new ReminderLead(store.users, Duration.fromObject({ minutes: 10 })),
      clock,
      tenantId: TENANT,
      recheckEvery: Duration.fromObject({ minutes: 1 }),
      log,
    });
    const first = await restarted.run();
    expect(first.scheduled).toBe(1);
    expect((await store.workItems.get(key))?.dueAt.toISO()).toBe(
      a.endDateTime!.minus({ minutes: 30 }).toISO(),
    );
    expect((await restarted.run()).scheduled).toBe(0);
  });

  it('gives no reminder for an activation shorter than the lead', async () => {
    const short = activation('inst-short', 'user-1', 8);
    pim.activations = [short];
    await reconcile.run();
    expect(await store.workItems.get(`reminder:inst-short:${short.endDateTime!.toISO()}`)).toBeNull();
  });

  it('leaves a kind out of the snapshot when its listing fails, so nothing of it is judged gone', async () => {
    pim.failListing = true;
    const result = await reconcile.run();
    expect(result.snapshot.listed.size).toBe(0);
  });

  it('sweeps page by page: every page of a long listing is scheduled, and the snapshot knows each instance', async () => {
    pim.activations = Array.from({ length: 2_500 }, (_, i) => activation(`inst-${i}`, `user-${i % 7}`, 60));
    const result = await reconcile.run();
    expect(result.snapshot.active.size).toBe(2_500);
    expect(result.scheduled).toBe(7_500); // a reminder, an end check and an observation check each, over three pages
    expect(result.snapshot.active.has('inst-2499')).toBe(true);
    expect(result.snapshot.active.has('inst-2500')).toBe(false);
    expect(
      await store.workItems.get(`ended:inst-2499:${pim.activations[2_499].endDateTime!.toISO()}`),
    ).not.toBeNull();
  });

  it('a listing that fails after its first page: that page is scheduled, but the kind is not listed', async () => {
    pim.activations = Array.from({ length: 1_500 }, (_, i) => activation(`inst-${i}`, 'user-1', 60));
    pim.failListing = true;
    const result = await reconcile.run();
    expect(result.snapshot.listed.has('directoryRole')).toBe(false);
    expect(result.scheduled).toBe(3 * 999);
    expect(result.snapshot.active.has('inst-0')).toBe(true);
  });

  it('schedules eligibility reminders 14 days and 1 day before a time-bound eligibility ends', async () => {
    const end = clock.now().plus({ days: 10 });
    pim.eligibilities = [
      {
        kind: 'directoryRole',
        instanceId: 'elig-1',
        principalId: 'user-1',
        roleId: 'role-2',
        directoryScopeId: '/',
        endDateTime: end,
      },
      {
        kind: 'directoryRole',
        instanceId: 'elig-2',
        principalId: 'user-1',
        roleId: 'role-3',
        directoryScopeId: '/',
        endDateTime: clock.now().plus({ hours: 12 }),
      },
    ];
    await reconcile.run();
    const fourteen = await store.workItems.get(`eligibility:elig-1:${end.toISO()}:14`);
    const one = await store.workItems.get(`eligibility:elig-1:${end.toISO()}:1`);
    expect(fourteen?.dueAt.toISO()).toBe(end.minus({ days: 14 }).toISO());
    expect(one?.dueAt.toISO()).toBe(end.minus({ days: 1 }).toISO());
    // Ending in 12 hours: only the 1-day reminder (not two at once).
    const soon = pim.eligibilities[1].endDateTime!.toISO();
    expect(await store.workItems.get(`eligibility:elig-2:${soon}:14`)).toBeNull();
    expect(await store.workItems.get(`eligibility:elig-2:${soon}:1`)).not.toBeNull();
  });

  /** A request Elevate made and still follows (user-1's, for role-1). */
  const track = (id: string, status: string, roleName = 'User Administrator') =>
    store.trackedRequests.insertIfAbsent({
      id,
      kind: 'directoryRole',
      principalId: 'user-1',
      roleId: 'role-1',
      roleName,
      directoryScopeId: '/',
      status,
      data: {},
    });

  it('turns a tracked request decided outside Elevate into one status-change work item', async () => {
    await track('req-1', 'PendingApproval');
    expect((await reconcile.run()).statusChanges).toBe(0);
    pim.requests.set('req-1', 'Denied');
    expect((await reconcile.run()).statusChanges).toBe(1);
    expect((await reconcile.run()).statusChanges).toBe(0);
    const item = await store.workItems.get('request-status:req-1:Denied');
    expect(item).toMatchObject({
      kind: 'request-status',
      status: 'pending',
      payload: { requestId: 'req-1', status: 'Denied' },
    });
  });

  it('closes a tracked request PIM no longer has (404) once, instead of reading it on every pass', async () => {
    await track('req-gone', 'PendingApproval');
    pim.requests.set('req-gone', '404');
    expect((await reconcile.run()).statusChanges).toBe(1);
    expect((await reconcile.run()).statusChanges).toBe(0);
    expect(await store.workItems.get('request-status:req-gone:Gone')).toMatchObject({
      payload: { requestId: 'req-gone', status: 'Gone' },
    });
  });

  // PIM reports transient statuses while it provisions (Graph docs resources/request.md; the simulator's
  // realism profile, F16): they are not changes, so the request stays open until it settles.
  it('ignores PIM’s transient statuses and records the settled one', async () => {
    await track('req-2', 'Granted', 'Exchange Administrator');
    for (const transient of [
      'PendingScheduleCreation',
      'ScheduleCreated',
      'PendingProvisioning',
      'Whatever',
    ]) {
      pim.requests.set('req-2', transient);
      expect((await reconcile.run()).statusChanges).toBe(0);
    }
    pim.requests.set('req-2', 'Provisioned');
    expect((await reconcile.run()).statusChanges).toBe(1);
    expect(await store.workItems.get('request-status:req-2:Provisioned')).toMatchObject({
      payload: { requestId: 'req-2', status: 'Provisioned' },
    });
  });
});
