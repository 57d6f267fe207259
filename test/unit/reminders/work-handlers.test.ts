import { ActivationIndexBuilder } from '../../../src/app/reconcile/activation-index';
import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { DateTime, Duration } from 'luxon';
import { createStore } from '../../../src/adapters/store/create-store';
import type { ActivationSnapshot } from '../../../src/app/reconcile/activation-snapshot';
import { ActivationEndedHandler } from '../../../src/app/reminders/handlers/activation-ended.handler';
import { ExpiryReminderHandler } from '../../../src/app/reminders/handlers/expiry-reminder.handler';
import { ReminderLead } from '../../../src/app/reminders/reminder-lead';
import type { ReminderNotifier } from '../../../src/app/reminders/reminder-notifier';
import { activationWork, WorkKinds, type ActivationFacts } from '../../../src/app/reminders/work-items';
import type { ActiveAssignment } from '../../../src/ports/pim-gateway';
import type { Store, WorkItem } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';

const TENANT = 't';

class RecordingNotifier implements ReminderNotifier {
  calls: { method: string; args: unknown[] }[] = [];
  async expiryReminder(...args: unknown[]) {
    this.calls.push({ method: 'expiryReminder', args });
    return { kind: 'sent' as const };
  }
  async activationEnded(...args: unknown[]) {
    this.calls.push({ method: 'activationEnded', args });
    return { kind: 'sent' as const };
  }
  async eligibilityEnding(...args: unknown[]) {
    this.calls.push({ method: 'eligibilityEnding', args });
    return { kind: 'sent' as const };
  }
  async channelThread(...args: unknown[]) {
    this.calls.push({ method: 'channelThread', args });
    return { kind: 'sent' as const };
  }
  async scheduledStarted(...args: unknown[]) {
    this.calls.push({ method: 'scheduledStarted', args });
    return { kind: 'sent' as const };
  }
}

