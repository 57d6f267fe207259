import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { CancelRequestUseCase } from '../../../src/app/requests/cancel-request.use-case';
import type { Actor } from '../../../src/app/shared/actor';
import type { EligibleRole, RoleKind } from '../../../src/domain/roles';
import type { PimRequest, PimRequests, PimRoles } from '../../../src/ports/pim-gateway';
import type { Store } from '../../../src/ports/stores';
import { memoryStore, TestClock } from '../approvals/fakes';

const GROUP = '62fb171f-d247-4a48-a550-f94ff9780d8a';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

/**
 * A pending request Elevate does not track (made in the Entra portal, not yet seen by the
 * reconciler) is named from the requester's eligibilities when PIM gives no role definition for it
 * (PIM for Groups), never by its id (issue 13, defect 1).
 */
describe('cancel: naming a request Elevate did not make', () => {
  let store: Store;
  const clock = new TestClock();
  const actor: Actor = {
    tenantId: 't',
    userId: 'casey',
    displayName: 'Casey Novak',
    timeZone: 'UTC',
    delegated: { userId: 'casey', accessToken: async () => 'token' },
  };
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

  beforeAll(async () => {
    store = await memoryStore(clock);
  });
  afterAll(() => store.close());

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
