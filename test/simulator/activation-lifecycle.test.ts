import { DateTime } from 'luxon';
import { activationHelpers } from './activation-helpers';
import { RD, ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** REFERENCE §12.2–12.5: a selfActivate from request to instance: now or later, validation only, cancel, selfDeactivate. */
describe('simulator: activation lifecycle', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });
  const { post, alex, policyError, myInstances } = activationHelpers(() => c);

  it('no requirements: 201 Provisioned, an Activated/Direct instance ending at start + duration', async () => {
    const token = await alex();
    const res = await post(token, selfActivate(users.alex.id, ROLES.globalReader, { justification: null }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      targetScheduleId: res.body.id,
      approvalId: null,
      createdBy: { user: { id: users.alex.id } },
    });
    expect(res.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignmentScheduleRequests/$entity',
    );
    expect(res.body.scheduleInfo).toMatchObject({
      recurrence: null,
      expiration: { type: 'afterDuration', duration: 'PT1H' },
    });
    const instance = (await myInstances(token)).find((i) => i.roleDefinitionId === ROLES.globalReader);
    expect(instance).toMatchObject({
      assignmentType: 'Activated',
      memberType: 'Direct',
      principalId: users.alex.id,
    });
    const length = DateTime.fromISO(instance.endDateTime)
      .diff(DateTime.fromISO(instance.startDateTime))
      .as('minutes');
    expect(length).toBe(60);
  });

  it('enum input is case-insensitive; action and expiration type come back camelCase', async () => {
    const res = await post(
      await alex(),
      selfActivate(users.alex.id, ROLES.globalReader, {
        action: 'SELFACTIVATE',
        scheduleInfo: { expiration: { type: 'AFTERDURATION', duration: 'PT30M' } },
      }),
    );
    expect(res.body).toMatchObject({
      status: 'Provisioned',
      action: 'selfActivate',
      scheduleInfo: { expiration: { type: 'afterDuration' } },
    });
  });

  it('future start: Granted with completedDateTime = start, active at start, gone at end', async () => {
    const start = c.sim.clock.now().plus({ hours: 2 }).startOf('second');
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: {
          startDateTime: start.toISO(),
          expiration: { type: 'afterDuration', duration: 'PT1H' },
        },
      }),
    );
    expect(res.body).toMatchObject({
      status: 'Granted',
      completedDateTime: start.toUTC().toISO({ suppressMilliseconds: true }),
    });
    expect(await myInstances(token)).toEqual([]);
    await c.control('POST', '/clock/advance', { by: 'PT2H1M' });
    const later = await c.userToken(users.alex.userPrincipalName);
    expect((await myInstances(later)).map((i) => i.roleDefinitionId)).toEqual([ROLES.globalReader]);
    expect(
      (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${res.body.id}`, later)).body.status,
    ).toBe('Provisioned');
    await c.control('POST', '/clock/advance', { by: 'PT1H' });
    expect(await myInstances(await c.userToken(users.alex.userPrincipalName))).toEqual([]);
  });

  it('isValidationOnly runs every check and persists nothing', async () => {
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, { isValidationOnly: true }),
    );
    expect(res.body).toMatchObject({ status: 'Provisioned', isValidationOnly: true });
    expect(await myInstances(token)).toEqual([]);
    expect((await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${res.body.id}`, token)).status).toBe(
      404,
    );
    const failing = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, { isValidationOnly: true }),
    );
    policyError(failing, 'TicketingRule', 'Ticket information is required');
  });

  it('cancel: Granted → Canceled (204); Provisioned → 400', async () => {
    const token = await alex();
    const start = c.sim.clock.now().plus({ days: 1 }).toISO();
    const granted = await post(
      token,
      selfActivate(users.alex.id, ROLES.globalReader, {
        scheduleInfo: { startDateTime: start, expiration: { type: 'afterDuration', duration: 'PT1H' } },
      }),
    );
    const cancel = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests/${granted.body.id}/cancel`,
      token,
    );
    expect(cancel.status).toBe(204);
    expect(cancel.body).toBeUndefined();
    expect(
      (await c.graph('GET', `${RD}/roleAssignmentScheduleRequests/${granted.body.id}`, token)).body.status,
    ).toBe('Canceled');
    const provisioned = await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const refused = await c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests/${provisioned.body.id}/cancel`,
      token,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Provisioned');
  });

  it('selfDeactivate: ActiveDurationTooShort within 5 minutes, then Revoked, then RoleAssignmentDoesNotExist', async () => {
    const token = await alex();
    await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const deactivate = {
      action: 'selfDeactivate',
      principalId: users.alex.id,
      roleDefinitionId: ROLES.globalReader,
      directoryScopeId: '/',
    };
    const early = await post(token, deactivate);
    expect(early.body.error).toMatchObject({
      code: 'ActiveDurationTooShort',
      message: 'The Active duration is too short. Miniumum Required is 5 minutes.',
    });
    await c.control('POST', '/clock/advance', { by: 'PT5M' });
    const later = await c.userToken(users.alex.userPrincipalName);
    const done = await post(later, deactivate);
    expect(done.body).toMatchObject({ status: 'Revoked' });
    expect(await myInstances(later)).toEqual([]);
    const again = await post(later, deactivate);
    expect(again.body.error).toMatchObject({
      code: 'RoleAssignmentDoesNotExist',
      message: 'The Role assignment does not exist.',
    });
  });
});
