/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, selfActivate, users } from './sim-test-client';

/** REFERENCE §6 and §12.6: approvals for Entra roles (beta) decided over HTTP, plus the portal decision. */
describe('simulator: approvals', () => {
  let c: SimTestClient;
  const APPROVALS = '/beta/roleManagement/directory/roleAssignmentApprovals';
  const token = (who: keyof typeof users) => c.userToken(users[who].userPrincipalName);

  /** Sam asks for Security Administrator (approvers: the Security Approvers group = Sam and Morgan). */
  async function samRequests(): Promise<{ id: string; stepId: string }> {
    const req = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('sam'),
      selfActivate(users.sam.id, ROLES.securityAdministrator),
    );
    expect(req.body.status).toBe('PendingApproval');
    const approval = await c.graph('GET', `${APPROVALS}/${req.body.id}`, await token('morgan'));
    return { id: req.body.id, stepId: approval.body.steps[0].id };
  }
  const decide = async (
    who: keyof typeof users,
    id: string,
    stepId: string,
    reviewResult: string,
    justification: string | null = 'Looks right',
  ) =>
    c.graph('PATCH', `${APPROVALS}/${id}/steps/${stepId}`, await token(who), {
      reviewResult,
      ...(justification === null ? {} : { justification }),
    });
  const status = async (id: string) =>
    (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${id}`, await c.appToken())).body;

  beforeAll(async () => {
    c = await SimTestClient.start();
  });
  beforeEach(async () => {
    await c.control('POST', '/reset');
  });
  afterAll(() => c.close());

  it('a group approver approves: step Completed/Approved, request Provisioned with an active instance', async () => {
    const { id, stepId } = await samRequests();
    const inbox = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'`,
      await token('morgan'),
    );
    expect(inbox.body.value.map((r: any) => r.id)).toEqual([id]);
    expect((await decide('morgan', id, stepId, 'Approve')).status).toBe(204);
    const step = (await c.graph('GET', `${APPROVALS}/${id}/steps/${stepId}`, await token('morgan'))).body;
    expect(step).toMatchObject({
      status: 'Completed',
      reviewResult: 'Approved',
      justification: 'Looks right',
      reviewedBy: { id: users.morgan.id },
    });
    expect(step.reviewedDateTime).toEqual(expect.any(String));
    expect((await status(id)).status).toBe('Provisioned');
    const instances = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleInstances?$filter=principalId eq '${users.sam.id}' and roleDefinitionId eq '${ROLES.securityAdministrator}'`,
      await c.appToken(),
    );
    expect(instances.body.value[0]).toMatchObject({ assignmentType: 'Activated' });
  });

  it('the first decision wins: a second decision gets 409', async () => {
    await c.control('POST', '/seed', { path: require.resolve('../../src/simulator/seed/demo-tenant.json') });
    const { id, stepId } = await samRequests();
    expect((await decide('morgan', id, stepId, 'Deny', 'Not on call')).status).toBe(204);
    const second = await decide('morgan', id, stepId, 'Approve');
    expect(second.status).toBe(409);
    expect(second.body.error.innerError['request-id']).toEqual(expect.any(String));
    expect((await status(id)).status).toBe('Denied');
  });

  it('self-approval is forbidden (403) and the requestor does not see the step as assigned to them', async () => {
    const { id, stepId } = await samRequests();
    const own = await c.graph('GET', `${APPROVALS}/${id}`, await token('sam'));
    expect(own.body.steps[0].assignedToMe).toBe(false);
    const res = await decide('sam', id, stepId, 'Approve');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('You cannot approve or deny your own request.');
  });

  it('someone who is not an approver gets 403; approver justification is required (400)', async () => {
    const { id, stepId } = await samRequests();
    expect((await decide('alex', id, stepId, 'Approve')).status).toBe(403);
    const noReason = await decide('morgan', id, stepId, 'Approve', null);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain("'justification'");
  });

  it('named-user approver (Dana for User Administrator) and default approvers (Privileged Role Administrators)', async () => {
    const jordan = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('jordan'),
      selfActivate(users.jordan.id, ROLES.userAdministrator),
    );
    const danaView = await c.graph('GET', `${APPROVALS}/${jordan.body.id}`, await token('dana'));
    expect(danaView.body.steps[0].assignedToMe).toBe(true);
    const avery = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('avery'),
      selfActivate(users.avery.id, ROLES.complianceAdministrator),
    );
    expect(avery.body.status).toBe('PendingApproval');
    const chrisInbox = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')`,
      await token('chris'),
    );
    expect(chrisInbox.body.value.map((r: any) => r.id)).toEqual([avery.body.id]);
  });

  // F16 point 8. The 24-hour window: Entra docs pim-approval-workflow ("If a request isn't approved within
  // 24 hours, the eligible user must resubmit a new request"). No public source gives the request status
  // after it (Graph resources/request.md lists no expiry value; TimedOut is ARM's): the simulator reports
  // the documented terminal `Canceled` and the documented approvalStage status `Expired` (approvalstage.md).
  it('after 24 hours the request is Canceled with its step Expired, and a late decision gets 404', async () => {
    const { id, stepId } = await samRequests();
    await c.control('POST', '/clock/advance', { by: 'PT24H' });
    const expired = await status(id);
    expect(expired.status).toBe('Canceled');
    expect(
      Date.parse(expired.completedDateTime) - Date.parse(expired.createdDateTime),
    ).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    const step = (await c.graph('GET', `${APPROVALS}/${id}`, await token('morgan'))).body.steps[0];
    expect(step).toMatchObject({ status: 'Expired', reviewResult: 'NotReviewed', assignedToMe: false });
    expect((await decide('morgan', id, stepId, 'Approve')).status).toBe(404);
  });

  it('cancel a pending request (204 Canceled); approvals are beta-only (v1.0 path is refused)', async () => {
    const { id } = await samRequests();
    expect(
      (await c.graph('POST', `${RD}/roleAssignmentScheduleRequests/${id}/cancel`, await token('sam'))).status,
    ).toBe(204);
    expect((await status(id)).status).toBe('Canceled');
    const v1 = await c.graph(
      'GET',
      `/v1.0/roleManagement/directory/roleAssignmentApprovals/${id}`,
      await token('morgan'),
    );
    expect(v1.status).toBe(400);
    expect(v1.body.error.message).toContain('beta');
    expect(
      (await c.graph('GET', `${APPROVALS}/00000000-0000-0000-0000-000000000000`, await token('morgan')))
        .status,
    ).toBe(404);
  });

  it('approval APIs refuse app-only tokens', async () => {
    const { id } = await samRequests();
    const res = await c.graph('GET', `${APPROVALS}/${id}`, await c.appToken());
    expect(res.status).toBe(403);
  });

  it('a decision "in the portal" through the control API', async () => {
    const { id } = await samRequests();
    const res = await c.control('POST', `/approvals/${id}/decide`, {
      approverId: users.morgan.id,
      decision: 'Approve',
      justification: 'Approved in the portal',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('Provisioned');
    const late = await c.control('POST', `/approvals/${id}/decide`, {
      approverId: users.sam.id,
      decision: 'Deny',
      justification: 'x',
    });
    expect(late.status).toBe(403);
    const bad = await c.control('POST', `/approvals/${id}/decide`, {
      approverId: users.morgan.id,
      decision: 'Maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('decision');
  });
});
