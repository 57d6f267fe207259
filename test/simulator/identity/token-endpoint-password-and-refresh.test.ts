import { Duration } from 'luxon';
import { ALEX, APP_ID, APP_SECRET, TENANT_ID, claimsOf, postForm, tokenUrl } from './harness';
import { describeTokenEndpoint, GRAPH_DEFAULT, passwordGrant } from './token-endpoint-fixture';

describeTokenEndpoint('password (ROPC) and refresh_token', (h) => {
  const password = (extra?: Record<string, string>) => passwordGrant(h, extra);

  describe('password (ROPC)', () => {
    it('issues a delegated token with amr pwd only, consented scp, an id token and a refresh token', async () => {
      const res = await password();
      expect(res.status).toBe(200);
      const c = claimsOf(String(res.body.access_token));
      expect(c).toMatchObject({
        oid: ALEX.id,
        sub: ALEX.id,
        tid: TENANT_ID,
        idtyp: 'user',
        amr: ['pwd'],
        acrs: [],
        name: 'Alex Morgan',
        preferred_username: ALEX.upn,
      });
      expect(String(c.scp).split(' ')).toEqual(
        expect.arrayContaining(['User.Read', 'RoleAssignmentSchedule.ReadWrite.Directory']),
      );
      expect(c.roles).toBeUndefined();
      expect(typeof res.body.refresh_token).toBe('string');
      expect(claimsOf(String(res.body.id_token))).toMatchObject({ aud: APP_ID, oid: ALEX.id });
    });

    it('intersects named scopes with the consented ones', async () => {
      const res = await password({ scope: 'User.Read Directory.ReadWrite.All' });
      expect(claimsOf(String(res.body.access_token)).scp).toBe('User.Read');
      expect(res.body.refresh_token).toBeUndefined();
    });

    it('refuses when none of the named scopes is consented (AADSTS65001)', async () => {
      const res = await password({ scope: 'https://graph.microsoft.com/Directory.ReadWrite.All' });
      expect(res.body).toMatchObject({
        error: 'invalid_grant',
        error_codes: [65001],
        suberror: 'consent_required',
      });
    });

    it('accepts a public client (no secret)', async () => {
      const res = await password({ client_secret: '' });
      expect(res.status).toBe(200);
    });

    it('refuses a wrong password (AADSTS50126) and an unknown user (AADSTS50034)', async () => {
      expect((await password({ password: 'wrong' })).body).toMatchObject({
        error: 'invalid_grant',
        error_codes: [50126],
      });
      expect((await password({ username: 'ghost@contoso.example' })).body).toMatchObject({
        error: 'invalid_grant',
        error_codes: [50034],
      });
    });

    it('never yields MFA: a claims demand for acrs or MFA gets interaction_required with the claims challenge', async () => {
      const acrs = await password({
        claims: JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } }),
      });
      expect(acrs.status).toBe(400);
      expect(acrs.body).toMatchObject({
        error: 'interaction_required',
        error_codes: [50076],
        suberror: 'basic_action',
      });
      expect(JSON.parse(String(acrs.body.claims))).toEqual({
        access_token: { acrs: { essential: true, value: 'c1' } },
      });
      const mfa = await password({ claims: JSON.stringify({ access_token: { amr: { values: ['mfa'] } } }) });
      expect(JSON.parse(String(mfa.body.claims))).toEqual({
        access_token: { amr: { essential: true, values: ['mfa'] } },
      });
    });

    it('refuses a claims parameter that is not JSON (AADSTS90100)', async () => {
      const res = await password({ claims: '{not json' });
      expect(res.body).toMatchObject({ error: 'invalid_request', error_codes: [90100] });
    });

    it('refuses user sign-in on the botframework.com tenant', async () => {
      const res = await postForm(tokenUrl(h, 'botframework.com'), {
        grant_type: 'password',
        client_id: APP_ID,
        username: ALEX.upn,
        password: ALEX.password,
        scope: GRAPH_DEFAULT,
      });
      expect(res.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    });
  });

  describe('refresh_token', () => {
    it('redeems a refresh token for a new access token with the same amr', async () => {
      const first = await password();
      const res = await postForm(tokenUrl(h), {
        grant_type: 'refresh_token',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        refresh_token: String(first.body.refresh_token),
        scope: 'https://graph.microsoft.com/User.Read offline_access',
      });
      expect(res.status).toBe(200);
      expect(claimsOf(String(res.body.access_token))).toMatchObject({
        oid: ALEX.id,
        scp: 'User.Read',
        amr: ['pwd'],
      });
      expect(typeof res.body.refresh_token).toBe('string');
    });

    it('refuses an unknown refresh token and one that expired after 90 days (SimClock)', async () => {
      const bad = await postForm(tokenUrl(h), {
        grant_type: 'refresh_token',
        client_id: APP_ID,
        refresh_token: 'nope',
        scope: GRAPH_DEFAULT,
      });
      expect(bad.body).toMatchObject({ error: 'invalid_grant', error_codes: [9002313] });
      const first = await password();
      h.clock.advance(Duration.fromObject({ days: 91 }));
      const old = await postForm(tokenUrl(h), {
        grant_type: 'refresh_token',
        client_id: APP_ID,
        refresh_token: String(first.body.refresh_token),
        scope: GRAPH_DEFAULT,
      });
      expect(old.body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
    });
  });
});
