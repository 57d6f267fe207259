/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies from the docs and from HTTP responses */
import { EX } from './example-seed';
import { S, example } from './example-shape';
import { describeExamplesReplay, RD } from './examples-replay-fixture';

/** Role assignment and eligibility requests (selfActivate, adminAssign, adminExtend, adminRemove) and their reads. */
describeExamplesReplay(
  'documented Graph PIM examples replayed: directory role requests',
  'directoryRequests',
  ({ at, c, check, token }) => {
    const ids: Record<string, string> = {};

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

    it('adminRemove of an eligibility → Revoked, targetScheduleId null (documented and tutorial responses)', async () => {
      // The time the replay reached here when it was one file (after the PIM for Groups examples).
      await at('2023-02-08T08:00:00Z');
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
  },
);
