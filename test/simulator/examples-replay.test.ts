/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from the docs and from HTTP responses */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EX, exampleSeed } from './example-seed';
import { BETA, EXAMPLES_DIR, S, example, missingFields, schemaErrors } from './example-shape';
import { SimTestClient, users, type GraphResponse } from './sim-test-client';

/**
 * Replays every documented request of ../shared/graph-pim/examples (INDEX.json) against the
 * simulator, over HTTP with real tokens, and checks that each response validates against
 * openapi-subset.json and carries the fields of the documented response.
 */
const RD = '/v1.0/roleManagement/directory';
const PG = '/identityGovernance/privilegedAccess/group';
const covered = new Set<string>();

function check(
  res: GraphResponse,
  status: number,
  schema: string,
  documentedFile: string,
  transform: (doc: any) => any = (d) => d,
): void {
  covered.add(documentedFile);
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  expect(schemaErrors(schema, res.body)).toEqual([]);
  expect(missingFields(res.body, transform(example(documentedFile)))).toEqual([]);
}

describe('documented Graph PIM examples replayed against the simulator', () => {
  let c: SimTestClient;
  const ids: Record<string, string> = {};
  const upn: Record<string, string> = {
    tutorial: 'tutorial@contoso.example',
    admin: 'role@contoso.example',
    restricted: 'conf@contoso.example',
    group: 'group@contoso.example',
    sam: users.sam.userPrincipalName,
    morgan: users.morgan.userPrincipalName,
    chris: users.chris.userPrincipalName,
    casey: users.casey.userPrincipalName,
  };
  /** A fresh token (the clock jumps across years here, and tokens expire against the simulator clock). */
  const token = (who: string): Promise<string> => (who === 'app' ? c.appToken() : c.userToken(upn[who]));
  const at = async (iso: string): Promise<void> => {
    expect((await c.control('POST', '/clock/set', { to: iso })).status).toBe(200);
  };

  beforeAll(async () => {
    c = await SimTestClient.start();
    await at('2021-09-01T00:00:00Z');
    expect((await c.control('POST', '/seed', exampleSeed())).status).toBe(200);
  });
  afterAll(() => c.close());

  it('the schema copy is the shared openapi-subset.json', () => {
    const shared = readFileSync(join(EXAMPLES_DIR, '..', 'openapi-subset.json'), 'utf8');
    const local = readFileSync(join(__dirname, '../../src/simulator/schema/openapi-subset.json'), 'utf8');
    expect(JSON.parse(local)).toEqual(JSON.parse(shared));
  });

  it('selfActivate through a role-assignable group, PascalCase enums, future start (tutorial) → Granted', async () => {
    await at('2021-09-03T21:10:49Z');
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('tutorial'),
      example('post-roleassignmentschedulerequests-selfactivate-tutorial.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleAssignmentScheduleRequest'),
      'post-roleassignmentschedulerequests-selfactivate-tutorial.response.json',
    );
    expect(res.body).toMatchObject({
      status: 'Granted',
      // The tutorial prints "SelfActivate"; Graph answers the enum in camelCase (see real-tenant-shapes.test.ts).
      action: 'selfActivate',
      completedDateTime: '2021-09-04T15:13:00Z',
      scheduleInfo: { expiration: { type: 'afterDuration' } },
    });
  });

  it('adminAssign of an eligibility', async () => {
    await at('2022-04-10T00:00:01Z');
    const res = await c.graph(
      'POST',
      `${RD}/roleEligibilityScheduleRequests`,
      await token('admin'),
      example('post-roleeligibilityschedulerequests-adminassign.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleEligibilityScheduleRequest'),
      'post-roleeligibilityschedulerequests-adminassign.response.json',
    );
    expect(res.body.status).toBe('Provisioned');
  });

  it('adminAssign of an active assignment with NoExpiration', async () => {
    await at('2022-04-11T11:50:03Z');
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('admin'),
      example('post-roleassignmentschedulerequests-adminassign.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleAssignmentScheduleRequest'),
      'post-roleassignmentschedulerequests-adminassign.response.json',
    );
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      targetScheduleId: res.body.id,
      createdBy: { user: { id: EX.adminUser } },
      scheduleInfo: { expiration: { type: 'noExpiration' } },
    });
    ids.adminAssign = res.body.id;
  });

  it('GET a request with $select and $expand', async () => {
    const res = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/${ids.adminAssign}?$select=principalId,action,roleDefinitionId&$expand=roleDefinition,activatedUsing,principal,targetSchedule`,
      await token('admin'),
    );
    check(
      res,
      200,
      S('unifiedRoleAssignmentScheduleRequest'),
      'get-roleassignmentschedulerequest-select-expand.response.json',
    );
    expect(res.body.status).toBeUndefined();
  });

  it('adminExtend of an active assignment', async () => {
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('admin'),
      example('post-roleassignmentschedulerequests-adminextend.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleAssignmentScheduleRequest'),
      'post-roleassignmentschedulerequests-adminextend.response.json',
    );
    expect(res.body.status).toBe('Provisioned');
  });

  it('selfActivate with a future start → Granted, completedDateTime = start', async () => {
    await at('2022-04-13T08:52:32Z');
    const res = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('restricted'),
      example('post-roleassignmentschedulerequests-selfactivate.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleAssignmentScheduleRequest'),
      'post-roleassignmentschedulerequests-selfactivate.response.json',
    );
    expect(res.body).toMatchObject({
      status: 'Granted',
      completedDateTime: '2022-04-14T00:00:00Z',
      approvalId: null,
    });
  });

  it('filterByCurrentUser(on=principal) lists requests, schedules and instances', async () => {
    await at('2022-04-14T01:00:00Z');
    let res = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')`,
      await token('restricted'),
    );
    check(
      res,
      200,
      S('unifiedRoleAssignmentScheduleRequestCollectionResponse'),
      'get-roleassignmentschedulerequests-filterbycurrentuser-principal.response.json',
    );
    expect(res.body.value[0].status).toBe('Provisioned');
    res = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`,
      await token('restricted'),
    );
    check(
      res,
      200,
      S('unifiedRoleAssignmentScheduleInstanceCollectionResponse'),
      'get-roleassignmentscheduleinstances-filterbycurrentuser-principal.response.json',
    );
    expect(res.body.value.map((i: any) => i.assignmentType).sort()).toEqual(['Activated', 'Assigned']);
    res = await c.graph(
      'GET',
      `${RD}/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')`,
      await token('restricted'),
    );
    check(
      res,
      200,
      S('unifiedRoleEligibilityScheduleInstanceCollectionResponse'),
      'get-roleeligibilityscheduleinstances-filterbycurrentuser-principal.response.json',
    );
    res = await c.graph(
      'GET',
      `${RD}/roleEligibilitySchedules/filterByCurrentUser(on='principal')`,
      await token('restricted'),
    );
    check(
      res,
      200,
      S('unifiedRoleEligibilityScheduleCollectionResponse'),
      'get-roleeligibilityschedules-filterbycurrentuser-principal.response.json',
    );
  });

  it('lists assignment instances and role definitions with an app-only token', async () => {
    let res = await c.graph('GET', `${RD}/roleAssignmentScheduleInstances`, await token('app'));
    check(
      res,
      200,
      S('unifiedRoleAssignmentScheduleInstanceCollectionResponse'),
      'get-roleassignmentscheduleinstances.response.json',
    );
    res = await c.graph('GET', `${RD}/roleDefinitions`, await token('app'));
    check(
      res,
      200,
      S('unifiedRoleDefinitionCollectionResponse'),
      'get-roledefinitions-directory.response.json',
    );
  });

  it('lists policy assignments (Directory prefix; DirectoryRole with rules; Group owner with rules)', async () => {
    let res = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'Directory'`,
      await token('app'),
    );
    check(
      res,
      200,
      S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
      'get-rolemanagementpolicyassignments-directory.response.json',
    );
    expect(res.body.value[0].id).toMatch(/^Directory_/);
    res = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'&$expand=policy($expand=rules)`,
      await token('app'),
    );
    check(
      res,
      200,
      S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
      'get-rolemanagementpolicyassignments-directoryrole-expand-policy-rules.response.json',
    );
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0].policy.rules).toHaveLength(17);
    ids.gaPolicy = res.body.value[0].policyId;
    res = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${EX.ownerPolicyGroup}' and scopeType eq 'Group' and roleDefinitionId eq 'owner'&$expand=policy($expand=rules)`,
      await token('app'),
    );
    check(
      res,
      200,
      S('unifiedRoleManagementPolicyAssignmentCollectionResponse'),
      'get-rolemanagementpolicyassignments-group-owner-expand-policy-rules.response.json',
    );
    expect(res.body.value[0].id).toMatch(new RegExp(`^Group_${EX.ownerPolicyGroup}_.*_owner$`));
  });

  it('PATCHes each documented policy rule (204) and the change is visible', async () => {
    for (const [file, ruleId] of [
      [
        'patch-rolemanagementpolicyrule-expiration-enduser-assignment.request.json',
        'Expiration_EndUser_Assignment',
      ],
      [
        'patch-rolemanagementpolicyrule-expiration-admin-eligibility.request.json',
        'Expiration_Admin_Eligibility',
      ],
      [
        'patch-rolemanagementpolicyrule-enablement-enduser-assignment.request.json',
        'Enablement_EndUser_Assignment',
      ],
      [
        'patch-rolemanagementpolicyrule-approval-enduser-assignment.request.json',
        'Approval_EndUser_Assignment',
      ],
    ]) {
      covered.add(file);
      const res = await c.graph(
        'PATCH',
        `/v1.0/policies/roleManagementPolicies/${ids.gaPolicy}/rules/${ruleId}`,
        await token('admin'),
        example(file),
      );
      expect({ file, status: res.status, body: res.body }).toEqual({ file, status: 204, body: undefined });
    }
    const rule = await c.graph(
      'GET',
      `/v1.0/policies/roleManagementPolicies/${ids.gaPolicy}/rules/Expiration_EndUser_Assignment`,
      await token('app'),
    );
    expect(rule.body.maximumDuration).toBe('PT1H45M');
  });

  it('approver flow for Entra roles: filterByCurrentUser(on=approver), beta approval and steps, PATCH decision', async () => {
    const req = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, await token('sam'), {
      action: 'selfActivate',
      principalId: users.sam.id,
      roleDefinitionId: '194ae4cb-b126-40b2-bd5b-6091b380977d',
      directoryScopeId: '/',
      justification: 'Phishing campaign response',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } },
    });
    expect(req.body).toMatchObject({ status: 'PendingApproval', approvalId: req.body.id });
    let res = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'`,
      await token('morgan'),
    );
    check(
      res,
      200,
      S('unifiedRoleAssignmentScheduleRequestCollectionResponse'),
      'get-roleassignmentschedulerequests-filterbycurrentuser-approver-pendingapproval.response.json',
    );
    expect(res.body.value.map((r: any) => r.id)).toEqual([req.body.id]);
    res = await c.graph(
      'GET',
      `/beta/roleManagement/directory/roleAssignmentApprovals/${req.body.id}`,
      await token('morgan'),
    );
    check(res, 200, BETA('approval'), 'get-roleassignmentapprovals-beta.response.json');
    check(res, 200, BETA('approval'), 'get-approval-beta-steps.response.json');
    expect(res.body.steps[0]).toMatchObject({
      status: 'InProgress',
      reviewResult: 'NotReviewed',
      assignedToMe: true,
      justification: '',
      reviewedBy: null,
    });
    const stepId = res.body.steps[0].id;
    res = await c.graph(
      'GET',
      `/beta/roleManagement/directory/roleAssignmentApprovals/${req.body.id}/steps`,
      await token('morgan'),
    );
    check(res, 200, BETA('approvalStepCollectionResponse'), 'get-approval-beta-list-steps.response.json');
    covered.add('patch-roleassignmentapprovals-step-beta.request.json');
    res = await c.graph(
      'PATCH',
      `/beta/roleManagement/directory/roleAssignmentApprovals/${req.body.id}/steps/${stepId}`,
      await token('morgan'),
      example('patch-roleassignmentapprovals-step-beta.request.json'),
    );
    expect(res.status).toBe(204);
    const after = await c.graph(
      'GET',
      `${RD}/roleAssignmentScheduleRequests/${req.body.id}`,
      await token('sam'),
    );
    expect(after.body.status).toBe('Provisioned');
  });

  it('PIM for Groups: selfActivate, approver flows with v1.0 stages and beta filterByCurrentUser', async () => {
    await at('2023-02-08T08:00:00Z');
    let res = await c.graph(
      'POST',
      `/v1.0${PG}/assignmentScheduleRequests`,
      await token('group'),
      example('post-privilegedaccessgroup-assignmentschedulerequests-selfactivate.request.json'),
    );
    check(
      res,
      201,
      S('privilegedAccessGroupAssignmentScheduleRequest'),
      'post-privilegedaccessgroup-assignmentschedulerequests-selfactivate.response.json',
    );
    expect(res.body.targetScheduleId).toBe(`${EX.pimGroup}_member_${res.body.id}`);
    expect(res.body['@odata.context']).toContain('assignmentScheduleRequests/$entity');

    const dbGroup = '62fb171f-d247-4a48-a550-f94ff9780d8a';
    const owner = await c.graph('POST', `/v1.0${PG}/assignmentScheduleRequests`, await token('casey'), {
      accessId: 'owner',
      principalId: users.casey.id,
      groupId: dbGroup,
      action: 'selfActivate',
      scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'PT2H' } },
      justification: 'Rotate credentials',
    });
    expect(owner.body).toMatchObject({ status: 'PendingApproval', approvalId: owner.body.id });
    res = await c.graph(
      'GET',
      `/v1.0${PG}/assignmentScheduleRequests/filterByCurrentUser(on='principal')?$filter=status eq 'PendingApproval' and groupId eq '${dbGroup}'`,
      await token('casey'),
    );
    check(
      res,
      200,
      S('privilegedAccessGroupAssignmentScheduleRequestCollectionResponse'),
      'get-privilegedaccessgroup-assignmentschedulerequests-filterbycurrentuser-principal.response.json',
    );
    expect(res.body.value).toHaveLength(1);
    res = await c.graph(
      'GET',
      `/beta${PG}/assignmentApprovals/filterByCurrentUser(on='approver')`,
      await token('chris'),
    );
    // REFERENCE §13: the beta doc example shows `stages`; beta really names the navigation `steps`.
    check(
      res,
      200,
      BETA('approvalCollectionResponse'),
      'get-assignmentapprovals-filterbycurrentuser-approver-beta-group.response.json',
      (doc) => ({
        value: doc.value.map(({ stages, ...rest }: any) => ({ ...rest, steps: stages })),
      }),
    );
    res = await c.graph('GET', `/v1.0${PG}/assignmentApprovals/${owner.body.id}`, await token('chris'));
    check(res, 200, S('approval'), 'get-approval-v1-stages.response.json');
    covered.add('patch-approvalstage-decision.request.json');
    res = await c.graph(
      'PATCH',
      `/v1.0${PG}/assignmentApprovals/${owner.body.id}/stages/${res.body.stages[0].id}`,
      await token('chris'),
      example('patch-approvalstage-decision.request.json'),
    );
    expect(res.status).toBe(204);
  });

  it('adminRemove of an eligibility → Revoked, targetScheduleId null (documented and tutorial responses)', async () => {
    const res = await c.graph(
      'POST',
      `${RD}/roleEligibilityScheduleRequests`,
      await token('admin'),
      example('post-roleeligibilityschedulerequests-adminremove.request.json'),
    );
    check(
      res,
      201,
      S('unifiedRoleEligibilityScheduleRequest'),
      'post-roleeligibilityschedulerequests-adminremove.response.json',
    );
    check(
      res,
      201,
      S('unifiedRoleEligibilityScheduleRequest'),
      'post-roleeligibilityschedulerequests-adminremove-tutorial.response.json',
    );
    expect(res.body).toMatchObject({ status: 'Revoked', targetScheduleId: null, scheduleInfo: null });
  });

  it('error examples: same code and envelope as documented', async () => {
    const ODataError = S('ODataErrors.ODataError');
    // RoleAssignmentExists: the restricted user's activation is running since 2022-04-14.
    await at('2023-03-01T00:00:00Z');
    const again = await c.graph(
      'POST',
      `${RD}/roleEligibilityScheduleRequests`,
      await token('admin'),
      example('post-roleeligibilityschedulerequests-adminassign.request.json'),
    );
    expect(again.status).toBe(201);
    const exists = await c.graph(
      'POST',
      `${RD}/roleEligibilityScheduleRequests`,
      await token('admin'),
      example('post-roleeligibilityschedulerequests-adminassign.request.json'),
    );
    check(exists, 400, ODataError, 'error-roleassignmentexists.observed.response.json');
    expect(exists.body.error).toMatchObject(
      example('error-roleassignmentexists.observed.response.json').error,
    );

    const deactivate = {
      action: 'selfDeactivate',
      principalId: EX.restrictedUser,
      roleDefinitionId: EX.attributeAssignmentAdministrator,
      directoryScopeId: '/',
    };
    const activate = {
      ...deactivate,
      action: 'selfActivate',
      justification: 'x',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    };
    expect(
      (await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, await token('restricted'), activate))
        .body.status,
    ).toBe('Provisioned');
    const tooShort = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('restricted'),
      deactivate,
    );
    check(tooShort, 400, ODataError, 'error-activedurationtooshort.observed.response.json');
    expect(tooShort.body.error).toMatchObject(
      example('error-activedurationtooshort.observed.response.json').error,
    );
    await c.control('POST', '/clock/advance', { by: 'PT6M' });
    expect(
      (await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, await token('restricted'), deactivate))
        .body.status,
    ).toBe('Revoked');
    const none = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      await token('restricted'),
      deactivate,
    );
    check(none, 400, ODataError, 'error-roleassignmentdoesnotexist.observed.response.json');
    expect(none.body.error).toMatchObject(
      example('error-roleassignmentdoesnotexist.observed.response.json').error,
    );

    const tooLong = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, await token('restricted'), {
      ...activate,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT9H' } },
    });
    check(tooLong, 400, ODataError, 'error-policyvalidation-expirationrule-duration.observed.response.json');
    expect(tooLong.body.error.message).toBe(
      example('error-policyvalidation-expirationrule-duration.observed.response.json').error.message,
    );
    await c.control('PATCH', '/settings', { policyErrorFormat: 'legacy-array' });
    const legacy = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, await token('restricted'), {
      ...activate,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT9H' } },
    });
    check(legacy, 400, ODataError, 'error-policyvalidation-legacy-array-format.observed.response.json');
    expect(legacy.body.error).toMatchObject(
      example('error-policyvalidation-legacy-array-format.observed.response.json').error,
    );
    await c.control('PATCH', '/settings', { policyErrorFormat: 'rule-text' });

    const permanent = await c.graph('POST', `/v1.0${PG}/eligibilityScheduleRequests`, await token('chris'), {
      accessId: 'member',
      principalId: users.jamie.id,
      groupId: EX.pimGroup,
      action: 'adminAssign',
      justification: 'On-call rota',
      scheduleInfo: { expiration: { type: 'noExpiration' } },
    });
    check(
      permanent,
      400,
      ODataError,
      'error-policyvalidation-expirationrule-permanent.observed.response.json',
    );
    expect(permanent.body.error).toMatchObject(
      example('error-policyvalidation-expirationrule-permanent.observed.response.json').error,
    );

    const scopeLimited = await c.userToken(users.alex.userPrincipalName, 'demo', 'User.Read');
    const denied = await c.graph('GET', `${RD}/roleAssignmentScheduleRequests`, scopeLimited);
    check(denied, 403, ODataError, 'error-permissionscopenotgranted-403.observed.response.json');
    expect(JSON.parse(denied.body.error.message)).toMatchObject({
      errorCode: 'PermissionScopeNotGranted',
      instanceAnnotations: [],
    });

    const riley = await c.stepUpToken(users.riley.id);
    const acrs = await c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, riley, {
      action: 'selfActivate',
      principalId: users.riley.id,
      roleDefinitionId: EX.privilegedRoleAdministrator,
      directoryScopeId: '/',
      justification: 'Grant access for audit',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });
    check(acrs, 400, ODataError, 'error-acrs-authcontext-claims-challenge.observed.response.json');
    expect(acrs.body.error).toMatchObject(
      example('error-acrs-authcontext-claims-challenge.observed.response.json').error,
    );

    await c.control('POST', '/faults', {
      path: '/v1.0/roleManagement/*',
      kind: 'throttle',
      retryAfter: '2.128',
      count: 1,
    });
    const throttled = await c.graph('GET', `${RD}/roleDefinitions`, await token('app'));
    check(throttled, 429, ODataError, 'error-429-toomanyrequests.response.json');
    expect(throttled.headers.get('retry-after')).toBe('2.128');

    check(none, 400, ODataError, 'error-envelope-generic.response.json');
    expect(none.body.error.innerError).toEqual({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      'request-id': expect.any(String),
      'client-request-id': expect.any(String),
    });
  });

  it('covers every example listed in INDEX.json', () => {
    const index = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'INDEX.json'), 'utf8')) as {
      examples: { file: string }[];
    };
    const requestFiles = index.examples.map((e) => e.file).filter((f) => f.endsWith('.request.json'));
    const used = new Set([
      ...covered,
      ...requestFiles.filter((f) => covered.has(f.replace('.request.json', '.response.json'))),
    ]);
    expect(index.examples.map((e) => e.file).filter((f) => !used.has(f))).toEqual([]);
  });
});
