/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from HTTP responses */
import { RD, ROLES, SimTestClient, DEMO_APP, selfActivate, users, useSimTestClient } from './sim-test-client';

/**
 * F16: response shapes where the simulator used to be kinder or tidier than a real tenant.
 * Each case names the public source it follows.
 */
describe('simulator: shapes a real tenant answers with', () => {
  let c: SimTestClient;

  useSimTestClient((s) => ({ c } = s), { resetEach: true });

  // Source: Graph docs, "List roleManagementPolicyAssignments" (policyroot-list-rolemanagementpolicyassignments.md,
  // v1.0, example "Retrieve the details of all role management policy assignments … and expand the policy and
  // its rules"): the Approval_EndUser_Assignment rule has `isApprovalRequired: false` with
  // `approvalMode: "SingleStage"`; NoApproval never appears.
  it('approvalMode is SingleStage even when approval is not required', async () => {
    const res = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '${ROLES.globalReader}'&$expand=policy($expand=rules)`,
      await c.appToken(),
    );
    expect(res.status).toBe(200);
    const approval = res.body.value[0].policy.rules.find((r: any) => r.id === 'Approval_EndUser_Assignment');
    expect(approval.setting).toMatchObject({ isApprovalRequired: false, approvalMode: 'SingleStage' });
  });

  // Source: Graph docs, "Create roleAssignmentScheduleRequests" (rbacapplication-post-roleassignmentschedulerequests.md,
  // v1.0): the request sends `"type": "AfterDuration"` and the response carries `"action": "selfActivate"` and
  // `"type": "afterDuration"` — Graph serialises enum members in camelCase (msgraph-metadata v1.0 CSDL enum
  // `unifiedRoleScheduleRequestActions`). The tutorial's "SelfActivate" response is hand-written (it also
  // prints 200 for a 201, REFERENCE §13).
  it.each(['SelfActivate', 'SELFACTIVATE', 'selfactivate'])(
    'action comes back camelCase when sent as %s',
    async (sent) => {
      const token = await c.userToken(users.alex.userPrincipalName);
      const res = await c.graph(
        'POST',
        `${RD}/roleAssignmentScheduleRequests`,
        token,
        selfActivate(users.alex.id, ROLES.globalReader, {
          action: sent,
          scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'PT1H' } },
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body.action).toBe('selfActivate');
      expect(res.body.scheduleInfo.expiration.type).toBe('afterDuration');
      const read = await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${res.body.id}`, token);
      expect(read.body.action).toBe('selfActivate');
    },
  );

  // Source: Entra docs, "Assign eligibility for a group in Privileged Identity Management"
  // (entra-docs groups-assign-member-owner.md): an assignment "Can't be assigned for a duration of less than
  // five minutes". The refusal reuses PIM's observed ActiveDurationTooShort body (REFERENCE §7.2).
  it.each([
    ['afterDuration PT4M', { type: 'afterDuration', duration: 'PT4M' }, 400],
    ['afterDuration PT4M59S', { type: 'afterDuration', duration: 'PT4M59S' }, 400],
    ['afterDuration PT5M', { type: 'afterDuration', duration: 'PT5M' }, 201],
  ])('an admin active assignment of %s → HTTP %s', async (_name, expiration, expected) => {
    const chris = await c.userToken(users.chris.userPrincipalName);
    const res = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, chris, {
      action: 'adminAssign',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.groupsAdministrator,
      directoryScopeId: '/',
      justification: 'Short cover for the on-call engineer',
      scheduleInfo: { expiration },
    });
    expect(res.status).toBe(expected);
    if (expected === 400) expect(res.body.error.code).toBe('ActiveDurationTooShort');
  });

  it('an admin eligibility ending two minutes after it starts (afterDateTime) is refused too', async () => {
    const chris = await c.userToken(users.chris.userPrincipalName);
    const now = new Date((await c.control('GET', '/clock')).body.now as string);
    const res = await c.graph('POST', `${RD}/roleEligibilityScheduleRequests`, chris, {
      action: 'adminAssign',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.groupsAdministrator,
      directoryScopeId: '/',
      justification: 'Too short',
      scheduleInfo: {
        startDateTime: now.toISOString(),
        expiration: { type: 'afterDateTime', endDateTime: new Date(now.getTime() + 120_000).toISOString() },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ActiveDurationTooShort');
  });

  // Source: Graph docs, "Microsoft Graph error responses and resource types" (concepts/errors.md):
  // `"innerError": { "date": "2026-09-09T14:01:18", … }` — no zone designator.
  it('innerError.date has no Z', async () => {
    const res = await c.graph('GET', `${RD}/roleDefinitions/not-a-role`, await c.appToken());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  // Source: Microsoft identity platform docs, "OAuth 2.0 client credentials flow" (v2-oauth2-client-creds-grant-flow,
  // "Error response"): `"error_description": "AADSTS70011: …\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …"`.
  it('AADSTS error_description puts \\r\\n before Trace ID, Correlation ID and Timestamp', async () => {
    const res = await fetch(`${c.sim.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEMO_APP.appId,
        client_secret: 'wrong',
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    const body = (await res.json()) as {
      error_description: string;
      trace_id: string;
      correlation_id: string;
    };
    expect(body.error_description).toMatch(
      /^AADSTS\d+: [^\r\n]+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.error_description).toContain(`Trace ID: ${body.trace_id}\r\n`);
    expect(body.error_description).toContain(`Correlation ID: ${body.correlation_id}\r\n`);
  });
});
