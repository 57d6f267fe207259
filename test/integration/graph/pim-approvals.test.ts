import { Duration } from 'luxon';
import { startHarness, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';

const hour = Duration.fromObject({ hours: 1 });

describe('Graph PIM approvals against the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });

  it('approver inbox, approval steps, approve → provisioned; a second decision says who decided', async () => {
    const alex = await h.user(T.alex);
    const priya = await h.user(T.priya);
    const request = await h.gateway.activate(alex, {
      kind: 'directoryRole',
      roleId: T.roles.exchangeAdmin,
      directoryScopeId: '/',
      duration: hour,
      justification: 'mail flow incident',
    });
    expect(request.status).toBe('PendingApproval');

    const inbox = await h.gateway.listPendingApprovals(priya);
    expect(inbox.map((r) => r.id)).toContain(request.id);
    const approval = await h.gateway.getApproval(priya, { kind: 'directoryRole', approvalId: request.id });
    expect(approval.steps).toEqual([
      expect.objectContaining({ status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }),
    ]);

    await h.gateway.decideApproval(priya, {
      kind: 'directoryRole',
      approvalId: request.id,
      decision: 'Approve',
      justification: 'looks right',
    });
    const settled = await h.gateway.waitForSettled({ kind: 'directoryRole', requestId: request.id }, alex);
    expect(settled.status).toBe('Provisioned');

    const again = h.gateway.decideApproval(priya, {
      kind: 'directoryRole',
      approvalId: request.id,
      decision: 'Deny',
      justification: 'too late',
    });
    await expect(again).rejects.toMatchObject({
      code: 'APPROVAL_ALREADY_DECIDED',
      details: { reviewResult: 'Approved', reviewedByUserId: T.priya },
    });
  });

  it('group approvers: a member decides; a non-approver and the requester cannot', async () => {
    const alex = await h.user(T.alex);
    const sam = await h.user(T.sam);
    const morgan = await h.user(T.morgan);
    const jordan = await h.user(T.jordan);
    const request = await h.gateway.activate(alex, {
      kind: 'directoryRole',
      roleId: T.roles.securityAdmin,
      directoryScopeId: '/',
      duration: hour,
      justification: 'alert triage',
    });
    expect(request.status).toBe('PendingApproval');

    const outsider: unknown = await h.gateway
      .decideApproval(jordan, {
        kind: 'directoryRole',
        approvalId: request.id,
        decision: 'Approve',
        justification: 'x',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(['NOT_AN_APPROVER', 'APPROVAL_NOT_FOUND']).toContain((outsider as { code: string }).code);
    const self: unknown = await h.gateway
      .decideApproval(alex, {
        kind: 'directoryRole',
        approvalId: request.id,
        decision: 'Approve',
        justification: 'me',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(['SELF_APPROVAL_FORBIDDEN', 'NOT_AN_APPROVER', 'APPROVAL_NOT_FOUND']).toContain(
      (self as { code: string }).code,
    );

    expect((await h.gateway.listPendingApprovals(morgan)).map((r) => r.id)).toContain(request.id);
    await h.gateway.decideApproval(sam, {
      kind: 'directoryRole',
      approvalId: request.id,
      decision: 'Deny',
      justification: 'not during the freeze',
    });
    await expect(
      h.gateway.getRequest({ kind: 'directoryRole', requestId: request.id }, alex),
    ).resolves.toMatchObject({
      status: 'Denied',
    });
    await expect(
      h.gateway.decideApproval(morgan, {
        kind: 'directoryRole',
        approvalId: request.id,
        decision: 'Approve',
        justification: 'late',
      }),
    ).rejects.toMatchObject({ code: 'APPROVAL_ALREADY_DECIDED', details: { reviewResult: 'Denied' } });
  });

  it('PIM for Groups: ownership needing approval is approved on its v1.0 stage', async () => {
    const alex = await h.user(T.alex);
    const priya = await h.user(T.priya);
    const request = await h.gateway.activate(alex, {
      kind: 'groupOwner',
      roleId: T.dbOperators,
      directoryScopeId: '/',
      duration: hour,
      justification: 'schema change',
    });
    expect(request).toMatchObject({ kind: 'groupOwner', status: 'PendingApproval' });
    const inbox = await h.gateway.listPendingApprovals(priya);
    expect(inbox.find((r) => r.id === request.id)).toMatchObject({
      kind: 'groupOwner',
      roleId: T.dbOperators,
    });
    const approval = await h.gateway.getApproval(priya, { kind: 'groupOwner', approvalId: request.id });
    expect(approval.steps[0]).toMatchObject({ status: 'InProgress', assignedToMe: true });
    await h.gateway.decideApproval(priya, {
      kind: 'groupOwner',
      approvalId: request.id,
      decision: 'Approve',
      justification: 'ok',
    });
    const settled = await h.gateway.waitForSettled({ kind: 'groupOwner', requestId: request.id }, alex);
    expect(settled.status).toBe('Provisioned');
    const tenantWide = await h.gateway.listActivatedAssignments('groupMember');
    expect(tenantWide).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'groupOwner', principalId: T.alex, roleId: T.dbOperators }),
      ]),
    );
  });

  it('an unknown approval is APPROVAL_NOT_FOUND', async () => {
    const priya = await h.user(T.priya);
    await expect(
      h.gateway.getApproval(priya, {
        kind: 'directoryRole',
        approvalId: '6a1c2f0e-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
  });
});
