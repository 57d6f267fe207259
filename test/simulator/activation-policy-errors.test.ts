import { activationHelpers } from './activation-helpers';
import { ROLES, SimTestClient, selfActivate, useSimTestClient, users } from './sim-test-client';

/** REFERENCE §12.2–12.5: the PIM error codes and policy rules an activation meets, over HTTP with real tokens. */
describe('simulator: activation errors and policy rules', () => {
  let c: SimTestClient;
  useSimTestClient((s) => ({ c } = s), { resetEach: true });
  const { post, alex, policyError } = activationHelpers(() => c);

  it('RoleAssignmentExists when already active', async () => {
    const token = await alex();
    await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    const res = await post(token, selfActivate(users.alex.id, ROLES.globalReader));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'RoleAssignmentExists',
      message: 'The Role assignment already exists.',
    });
  });

  it('PendingRoleAssignmentRequest when a request awaits approval', async () => {
    const token = await c.userToken(users.jordan.userPrincipalName);
    const first = await post(token, selfActivate(users.jordan.id, ROLES.userAdministrator));
    expect(first.body).toMatchObject({ status: 'PendingApproval', approvalId: first.body.id });
    const second = await post(token, selfActivate(users.jordan.id, ROLES.userAdministrator));
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe('PendingRoleAssignmentRequest');
  });

  it('EligibilityRule when the user is not eligible', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, ROLES.securityAdministrator));
    policyError(
      res,
      'EligibilityRule',
      'The principal does not have a valid eligibility to activate this role at this scope',
    );
  });

  it('ExpirationRule: longer than the policy maximum (PT1H) and permanent', async () => {
    const token = await alex();
    const long = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H30M' } },
      }),
    );
    policyError(
      long,
      'ExpirationRule',
      'The duration in the request is greater than maximum allowed duration',
    );
    const permanent = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'noExpiration' } },
      }),
    );
    policyError(permanent, 'ExpirationRule', 'The policy does not allow permanent assignment');
    const ok = await post(
      token,
      selfActivate(users.alex.id, ROLES.applicationAdministrator, {
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
      }),
    );
    expect(ok.body.status).toBe('Provisioned');
  });

  it('JustificationRule and TicketingRule (both reported together)', async () => {
    const token = await alex();
    const res = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, { justification: '  ' }),
    );
    expect(res.body.error.message).toBe(
      'The following policy rules failed: JustificationRule - Justification is required, TicketingRule - Ticket information is required',
    );
    const ticketOnly = await post(token, selfActivate(users.alex.id, ROLES.exchangeAdministrator));
    policyError(ticketOnly, 'TicketingRule', 'Ticket information is required');
    const ok = await post(
      token,
      selfActivate(users.alex.id, ROLES.exchangeAdministrator, {
        ticketInfo: { ticketNumber: 'CHG-42', ticketSystem: 'ServiceNow' },
      }),
    );
    expect(ok.body).toMatchObject({
      status: 'Provisioned',
      ticketInfo: { ticketNumber: 'CHG-42', ticketSystem: 'ServiceNow' },
    });
  });

  it('MfaRule with a password-grant token (amr pwd); accepted once amr has mfa', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, ROLES.globalAdministrator));
    policyError(res, 'MfaRule', 'Multi-factor authentication is required');
    const mfa = await c.stepUpToken(users.alex.id, { amr: ['pwd', 'mfa'] });
    expect((await post(mfa, selfActivate(users.alex.id, ROLES.globalAdministrator))).body.status).toBe(
      'Provisioned',
    );
  });

  it('authentication context c1: claims challenge in the body (wrapped, then plain); accepted with acrs c1', async () => {
    const token = await c.userToken(users.riley.userPrincipalName);
    const body = selfActivate(users.riley.id, ROLES.privilegedRoleAdministrator);
    const wrapped = await post(token, body);
    expect(wrapped.status).toBe(400);
    expect(wrapped.headers.get('www-authenticate')).toBeNull();
    expect(wrapped.body.error.code).toBe('UnknownError');
    const inner = JSON.parse(wrapped.body.error.message);
    expect(inner.errorCode).toBe('RoleAssignmentRequestAcrsValidationFailed');
    expect(JSON.parse(decodeURIComponent(inner.message.split('&claims=')[1]))).toEqual({
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
    await c.control('PATCH', '/settings', { acrsErrorStyle: 'plain' });
    const plain = await post(token, body);
    expect(plain.body.error.code).toBe('RoleAssignmentRequestAcrsValidationFailed');
    expect(plain.body.error.message).toContain('&claims=');
    const stepped = await c.stepUpToken(users.riley.id, { acrs: ['c1'] });
    expect((await post(stepped, body)).body.status).toBe('Provisioned');
  });

  it('RoleDefinitionDoesNotExist for an unknown role', async () => {
    const res = await post(await alex(), selfActivate(users.alex.id, '11111111-2222-3333-4444-555555555555'));
    expect(res.body.error.code).toBe('RoleDefinitionDoesNotExist');
  });
});
