import { EX } from './example-seed';
import { S, example } from './example-shape';
import { describeExamplesReplay, PG, RD } from './examples-replay-fixture';
import { users } from './sim-test-client';

/** The documented and observed error responses: same code and envelope as documented. */
describeExamplesReplay(
  'documented Graph PIM examples replayed: errors',
  'errors',
  ({ at, c, check, token }) => {
    it('error examples: same code and envelope as documented', async () => {
      const ODataError = S('ODataErrors.ODataError');
      // RoleAssignmentExists: the same eligibility (the documented adminAssign) assigned a second time.
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

      const tooLong = await c.graph(
        'POST',
        `${RD}/roleAssignmentScheduleRequests`,
        await token('restricted'),
        {
          ...activate,
          scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT9H' } },
        },
      );
      check(
        tooLong,
        400,
        ODataError,
        'error-policyvalidation-expirationrule-duration.observed.response.json',
      );
      expect(tooLong.body.error.message).toBe(
        example('error-policyvalidation-expirationrule-duration.observed.response.json').error.message,
      );
      await c.control('PATCH', '/settings', { policyErrorFormat: 'legacy-array' });
      const legacy = await c.graph(
        'POST',
        `${RD}/roleAssignmentScheduleRequests`,
        await token('restricted'),
        {
          ...activate,
          scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT9H' } },
        },
      );
      check(legacy, 400, ODataError, 'error-policyvalidation-legacy-array-format.observed.response.json');
      expect(legacy.body.error).toMatchObject(
        example('error-policyvalidation-legacy-array-format.observed.response.json').error,
      );
      await c.control('PATCH', '/settings', { policyErrorFormat: 'rule-text' });

      const permanent = await c.graph(
        'POST',
        `/v1.0${PG}/eligibilityScheduleRequests`,
        await token('chris'),
        {
          accessId: 'member',
          principalId: users.jamie.id,
          groupId: EX.pimGroup,
          action: 'adminAssign',
          justification: 'On-call rota',
          scheduleInfo: { expiration: { type: 'noExpiration' } },
        },
      );
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
  },
);
