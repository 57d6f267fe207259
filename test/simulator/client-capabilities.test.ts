import { DEMO_APP, RD, ROLES, SimTestClient, selfActivate, users, useSimTestClient } from './sim-test-client';

const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * F16 point 2: client capabilities. Sources: Entra docs, "Claims challenges, claims requests and client
 * capabilities" (learn.microsoft.com/entra/identity-platform/claims-challenge): "Your application receives
 * claims challenges from popular services like Microsoft Graph only if it declares its client
 * capabilities", sent as `{"access_token":{"xms_cc":{"values":["cp1"]}}}` in `claims` and issued as the
 * `xms_cc` claim; microsoftgraph/msgraph-sdk-powershell#2800: a token that carries `acrs` c1 from a client
 * without the capability still gets RoleAssignmentRequestAcrsValidationFailed.
 */
describe('simulator: client capability cp1 (xms_cc) and authentication-context activations', () => {
  let c: SimTestClient;
  const password = async (claims?: string) => {
    const res = await fetch(`${c.sim.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: DEMO_APP.appId,
        client_secret: DEMO_APP.clientSecret,
        username: users.alex.userPrincipalName,
        password: 'demo',
        scope: 'https://graph.microsoft.com/.default',
        ...(claims ? { claims } : {}),
      }).toString(),
    });
    return decode(((await res.json()) as { access_token: string }).access_token);
  };
  const activatePra = (token: string) =>
    c.graph(
      'POST',
      `${RD}/roleAssignmentScheduleRequests`,
      token,
      selfActivate(users.riley.id, ROLES.privilegedRoleAdministrator),
    );

  useSimTestClient((s) => ({ c } = s), { resetEach: true });

  it('issues xms_cc only when the token request declares cp1 in claims', async () => {
    expect((await password()).xms_cc).toBeUndefined();
    expect((await password('{"access_token":{"xms_cc":{"values":["cp1"]}}}')).xms_cc).toEqual(['cp1']);
    // Merged with a claims challenge, as msal sends it after a step-up.
    const both = '{"access_token":{"acrs":{"essential":true,"value":"c1"},"xms_cc":{"values":["cp1"]}}}';
    const res = await fetch(`${c.sim.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: DEMO_APP.appId,
        client_secret: DEMO_APP.clientSecret,
        username: users.alex.userPrincipalName,
        password: 'demo',
        scope: 'https://graph.microsoft.com/.default',
        claims: both,
      }).toString(),
    });
    // ROPC cannot satisfy acrs: the challenge comes back, the capability does not change that.
    expect(((await res.json()) as { error: string }).error).toBe('interaction_required');
  });

  it('refuses an auth-context activation from a token without cp1, even with acrs c1', async () => {
    const capable = await c.stepUpToken(users.riley.id, { acrs: ['c1'] });
    expect(decode(capable).xms_cc).toEqual(['cp1']); // the helper's default: a capable client
    const incapable = await c.sim.identity.issueTokenForTests({
      userId: users.riley.id,
      acrs: ['c1'],
      clientCapabilities: [],
    });
    const refused = await activatePra(incapable);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('RoleAssignmentRequestAcrsValidationFailed');
    expect(JSON.stringify(refused.body)).toContain('claims=');

    const accepted = await activatePra(capable);
    expect(accepted.status).toBe(201);
    expect(accepted.body.status).toBe('Provisioned');
  });

  it('a capable token without acrs still gets the claims challenge', async () => {
    const token = await c.sim.identity.issueTokenForTests({ userId: users.riley.id });
    const res = await activatePra(token);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('RoleAssignmentRequestAcrsValidationFailed');
  });
});
