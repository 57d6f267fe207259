import { RD, ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** Request bodies validated against openapi-subset.json; unknown paths and methods. */
describe('simulator: request bodies are validated against openapi-subset.json', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s));

  let alex: string;
  beforeAll(async () => {
    alex = await c.userToken(users.alex.userPrincipalName);
  });
  const post = (body: unknown) => c.graph('POST', `${RD}/roleAssignmentScheduleRequests`, alex, body);

  it.each([
    [
      'a missing principalId',
      { ...selfActivate(users.alex.id, ROLES.globalReader), principalId: undefined },
      "'principalId' is required",
    ],
    [
      'a number as duration',
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 5 } },
      }),
      "'scheduleInfo.expiration.duration'",
    ],
    [
      'a duration in months',
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P1M' } },
      }),
      "'scheduleInfo.expiration.duration'",
    ],
    ['an unknown action', selfActivate(users.alex.id, ROLES.globalReader, { action: 'fly' }), "'action'"],
    [
      'a string as isValidationOnly',
      selfActivate(users.alex.id, ROLES.globalReader, { isValidationOnly: 'yes' }),
      "'isValidationOnly'",
    ],
    [
      'a bad startDateTime',
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: {
          startDateTime: 'tomorrow',
          expiration: { type: 'afterDuration', duration: 'PT1H' },
        },
      }),
      "'scheduleInfo.startDateTime'",
    ],
    [
      'no scope at all',
      { ...selfActivate(users.alex.id, ROLES.globalReader), directoryScopeId: undefined },
      "'directoryScopeId' or 'appScopeId'",
    ],
  ])('%s → 400 naming the field', async (_name, body, expected) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.message).toContain(expected);
    expect(res.body.error.innerError).toMatchObject({
      date: expect.any(String),
      'request-id': expect.any(String),
    });
  });

  it('malformed JSON and an empty body are 400', async () => {
    const bad = await post('{"action": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('not valid JSON');
    expect((await post('')).status).toBe(400);
  });

  it('an approval decision other than Approve/Deny names reviewResult', async () => {
    const res = await c.graph(
      'PATCH',
      `/beta/roleManagement/directory/roleAssignmentApprovals/x/steps/y`,
      alex,
      { reviewResult: 'Maybe' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'reviewResult'");
  });

  it('unknown paths and methods get the Graph envelope', async () => {
    const unknown = await c.graph('GET', '/v1.0/roleManagement/directory/nothingHere', alex);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("segment 'nothingHere'");
    expect((await c.graph('PATCH', `${RD}/roleDefinitions`, alex, {})).status).toBe(405);
  });
});
