import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type Configuration,
} from '@azure/msal-node';
import { simulatorMsalAuthority } from '../../../src/simulator/identity';
import {
  ALEX,
  APP_ID,
  APP_SECRET,
  REDIRECT_URI,
  TENANT_ID,
  claimsOf,
  startIdentityServer,
  type IdentityHarness,
} from './harness';
import { signIn } from './sign-in';

/** A real msal-node v7 client application, pointed at the simulator by configuration only. */
describe('msal-node against the simulated Entra', () => {
  let h: IdentityHarness;
  let requests: string[];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    h = await startIdentityServer();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    requests = [];
    // Record every URL MSAL fetches (MSAL's HttpClient uses the global fetch): loopback only.
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      requests.push(typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url);
      return realFetch(input, init);
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const config = (tenant = TENANT_ID): Configuration => ({
    auth: {
      clientId: APP_ID,
      clientSecret: APP_SECRET,
      ...simulatorMsalAuthority(h.baseUrl, tenant, TENANT_ID),
    },
  });

  const msalRequestsStayOnLoopback = () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(`${h.baseUrl}/`)).toBe(true);
  };

  it('refuses a plain-http authority (why simulatorMsalAuthority exists)', () => {
    const app = new ConfidentialClientApplication({
      auth: { clientId: APP_ID, clientSecret: APP_SECRET, authority: `${h.baseUrl}/${TENANT_ID}` },
    });
    return expect(
      app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    ).rejects.toMatchObject({
      errorCode: 'authority_uri_insecure',
    });
  });

  it('client credentials: app-only Graph token', async () => {
    const app = new ConfidentialClientApplication(config());
    const result = await app.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(result?.accessToken).toBeDefined();
    const caller = await h.identity.verifier.verifyGraphToken(String(result?.accessToken));
    expect(caller.kind).toBe('app');
    expect(caller.roles).toContain('RoleManagement.Read.Directory');
    msalRequestsStayOnLoopback();
  });

  it('client credentials on the botframework.com tenant (bot → connector)', async () => {
    const app = new ConfidentialClientApplication(config('botframework.com'));
    const result = await app.acquireTokenByClientCredential({
      scopes: ['https://api.botframework.com/.default'],
    });
    expect(claimsOf(String(result?.accessToken)).aud).toBe('https://api.botframework.com');
  });

  it('on-behalf-of: SSO token → Graph token carrying amr and acrs', async () => {
    const app = new ConfidentialClientApplication(config());
    const sso = await h.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: `api://botid-${APP_ID}`,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
    });
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: sso,
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const caller = await h.identity.verifier.verifyGraphToken(String(result?.accessToken));
    expect(caller).toMatchObject({ kind: 'delegated', oid: ALEX.id, amr: ['pwd', 'mfa'], acrs: ['c1'] });
    expect(result?.account?.homeAccountId).toBe(`${ALEX.id}.${TENANT_ID}`);
    msalRequestsStayOnLoopback();
  });

  it('on-behalf-of with claims the assertion lacks: InteractionRequiredAuthError carrying the claims challenge', async () => {
    const app = new ConfidentialClientApplication({
      ...config(),
      auth: { ...config().auth, clientCapabilities: ['cp1'] },
    });
    const sso = await h.identity.issueTokenForTests({ userId: ALEX.id, audience: `api://botid-${APP_ID}` });
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    const attempt = app.acquireTokenOnBehalfOf({
      oboAssertion: sso,
      scopes: ['https://graph.microsoft.com/.default'],
      claims,
    });
    await expect(attempt).rejects.toBeInstanceOf(InteractionRequiredAuthError);
    await expect(attempt).rejects.toMatchObject({
      errorCode: 'interaction_required',
      subError: 'basic_action',
    });
    const err = (await attempt.catch((e: unknown) => e)) as InteractionRequiredAuthError;
    expect(JSON.parse(err.claims)).toEqual({ access_token: { acrs: { essential: true, value: 'c1' } } });
  });

  it('authorization code with claims (step-up): sign-in + MFA page, then acquireTokenByCode', async () => {
    const app = new ConfidentialClientApplication({
      ...config(),
      auth: { ...config().auth, clientCapabilities: ['cp1'] },
    });
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    const scopes = ['https://graph.microsoft.com/RoleAssignmentSchedule.ReadWrite.Directory'];
    const authUrl = await app.getAuthCodeUrl({
      scopes,
      redirectUri: REDIRECT_URI,
      claims,
      state: 'resume-activation-1',
      loginHint: ALEX.upn,
    });
    expect(authUrl.startsWith(`${h.baseUrl}/${TENANT_ID}/oauth2/v2.0/authorize?`)).toBe(true);
    const done = await signIn(h.baseUrl, authUrl, ALEX.upn, ALEX.password);
    expect(done.status).toBe(302);
    const back = new URL(String(done.location));
    expect(back.searchParams.get('state')).toBe('resume-activation-1');
    const result = await app.acquireTokenByCode({
      code: String(back.searchParams.get('code')),
      scopes,
      redirectUri: REDIRECT_URI,
      claims,
    });
    const caller = await h.identity.verifier.verifyGraphToken(result.accessToken);
    expect(caller).toMatchObject({
      kind: 'delegated',
      oid: ALEX.id,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
      scopes: ['RoleAssignmentSchedule.ReadWrite.Directory'],
    });
    expect(result.account?.username).toBe(ALEX.upn);
    expect(result.idTokenClaims).toMatchObject({ oid: ALEX.id, tid: TENANT_ID });
    msalRequestsStayOnLoopback();
  });

  it('authorization code with PKCE through a public client, then a silent refresh', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: APP_ID, ...simulatorMsalAuthority(h.baseUrl, TENANT_ID) },
    });
    const { verifier, challenge } = await new (
      await import('@azure/msal-node')
    ).CryptoProvider().generatePkceCodes();
    const scopes = ['User.Read'];
    const authUrl = await pca.getAuthCodeUrl({
      scopes,
      redirectUri: REDIRECT_URI,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
    });
    const done = await signIn(h.baseUrl, authUrl, ALEX.upn, ALEX.password);
    const code = String(new URL(String(done.location)).searchParams.get('code'));
    const first = await pca.acquireTokenByCode({
      code,
      scopes,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    expect(claimsOf(first.accessToken)).toMatchObject({ oid: ALEX.id, amr: ['pwd'] });
    const account = first.account;
    expect(account).toBeTruthy();
    const refreshed = await pca.acquireTokenSilent({ account: account!, scopes, forceRefresh: true });
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(claimsOf(refreshed.accessToken)).toMatchObject({ oid: ALEX.id, scp: 'User.Read' });
  });

  it('resource-owner password (ROPC) via PublicClientApplication: amr never has mfa', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: APP_ID, ...simulatorMsalAuthority(h.baseUrl, TENANT_ID) },
    });
    const result = await pca.acquireTokenByUsernamePassword({
      username: ALEX.upn,
      password: ALEX.password,
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(result).not.toBeNull();
    expect(claimsOf(String(result?.accessToken))).toMatchObject({ oid: ALEX.id, amr: ['pwd'] });
    await expect(
      pca.acquireTokenByUsernamePassword({
        username: ALEX.upn,
        password: 'wrong',
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toMatchObject({ errorCode: 'invalid_grant' });
  });
});
