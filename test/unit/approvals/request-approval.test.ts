import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { Duration } from 'luxon';
import { RequestApprovalUseCase } from '../../../src/app/approvals/request-approval.use-case';
import { ApprovalChannels } from '../../../src/app/channels/approval-channels';
import type { EligibleRole } from '../../../src/domain/roles';
import type { PimGateway } from '../../../src/ports/pim-gateway';
import type { Store } from '../../../src/ports/stores';
import { memoryStore, people, RecordingMessenger, silentLog, TestClock } from './fakes';

const role: EligibleRole = {
  kind: 'directoryRole',
  roleId: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  roleName: 'Security Administrator',
  directoryScopeId: '/',
  scopeName: 'Directory',
  via: { type: 'direct' },
};

const DEFAULT_CHANNEL = '19:approvals@thread.tacv2';

describe('RequestApprovalUseCase', () => {
  let clock: TestClock;
  let store: Store;
  let messenger: RecordingMessenger;
  let rulesAnswer: { approverJustificationRequired: boolean } | Error;
  let useCase: RequestApprovalUseCase;

  beforeEach(async () => {
    clock = new TestClock();
    store = await memoryStore(clock);
    messenger = new RecordingMessenger();
    rulesAnswer = { approverJustificationRequired: false };
    const pim = {
      getActivationRules: async () => {
        if (rulesAnswer instanceof Error) throw rulesAnswer;
        return rulesAnswer;
      },
    } as unknown as PimGateway;
    useCase = new RequestApprovalUseCase({
      pim,
      trackedRequests: store.trackedRequests,
      messenger,
      channels: new ApprovalChannels({ routes: store.channelRoutes, defaultChannelId: DEFAULT_CHANNEL }),
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
      log: silentLog,
    });
    await store.trackedRequests.insertIfAbsent({
      id: 'req-9',
      kind: 'directoryRole',
      principalId: people.sam.id,
      roleId: role.roleId,
      roleName: role.roleName,
      directoryScopeId: '/',
      status: 'PendingApproval',
      data: {
        scopeName: 'Directory',
        justification: 'rotate keys',
        requesterName: 'Sam Okafor',
        other: 'kept',
      },
    });
  });
  afterEach(() => store.close());

  const input = (approvers = [people.sam, people.morgan, people.dana]) => ({
    requestId: 'req-9',
    requester: people.sam,
    role,
    approvers,
    duration: Duration.fromObject({ hours: 1 }),
  });

  it('posts one shared copy to the default channel and to each conversation routed for the role or all roles', async () => {
    messenger.channelConfigured = true;
    const route = (conversationId: string, roleId: string) =>
      store.channelRoutes.add({
        conversationId,
        tenantId: 't',
        purpose: 'approvals',
        roleId,
        roleName: 'x',
        createdBy: people.dana.id,
      });
    await route('19:security@thread.tacv2', role.roleId);
    await route('19:everything@thread.tacv2', '*');
    await route(DEFAULT_CHANNEL, role.roleId);
    await route('19:exchange@thread.tacv2', '29232cdf-9323-42fd-ade2-1d097af3e4de');
    await store.channelRoutes.add({
      conversationId: '19:announce-only@thread.tacv2',
      tenantId: 't',
      purpose: 'announce',
      roleId: role.roleId,
      roleName: 'x',
      createdBy: people.dana.id,
    });
    const result = await useCase.execute(input());
    expect(messenger.channelIds[0]).toBe(DEFAULT_CHANNEL);
    expect([...messenger.channelIds].sort()).toEqual(
      [DEFAULT_CHANNEL, '19:everything@thread.tacv2', '19:security@thread.tacv2'].sort(),
    );
    expect(result?.channel).toBe(true);
  });

  it('sends to every approver but the requester, records the approvers and keeps the activation data', async () => {
    messenger.channelConfigured = true;
    const result = await useCase.execute(input());
    expect(messenger.sentTo.map((s) => s.approver.displayName)).toEqual(['Morgan Yu', 'Dana Schmidt']);
    expect(messenger.channel).toHaveLength(1);
    expect(messenger.unreachable).toHaveLength(0);
    expect(result?.view).toMatchObject({
      state: 'pending',
      reasonRequired: false,
      justification: 'rotate keys',
    });
    const tracked = await store.trackedRequests.get('req-9');
    expect(tracked?.data.other).toBe('kept');
    expect(tracked?.data.approval).toMatchObject({ reasonRequired: false, duration: 'PT1H' });
    expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
      action: 'approval.requested',
      outcome: 'succeeded',
      requestId: 'req-9',
    });
  });

  it('names approvers who cannot be reached, and asks for a reason when the policy cannot be read', async () => {
    rulesAnswer = new Error('policy read failed');
    messenger.notInstalled.add(people.dana.id);
    const result = await useCase.execute(input());
    expect(result?.unreachable).toEqual([people.dana]);
    expect(messenger.unreachable).toEqual([{ view: expect.anything(), people: [people.dana] }]);
    expect(result?.view.reasonRequired).toBe(true);
    expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({
      outcome: 'succeeded',
      reason: '1 approver(s) could not be reached in Teams',
    });
  });

  it('tells the requester when nobody at all could be messaged', async () => {
    await useCase.execute(input([people.sam]));
    expect(messenger.sentTo).toHaveLength(0);
    expect(messenger.unreachable).toEqual([{ view: expect.anything(), people: [] }]);
  });

  it('only reacts to pendingApproval outcomes', async () => {
    const actor = {
      tenantId: 't',
      userId: people.sam.id,
      displayName: 'Sam Okafor',
      timeZone: 'UTC',
      delegated: { userId: people.sam.id, accessToken: async () => '' },
    };
    await useCase.onActivationOutcome(
      {
        kind: 'activated',
        role,
        requestId: 'req-9',
        startAt: clock.now(),
        until: clock.now().plus({ hours: 1 }),
        duration: Duration.fromObject({ hours: 1 }),
      },
      { actor, selection: { type: 'names', names: ['x'] } },
    );
    expect(messenger.sentTo).toHaveLength(0);
    await useCase.onActivationOutcome(
      {
        kind: 'pendingApproval',
        role,
        requestId: 'req-9',
        approvers: [people.morgan],
        duration: Duration.fromObject({ hours: 1 }),
      },
      { actor, selection: { type: 'names', names: ['x'] } },
    );
    expect(messenger.sentTo.map((s) => s.approver.id)).toEqual([people.morgan.id]);
  });
});
