import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AppCredentials, MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { simulatorBotFrameworkAuthConfig, simulatorMsalAuthority } from '../../../src/simulator/identity';
import {
  APP_ID,
  APP_SECRET,
  TENANT_ID,
  claimsOf,
  postForm,
  startIdentityServer,
  type IdentityHarness,
} from './harness';

const SERVICE_URL = 'http://127.0.0.1:56150/_connector/';

describe('Bot Framework channel tokens, validated by botframework-connector itself', () => {
  let h: IdentityHarness;
  let auth: ConfigurationBotFrameworkAuthentication;
  let credentials: MsalServiceClientCredentialsFactory;
  let config: Record<string, string>;

  beforeAll(async () => {
    h = await startIdentityServer();
    config = simulatorBotFrameworkAuthConfig(h.baseUrl, APP_ID, TENANT_ID);
    const msal = new ConfidentialClientApplication({
      auth: {
        clientId: APP_ID,
        clientSecret: APP_SECRET,
        ...simulatorMsalAuthority(h.baseUrl, 'botframework.com'),
      },
    });
    // botframework-connector types its own (older) msal-node; the client it calls (acquireTokenByClientCredential) is the same.
    credentials = new MsalServiceClientCredentialsFactory(
      APP_ID,
      msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
    );
    auth = new ConfigurationBotFrameworkAuthentication(config, credentials);
  });
  afterAll(() => h.close());

  const channelToken = async (fields: Record<string, string>): Promise<string> => {
    const res = await postForm(`${h.baseUrl}/botframework/token`, fields);
    expect(res.status).toBe(200);
    return String(res.body.access_token);
  };

  it('serves the connector OpenID metadata and keys endorsed for msteams', async () => {
    const meta = (await (
      await fetch(`${h.baseUrl}/botframework/v1/.well-known/openidconfiguration`)
    ).json()) as Record<string, string>;
    expect(meta.issuer).toBe('https://api.botframework.com');
    const keys = (await (await fetch(meta.jwks_uri)).json()) as {
      keys: { kid: string; endorsements: string[] }[];
    };
    expect(keys.keys[0].endorsements).toEqual(['msteams']);
  });

  it('issues a channel token that ConfigurationBotFrameworkAuthentication accepts for an msteams activity', async () => {
    const token = await channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL });
    expect(claimsOf(token)).toMatchObject({
      iss: 'https://api.botframework.com',
      aud: APP_ID,
      serviceurl: SERVICE_URL,
    });
    const result = await auth.authenticateRequest(
      { channelId: 'msteams', serviceUrl: SERVICE_URL } as never,
      `Bearer ${token}`,
    );
    expect(result.claimsIdentity.isAuthenticated).toBe(true);
    expect(result.claimsIdentity.getClaimValue('aud')).toBe(APP_ID);
    expect(result.callerId).toBe('urn:botframework:azure');
    expect(result.audience).toBe('https://api.botframework.com');
  });

  it('rejects the token for a different serviceUrl, a non-endorsed channel, and a forged one', async () => {
    // botframework-connector logs the key of every token it rejects; keep the test output clean.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = await channelToken({ appId: APP_ID, serviceUrl: SERVICE_URL });
    await expect(
      auth.authenticateRequest(
        { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/other/' } as never,
        `Bearer ${token}`,
      ),
    ).rejects.toThrow(/ServiceUrl claim do not match/);
    await expect(
      auth.authenticateRequest({ channelId: 'webchat', serviceUrl: SERVICE_URL } as never, `Bearer ${token}`),
    ).rejects.toThrow(/Could not validate endorsement/);
    const [head, , sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claimsOf(token), serviceurl: 'http://127.0.0.1:1/x/' }),
    ).toString('base64url');
    await expect(
      auth.authenticateRequest(
        { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/x/' } as never,
        `Bearer ${head}.${forged}.${sig}`,
      ),
    ).rejects.toThrow(/invalid signature/);
    consoleError.mockRestore();
  });

  it('gets the outbound bot → connector token through the same credentials factory', async () => {
    const creds = await credentials.createCredentials(
      APP_ID,
      config.ToChannelFromBotOAuthScope,
      config.ToChannelFromBotLoginUrl,
      false,
    );
    expect(creds).toBeInstanceOf(AppCredentials);
    const token = await (creds as AppCredentials).getToken(true);
    expect(claimsOf(token)).toMatchObject({
      aud: 'https://api.botframework.com',
      appid: APP_ID,
      idtyp: 'app',
    });
  });

  it('explains a missing or unknown appId and a bad serviceUrl', async () => {
    const missing = await postForm(`${h.baseUrl}/botframework/token`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error_description).toMatch(/'appId'/);
    const unknown = await postForm(`${h.baseUrl}/botframework/token`, { appId: 'nope' });
    expect(unknown.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    const badUrl = await postForm(`${h.baseUrl}/botframework/token`, {
      appId: APP_ID,
      serviceUrl: 'not a url',
    });
    expect(badUrl.body.error_description).toMatch(/serviceUrl 'not a url'/);
  });
});
