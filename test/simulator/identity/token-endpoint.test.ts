import { Duration } from 'luxon';
import {
  ALEX,
  APP_ID,
  APP_SECRET,
  TENANT_ID,
  claimsOf,
  postForm,
  startIdentityServer,
  tokenUrl,
  type IdentityHarness,
} from './harness';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

describe.each([
  ['with restify body parsers', true],
  ['with unparsed bodies', false],
])('simulated Entra token endpoint (%s)', (_label, parsers) => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityServer({ parsers });
  });
  afterAll(() => h.close());
  afterEach(() => h.clock.reset());

  const password = (extra: Record<string, string> = {}) =>
    postForm(tokenUrl(h), {
      grant_type: 'password',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      username: ALEX.upn,
      password: ALEX.password,
      scope: 'https://graph.microsoft.com/.default openid offline_access',
      ...extra,
    });

  describe('client_credentials', () => {
    it('issues an app-only Graph token with roles, idtyp app, the service principal oid and no scp', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: GRAPH_DEFAULT,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      const c = claimsOf(String(res.body.access_token));
      expect(c).toMatchObject({
        aud: 'https://graph.microsoft.com',
        tid: TENANT_ID,
        idtyp: 'app',
        azp: APP_ID,
        appid: APP_ID,
      });
      expect(c.roles).toEqual(expect.arrayContaining(['RoleManagement.Read.Directory', 'User.Read.All']));
      expect(c.scp).toBeUndefined();
      expect(c.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(c.iss).toBe(`${h.baseUrl}/${TENANT_ID}/v2.0`);
      expect(Number(c.exp) - Number(c.iat)).toBe(3600);
    });

    it('takes iat/nbf/exp from the SimClock', async () => {
      h.clock.advance(Duration.fromObject({ days: 3 }));
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: GRAPH_DEFAULT,
      });
      const c = claimsOf(String(res.body.access_token));
      expect(Math.abs(Number(c.iat) - h.clock.now().toSeconds())).toBeLessThan(5);
      expect(Number(c.iat) - Date.now() / 1000).toBeGreaterThan(3 * 86400 - 10);
      expect(c.nbf).toBe(c.iat);
    });

    it('accepts HTTP Basic client authentication', async () => {
      const basic = Buffer.from(`${APP_ID}:${APP_SECRET}`).toString('base64');
      const res = await postForm(
        tokenUrl(h),
        { grant_type: 'client_credentials', scope: GRAPH_DEFAULT },
        { Authorization: `Basic ${basic}` },
      );
      expect(res.status).toBe(200);
    });

    it('issues the bot → connector token on the botframework.com tenant, with no roles', async () => {
      const res = await postForm(tokenUrl(h, 'botframework.com'), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: 'https://api.botframework.com/.default',
      });
      expect(res.status).toBe(200);
      const c = claimsOf(String(res.body.access_token));
      expect(c).toMatchObject({
        aud: 'https://api.botframework.com',
        tid: 'd6d49420-f39b-4df7-a1dc-d59a935871db',
        roles: [],
      });
    });

    it('refuses a wrong secret with 401 invalid_client AADSTS7000215', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: 'nope',
        scope: GRAPH_DEFAULT,
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    });

    it('refuses a missing secret with AADSTS7000218', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        scope: GRAPH_DEFAULT,
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
    });

    it('refuses an unknown client with AADSTS700016 naming it', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: '11111111-1111-1111-1111-111111111111',
        client_secret: 'x',
        scope: GRAPH_DEFAULT,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
      expect(res.body.error_description).toContain("'11111111-1111-1111-1111-111111111111'");
    });

    it('refuses a scope without /.default with AADSTS1002012', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: 'https://graph.microsoft.com/User.Read.All',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    });

    it('refuses scopes of two resources with AADSTS28000', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: `${GRAPH_DEFAULT} https://api.botframework.com/.default`,
      });
      expect(res.body).toMatchObject({ error: 'invalid_scope', error_codes: [28000] });
    });

    it('refuses an unknown resource with AADSTS500011', async () => {
      const res = await postForm(tokenUrl(h), {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: APP_SECRET,
        scope: 'https://vault.azure.net/.default',
      });
      expect(res.body).toMatchObject({ error: 'invalid_scope', error_codes: [500011] });
    });
  });

  describe('request validation', () => {
    it('names a missing grant_type (AADSTS900144)', async () => {
      const res = await postForm(tokenUrl(h), { client_id: APP_ID });
      expect(res.status).toBe(400);
      expect(res.body.error_description).toMatch(/^AADSTS900144: .*'grant_type'/);
    });

    it('refuses an unsupported grant type (AADSTS70003) and lists the supported ones', async () => {
      const res = await postForm(tokenUrl(h), { grant_type: 'device_code', client_id: APP_ID });
      expect(res.body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
      expect(res.body.error_description).toContain('client_credentials');
    });

    it('echoes client-request-id as correlation_id', async () => {
      const res = await postForm(tokenUrl(h), { client_id: APP_ID }, { 'client-request-id': 'corr-123' });
      expect(res.body.correlation_id).toBe('corr-123');
    });
  });

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

  describe('on-behalf-of (jwt-bearer)', () => {
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
});
