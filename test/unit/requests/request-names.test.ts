import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { CancelRequestUseCase } from '../../../src/app/requests/cancel-request.use-case';
import { StatusUseCase } from '../../../src/app/requests/status.use-case';
import type { Actor } from '../../../src/app/shared/actor';
import type { ActiveRole, EligibleRole, RoleKind } from '../../../src/domain/roles';
import type { PimPolicies, PimRequest, PimRequests, PimRoles } from '../../../src/ports/pim-gateway';
import type { Store } from '../../../src/ports/stores';
import { memoryStore, TestClock } from '../approvals/fakes';

const GROUP = '62fb171f-d247-4a48-a550-f94ff9780d8a';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const clock = new TestClock();
const actor: Actor = {
  tenantId: 't',
  userId: 'casey',
  displayName: 'Casey Novak',
  timeZone: 'UTC',
  delegated: { userId: 'casey', accessToken: async () => 'token' },
};
let store: Store;
beforeAll(async () => {
  store = await memoryStore(clock);
});
afterAll(() => store.close());

/**
 * A pending request Elevate does not track (made in the Entra portal, not yet seen by the
 * reconciler) is named from the requester's eligibilities when PIM gives no role definition for it
 * (PIM for Groups), never by its id (issue 13, defect 1).
 */
describe('cancel: naming a request Elevate did not make', () => {
  const request = (kind: RoleKind, roleId: string): PimRequest => ({
    id: `req-${kind}`,
    kind,
    action: 'selfActivate',
    status: 'PendingApproval',
    principalId: 'casey',
    roleId,
    directoryScopeId: '/',
    createdAt: clock.now().minus({ minutes: 1 }),
    validationOnly: false,
  });
  const pimWith = (open: PimRequest[], eligible: Partial<EligibleRole>[]) =>
    ({
      listMyRequests: async (_user: unknown, kind: RoleKind) => open.filter((r) => r.kind === kind),
      listEligibleRoles: async () => eligible as EligibleRole[],
      getRoleDefinition: async () => Promise.reject(new Error('not a directory role')),
      cancel: async () => undefined,
    }) as unknown as PimRoles & PimRequests;

  it('names a group request by the group, from the eligibilities', async () => {
    const open = [request('groupMember', GROUP)];
    const eligible = [
      { kind: 'groupMember' as const, roleId: GROUP, roleName: 'Production Database Operators' },
    ];
    const cancel = new CancelRequestUseCase({
      pim: pimWith(open, eligible),
      trackedRequests: store.trackedRequests,
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
    });
    const outcome = await cancel.execute(actor, { type: 'role', name: 'production database' });
    expect(outcome).toMatchObject({ kind: 'cancelled', roleName: 'Production Database Operators' });
  });

  it('says "a group" rather than an id when nothing names it', async () => {
    const cancel = new CancelRequestUseCase({
      pim: pimWith([request('groupMember', GROUP)], []),
      trackedRequests: store.trackedRequests,
      audit: new StoreAuditLog({ audit: store.audit, clock }),
      clock,
    });
    const outcome = await cancel.execute(actor, { type: 'only' });
    expect(outcome).toMatchObject({ kind: 'cancelled', roleName: 'a group' });
    expect(JSON.stringify((outcome as { roleName: string }).roleName)).not.toMatch(GUID);
  });
});

/**
 * `status` names requests the same way (an untracked group request read as its id before), and
 * lists an activation PIM granted but has not set up yet under "activating" rather than nowhere.
 */
describe('status: requests Elevate did not make, and activations still being set up', () => {
  const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
  const request = (over: Partial<PimRequest>): PimRequest => ({
    id: `req-${Math.random()}`,
    kind: 'directoryRole',
    action: 'selfActivate',
    status: 'PendingApproval',
    principalId: 'casey',
    roleId: READER,
    directoryScopeId: '/',
    createdAt: clock.now().minus({ minutes: 1 }),
    validationOnly: false,
    ...over,
  });
  const statusWith = (
    requests: PimRequest[],
    active: Partial<ActiveRole>[] = [],
    eligible: Partial<EligibleRole>[] = [],
  ) =>
    new StatusUseCase({
      pim: {
        listMyRequests: async (_user: unknown, kind: RoleKind) =>
          requests.filter((r) => (kind === 'directoryRole' ? r.kind === kind : r.kind !== 'directoryRole')),
        listActiveRoles: async () => active as ActiveRole[],
        listEligibleRoles: async () => eligible as EligibleRole[],
        getRoleDefinition: async (id: string) =>
          id === READER ? { id, displayName: 'Global Reader' } : Promise.reject(new Error('no such role')),
        getActivationRules: async () => Promise.reject(new Error('not needed')),
      } as unknown as PimRoles & PimRequests & PimPolicies,
      trackedRequests: store.trackedRequests,
      clock,
    });

  it('names an untracked group request by the group, never by its id', async () => {
    const overview = await statusWith(
      [request({ kind: 'groupMember', roleId: GROUP })],
      [],
      [{ kind: 'groupMember', roleId: GROUP, roleName: 'Production Database Operators', scopeName: 'Group' }],
    ).execute(actor);
    expect(overview.pending).toMatchObject([
      { roleName: 'Production Database Operators', scopeName: 'Group' },
    ]);
    const unnamed = await statusWith([request({ kind: 'groupMember', roleId: GROUP })]).execute(actor);
    expect(unnamed.pending).toMatchObject([{ roleName: 'a group' }]);
    expect(JSON.stringify(unnamed.pending.map((r) => [r.roleName, r.scopeName]))).not.toMatch(GUID);
  });

  it('lists a granted activation PIM is still setting up as activating, until it is listed as active', async () => {
    const granted = request({ status: 'Granted', startAt: clock.now().minus({ seconds: 20 }) });
    const provisioning = request({ status: 'PendingProvisioning', kind: 'directoryRole', roleId: 'other' });
    const stale = request({ status: 'PendingProvisioning', createdAt: clock.now().minus({ hours: 2 }) });
    const future = request({ status: 'Granted', startAt: clock.now().plus({ hours: 1 }) });
    const overview = await statusWith([granted, provisioning, stale, future]).execute(actor);
    expect(overview.activating.map((r) => r.id)).toEqual([granted.id, provisioning.id]);
    expect(overview.activating.map((r) => r.roleName)).toEqual(['Global Reader', 'a role']);
    expect(overview.scheduled.map((r) => r.id)).toEqual([future.id]);

    const active = { kind: 'directoryRole' as const, roleId: READER, directoryScopeId: '/' };
    const later = await statusWith([granted], [active]).execute(actor);
    expect(later.activating).toEqual([]);
  });
});
