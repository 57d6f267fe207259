/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from the docs and from HTTP responses */
import { EX } from './example-seed';
import { BETA, S, example } from './example-shape';
import { describeExamplesReplay, PG, RD } from './examples-replay-fixture';
import { users } from './sim-test-client';

/** Approver flows: Entra roles (v1.0 filterByCurrentUser, beta approvals and steps) and PIM for Groups (v1.0 stages). */
describeExamplesReplay(
  'documented Graph PIM examples replayed: approvals',
  'approvals',
  ({ at, c, check, cover, token }) => {
    it('approver flow for Entra roles: filterByCurrentUser(on=approver), beta approval and steps, PATCH decision', async () => {
      // The time the replay reached here when it was one file.
      await at('2022-04-14T01:00:00Z');
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
      cover('patch-roleassignmentapprovals-step-beta.request.json');
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
      cover('patch-approvalstage-decision.request.json');
      res = await c.graph(
        'PATCH',
        `/v1.0${PG}/assignmentApprovals/${owner.body.id}/stages/${res.body.stages[0].id}`,
        await token('chris'),
        example('patch-approvalstage-decision.request.json'),
      );
      expect(res.status).toBe(204);
    });
  },
);
