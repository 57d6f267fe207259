import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  APP_ID,
  APP_SECRET,
  TENANT_ID,
  postForm,
  startIdentityServer,
  tokenUrl,
  type IdentityHarness,
} from './harness';

describe('simulated Entra OpenID metadata and keys', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityServer();
  });
  afterAll(() => h.close());

  it.each([TENANT_ID, 'contoso.example', 'organizations', 'common'])(
    'serves the OpenID configuration for tenant %s',
    async (tenant) => {
      const res = await fetch(`${h.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Record<string, string>;
      expect(doc.issuer).toBe(`${h.baseUrl}/${TENANT_ID}/v2.0`);
      expect(doc.token_endpoint).toBe(`${h.baseUrl}/${tenant}/oauth2/v2.0/token`);
      expect(doc.authorization_endpoint).toBe(`${h.baseUrl}/${tenant}/oauth2/v2.0/authorize`);
      expect(doc.jwks_uri).toBe(`${h.baseUrl}/${tenant}/discovery/v2.0/keys`);
    },
  );

  it('refuses an unknown tenant with AADSTS90002 in Entra error shape', async () => {
    const res = await fetch(`${h.baseUrl}/nowhere.example/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    expect(body.error_description).toMatch(/^AADSTS90002: Tenant 'nowhere.example' not found/);
    for (const field of ['timestamp', 'trace_id', 'correlation_id'])
      expect(typeof body[field]).toBe('string');
  });

  it('publishes an RS256 JWK whose kid signs the issued tokens, and the key verifies them', async () => {
    const keys = (await (await fetch(`${h.baseUrl}/${TENANT_ID}/discovery/v2.0/keys`)).json()) as {
      keys: JsonWebKey[];
    };
    expect(keys.keys).toHaveLength(1);
    const [jwk] = keys.keys as (JsonWebKey & { kid: string; use: string })[];
    expect(jwk).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    const { body } = await postForm(tokenUrl(h), {
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      scope: 'https://graph.microsoft.com/.default',
    });
    const token = String(body.access_token);
    expect(jwt.decode(token, { complete: true })?.header.kid).toBe(jwk.kid);
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const verified = jwt.verify(token, publicKey, { algorithms: ['RS256'], clockTolerance: 5 }) as Record<
      string,
      unknown
    >;
    expect(verified.iss).toBe(`${h.baseUrl}/${TENANT_ID}/v2.0`);
  });

  it('answers MSAL instance discovery with its own host as the alias', async () => {
    const res = await fetch(`${h.baseUrl}/common/discovery/instance?api-version=1.1`);
    const body = (await res.json()) as { metadata: { preferred_network: string }[] };
    expect(body.metadata[0].preferred_network).toBe(new URL(h.baseUrl).host);
  });
});
