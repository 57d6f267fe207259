import { Duration } from 'luxon';
import { ALEX, APP_ID, APP_SECRET, claimsOf, postForm, tokenUrl } from './harness';
import { describeTokenEndpoint, GRAPH_DEFAULT } from './token-endpoint-fixture';

describeTokenEndpoint('on-behalf-of (jwt-bearer)', (h) => {
  const obo = (assertion: string, extra: Record<string, string> = {}) =>
    postForm(tokenUrl(h), {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      assertion,
      requested_token_use: 'on_behalf_of',
      scope: GRAPH_DEFAULT,
      ...extra,
    });

  it('exchanges an SSO token for api://botid-{appId} for a Graph token carrying oid, amr and acrs', async () => {
    const sso = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: `api://botid-${APP_ID}`,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
    });
    const res = await obo(sso);
    expect(res.status).toBe(200);
    const c = claimsOf(String(res.body.access_token));
    expect(c).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: ALEX.id,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
      azp: APP_ID,
    });
    expect(String(c.scp)).toContain('RoleAssignmentSchedule.ReadWrite.Directory');
  });

  it('accepts an assertion whose audience is the app id', async () => {
    const sso = await h.identity.issueTokenForTests({ userId: ALEX.id, audience: APP_ID });
    expect((await obo(sso)).status).toBe(200);
  });

  it('answers interaction_required with suberror and claims when the claims demand is not met', async () => {
    const sso = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: `api://botid-${APP_ID}`,
      amr: ['pwd'],
    });
    const demand = JSON.stringify({
      access_token: { acrs: { essential: true, value: 'c1' }, xms_cc: { values: ['cp1'] } },
    });
    const res = await obo(sso, { claims: demand });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'interaction_required',
      suberror: 'basic_action',
      error_codes: [50076],
    });
    expect(JSON.parse(String(res.body.claims))).toEqual({
      access_token: { acrs: { essential: true, value: 'c1' } },
    });
    const mfa = await obo(sso, {
      claims: JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } }),
    });
    expect(mfa.body).toMatchObject({ error: 'interaction_required' });
    const satisfied = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: `api://botid-${APP_ID}`,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
    });
    expect((await obo(satisfied, { claims: demand })).status).toBe(200);
  });

  it('refuses an assertion for another audience (a Graph token) with AADSTS50013', async () => {
    const graphToken = await h.identity.issueTokenForTests({ userId: ALEX.id });
    const res = await obo(graphToken);
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(res.body.error_description).toContain(`api://botid-${APP_ID}`);
  });

  it('refuses an app-only assertion (AADSTS500131)', async () => {
    const appToken = await h.identity.issueTokenForTests({ audience: APP_ID });
    expect((await obo(appToken)).body).toMatchObject({ error: 'invalid_grant', error_codes: [500131] });
  });

  it('refuses an expired assertion (AADSTS500133) judged by the SimClock', async () => {
    const sso = await h.identity.issueTokenForTests({ userId: ALEX.id, audience: APP_ID });
    h.clock.advance(Duration.fromObject({ minutes: 61 }));
    expect((await obo(sso)).body).toMatchObject({ error: 'invalid_grant', error_codes: [500133] });
  });

  it('refuses a tampered assertion and a missing requested_token_use', async () => {
    const sso = await h.identity.issueTokenForTests({ userId: ALEX.id, audience: APP_ID });
    const [head, payload, sig] = sso.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(sso), oid: 'someone-else' })).toString(
      'base64url',
    );
    expect((await obo(`${head}.${forged}.${sig}`)).body).toMatchObject({
      error: 'invalid_grant',
      error_codes: [50013],
    });
    expect(payload).toBeDefined();
    const missing = await obo(sso, { requested_token_use: '' });
    expect(missing.body.error_description).toMatch(/'requested_token_use'/);
  });
});