describe('reminder work handlers', () => {
  let clock: TestClock;
  let store: Store;
  let notifier: RecordingNotifier;
  let facts: ActivationFacts;

  beforeEach(async () => {
    clock = new TestClock();
    store = await createStore({ sqlitePath: ':memory:', clock });
    notifier = new RecordingNotifier();
    facts = {
      kind: 'directoryRole',
      instanceId: 'inst-1',
      principalId: 'user-1',
      roleId: 'role-1',
      directoryScopeId: '/',
      startAt: clock.now().minus({ minutes: 50 }),
      endAt: clock.now().plus({ minutes: 10 }),
      observedAt: clock.now().minus({ minutes: 50 }),
    };
  });
  afterEach(() => store.close());

  const item = (kind: 'reminder' | 'ended'): WorkItem => {
    const work = activationWork(
      kind === 'reminder' ? WorkKinds.expiryReminder : WorkKinds.activationEnded,
      facts,
      clock.now(),
    );
    return { ...work, status: 'claimed', leaseOwner: 'me', leaseUntil: null, attempts: 1, doneAt: null };
  };
  const indexOf = (instances: ActiveAssignment[]) => {
    const builder = new ActivationIndexBuilder();
    instances.forEach((i) => builder.add(i));
    return builder.build();
  };
  const snapshot = (instances: ActiveAssignment[], takenAt: DateTime = clock.now()): ActivationSnapshot => ({
    takenAt,
    listed: new Set(['directoryRole', 'groupMember', 'groupOwner'] as const),
    active: indexOf(instances),
  });
  const live = (overrides: Partial<ActiveAssignment> = {}): ActiveAssignment => ({
    kind: 'directoryRole',
    instanceId: facts.instanceId,
    principalId: facts.principalId,
    roleId: facts.roleId,
    directoryScopeId: facts.directoryScopeId,
    assignmentType: 'Activated',
    startDateTime: facts.startAt,
    endDateTime: facts.endAt,
    ...overrides,
  });

  describe('ExpiryReminderHandler', () => {
    const handler = () =>
      new ExpiryReminderHandler({
        notifier,
        reminderLead: new ReminderLead(store.users, Duration.fromObject({ minutes: 10 })),
        clock,
        tenantId: TENANT,
      });

    it('sends the reminder while the activation is live', async () => {
      const outcome = await handler().handle(item('reminder'), { snapshot: snapshot([live()]) });
      expect(outcome).toMatchObject({ type: 'done', note: 'reminder sent' });
      expect(notifier.calls.map((c) => c.method)).toEqual(['expiryReminder']);
    });

    it('sends nothing for an activation that is gone, or already ended', async () => {
      expect(await handler().handle(item('reminder'), { snapshot: snapshot([]) })).toMatchObject({
        type: 'done',
      });
      clock.advance(Duration.fromObject({ minutes: 10 }));
      expect(await handler().handle(item('reminder'), { snapshot: snapshot([live()]) })).toMatchObject({
        type: 'done',
      });
      expect(notifier.calls).toHaveLength(0);
    });

    it('waits when the user asked for a shorter lead after it was scheduled, and skips when reminders are off', async () => {
      await store.users.upsertProfile({ tenantId: TENANT, userId: 'user-1', displayName: 'U' });
      await store.users.updatePreferences(TENANT, 'user-1', { reminderLeadMinutes: 3 });
      const later = await handler().handle(item('reminder'), { snapshot: snapshot([live()]) });
      expect(later).toMatchObject({ type: 'retry' });
      expect(later.type === 'retry' && later.at.toISO()).toBe(facts.endAt.minus({ minutes: 3 }).toISO());
      await store.users.updatePreferences(TENANT, 'user-1', { reminderLeadMinutes: null });
      expect(await handler().handle(item('reminder'), { snapshot: snapshot([live()]) })).toMatchObject({
        type: 'done',
        note: 'reminders are off for this user',
      });
      expect(notifier.calls).toHaveLength(0);
    });
  });

  describe('ActivationEndedHandler', () => {
    const handler = () =>
      new ActivationEndedHandler({
        notifier,
        audit: new StoreAuditLog({ audit: store.audit, clock }),
        trackedRequests: store.trackedRequests,
        pim: { getRoleDefinition: async (id) => ({ id, displayName: 'Role', isBuiltIn: true }) },
        directory: { getGroup: async (id) => ({ id, displayName: 'Group' }) },
        clock,
        recheckEvery: Duration.fromObject({ minutes: 1 }),
      });
    const ended = () => notifier.calls.filter((c) => c.method === 'activationEnded');

    it('looks again next interval while the activation is listed, or when it has no listing to judge by', async () => {
      const still = await handler().handle(item('ended'), { snapshot: snapshot([live()]) });
      expect(still.type === 'retry' && still.at.toISO()).toBe(clock.now().plus({ minutes: 1 }).toISO());
      const blind = await handler().handle(item('ended'), {});
      expect(blind).toMatchObject({ type: 'retry', note: 'no fresh listing to judge by' });
      const incomplete = await handler().handle(item('ended'), {
        snapshot: { ...snapshot([]), listed: new Set(['groupMember', 'groupOwner'] as const) },
      });
      expect(incomplete).toMatchObject({ type: 'retry' });
      expect(notifier.calls).toHaveLength(0);
    });

    it('says "expired" when it is gone at its planned end', async () => {
      clock.advance(Duration.fromObject({ minutes: 10, seconds: 5 }));
      await handler().handle(item('ended'), { snapshot: snapshot([]) });
      expect(ended()).toHaveLength(1);
      expect(ended()[0].args[1]).toBe('expired');
      expect((ended()[0].args[2] as DateTime).toISO()).toBe(facts.endAt.toISO());
    });

    it('sends no note when Elevate deactivated it (the pressed card said so), and "elsewhere" otherwise', async () => {
      await store.audit.append({
        at: clock.now().minus({ minutes: 1 }),
        actorId: 'user-1',
        principalId: 'user-1',
        action: 'activation.deactivated',
        target: 'Role @ Directory',
        outcome: 'succeeded',
        roleId: 'role-1',
        scopeId: '/',
        details: { instanceId: 'inst-1' },
      });
      const mine = await handler().handle(item('ended'), { snapshot: snapshot([]) });
      expect(mine).toMatchObject({ type: 'done', note: expect.stringMatching(/deactivated in Elevate/) });
      facts = { ...facts, instanceId: 'inst-2', roleId: 'role-2' };
      await handler().handle(item('ended'), { snapshot: snapshot([]) });
      expect(ended().map((c) => c.args[1])).toEqual(['elsewhere']);
    });

    it('ends silently when the same role is active again under a new instance (Extend)', async () => {
      const outcome = await handler().handle(item('ended'), {
        snapshot: snapshot([live({ instanceId: 'inst-new', endDateTime: clock.now().plus({ hours: 2 }) })]),
      });
      expect(outcome).toMatchObject({ type: 'done', note: 're-activated under a new instance (extended)' });
      // No "ended" note; only its announcements (a stand-in: Elevate did not make it) show the new end.
      expect(notifier.calls.map((c) => c.method)).toEqual(['channelThread']);
      expect(notifier.calls[0].args[0]).toMatchObject({
        state: 'active',
        extended: true,
        request: { id: 'instance:inst-1' },
      });
    });

    it('after Extend, moves the channel thread to the new end instead of "ended"', async () => {
      await store.trackedRequests.insertIfAbsent({
        id: 'req-1',
        kind: 'directoryRole',
        principalId: 'user-1',
        roleId: 'role-1',
        roleName: 'Role',
        directoryScopeId: '/',
        status: 'Provisioned',
        originConversationId: '19:channel@thread.tacv2',
        data: {},
      });
      const newEnd = clock.now().plus({ hours: 2 });
      await handler().handle(item('ended'), {
        snapshot: snapshot([live({ instanceId: 'inst-new', endDateTime: newEnd })]),
      });
      expect(notifier.calls.map((c) => c.method)).toEqual(['channelThread']);
      expect(notifier.calls[0].args[0]).toMatchObject({ state: 'active', endsAt: newEnd });
    });

    it('moves the channel thread of the request the activation came from to "ended"', async () => {
      await store.trackedRequests.insertIfAbsent({
        id: 'req-1',
        kind: 'directoryRole',
        principalId: 'user-1',
        roleId: 'role-1',
        roleName: 'Role',
        directoryScopeId: '/',
        status: 'Provisioned',
        originConversationId: '19:channel@thread.tacv2',
        data: {},
      });
      clock.advance(Duration.fromObject({ minutes: 11 }));
      await handler().handle(item('ended'), { snapshot: snapshot([]) });
      expect(notifier.calls.map((c) => c.method)).toEqual(['channelThread', 'activationEnded']);
      expect(notifier.calls[0].args[0]).toMatchObject({ state: 'ended', request: { id: 'req-1' } });
    });
  });
});
