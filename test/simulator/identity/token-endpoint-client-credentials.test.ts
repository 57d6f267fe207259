import { Duration } from 'luxon';
import { APP_ID, APP_SECRET, TENANT_ID, claimsOf, postForm, tokenUrl } from './harness';
import { describeTokenEndpoint, GRAPH_DEFAULT } from './token-endpoint-fixture';

describeTokenEndpoint('client_credentials and request validation', (h) => {
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
});
