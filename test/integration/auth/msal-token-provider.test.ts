import { MsalTokenProvider } from '../../../src/adapters/auth/msal-token-provider';
import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';
import { isDomainError } from '../../../src/domain/errors';
import { capturedLogger, decodeJwt, MemoryTokenCache, signInThroughPages } from './support';
import { startIdentityServer, type IdentityServer } from './identity-server';

const APP_ID = '00000000-0000-0000-0000-0000e1e7a7e0';
const SECRET = 'elevate-demo-secret';
const ALEX = { id: '1c6746ba-c423-483e-9f30-18038d766593', upn: 'alex.morgan@contoso.example' };
const REDIRECT = 'http://127.0.0.1:3978/auth/step-up/callback';
const ACRS_C1 = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';

describe('MsalTokenProvider against the simulator identity endpoints (real msal-node)', () => {
  let sim: IdentityServer;
  let cache: MemoryTokenCache;
  let captured: ReturnType<typeof capturedLogger>;
  let provider: MsalTokenProvider;
  const issued: string[] = [];

  beforeAll(async () => {
    sim = await startIdentityServer();
  });
  afterAll(async () => sim.close());

  beforeEach(async () => {
    cache = new MemoryTokenCache();
    captured = capturedLogger();
    provider = await MsalTokenProvider.create({
      clientId: APP_ID,
      clientSecret: SECRET,
      authority: sim.authority,
      tokenCache: { repository: cache, cipher: new TokenCacheCipher(Buffer.alloc(32, 7)) },
      logger: captured.logger,
    });
  });

  afterEach(() => {
    // No token, SSO assertion or secret in any log line.
    for (const line of captured.lines) {
      expect(line).not.toContain(SECRET);
      for (const token of issued) expect(line).not.toContain(token.split('.')[2]);
    }
  });

  async function ssoToken(userId = ALEX.id, amr?: string[]): Promise<string> {
    const token = await sim.identity.issueTokenForTests({ userId, audience: `api://botid-${APP_ID}`, amr });
    issued.push(token);
    return token;
  }

  it('gets an app-only token by client credentials, cached encrypted in the "app" partition', async () => {
    const before = await sim.tokenRequests();
    const token = await provider.appOnlyToken();
    issued.push(token);
    const claims = decodeJwt(token);
    expect(claims.roles).toEqual(expect.arrayContaining(['RoleManagement.Read.Directory']));
    expect(claims.scp).toBeUndefined();
    expect((await sim.tokenRequests()) - before).toBe(1);

    const stored = cache.rows.get('app');
    expect(stored).toBeDefined();
    expect(stored!.toString('latin1')).not.toContain(token.split('.')[1]);

    // Second call is served from the (store-backed) cache, by a fresh msal application.
    expect(await provider.appOnlyToken()).toBe(token);
    expect((await sim.tokenRequests()) - before).toBe(1);
  });

  it('exchanges the Teams SSO token on-behalf-of the user, per-user partition', async () => {
    const token = await provider.onBehalfOf({ userId: ALEX.id, ssoToken: await ssoToken() });
    issued.push(token);
    const claims = decodeJwt(token);
    expect(claims.oid).toBe(ALEX.id);
    expect(String(claims.scp)).toContain('RoleAssignmentSchedule.ReadWrite.Directory');
    expect(cache.rows.has(`user:${ALEX.id}`)).toBe(true);
  });

  it('refuses an SSO token of another audience with SIGN_IN_REQUIRED', async () => {
    const graphToken = await sim.identity.issueTokenForTests({ userId: ALEX.id });
    issued.push(graphToken);
    await expect(provider.onBehalfOf({ userId: ALEX.id, ssoToken: graphToken })).rejects.toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    });
  });

  it('claims challenge round trip: OBO → STEP_UP_REQUIRED → auth-code sign-in with MFA → token with acrs', async () => {
    const sso = await ssoToken();
    const failure: unknown = await provider
      .onBehalfOf({ userId: ALEX.id, ssoToken: sso, claims: ACRS_C1 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDomainError(failure, 'STEP_UP_REQUIRED')).toBe(true);
    const claims = String((failure as { details: { claims: string } }).details.claims);
    expect(JSON.parse(claims)).toMatchObject({ access_token: { acrs: { value: 'c1' } } });

    const url = new URL(
      await provider.stepUpUrl({
        userId: ALEX.id,
        claims,
        redirectUri: REDIRECT,
        state: 'st-1',
        loginHint: ALEX.upn,
      }),
    );
    expect(url.origin).toBe(sim.baseUrl);
    // msal merges the challenge with the client capability cp1 (xms_cc).
    expect(JSON.parse(url.searchParams.get('claims') ?? '{}')).toMatchObject({
      access_token: { acrs: { essential: true, value: 'c1' }, xms_cc: { values: ['cp1'] } },
    });
    expect(url.searchParams.get('state')).toBe('st-1');

    const code = await signInThroughPages(url, ALEX.upn, 'demo');
    const result = await provider.redeemStepUpCode({ userId: ALEX.id, code, redirectUri: REDIRECT, claims });
    issued.push(result.accessToken);
    const tokenClaims = decodeJwt(result.accessToken);
    expect(result.userId).toBe(ALEX.id);
    expect(tokenClaims.acrs).toEqual(expect.arrayContaining(['c1']));
    expect(tokenClaims.amr).toEqual(expect.arrayContaining(['mfa']));
    expect(tokenClaims.xms_cc).toEqual(['cp1']);
  });

  it('refuses a step-up completed by another account', async () => {
    const url = new URL(
      await provider.stepUpUrl({ userId: ALEX.id, claims: ACRS_C1, redirectUri: REDIRECT, state: 's' }),
    );
    const code = await signInThroughPages(url, 'priya.natarajan@contoso.example', 'demo');
    await expect(
      provider.redeemStepUpCode({ userId: ALEX.id, code, redirectUri: REDIRECT, claims: ACRS_C1 }),
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('maps a wrong client secret to CONFIG_INVALID', async () => {
    const bad = await MsalTokenProvider.create({
      clientId: APP_ID,
      clientSecret: 'not-the-secret',
      authority: sim.authority,
      tokenCache: { repository: new MemoryTokenCache(), cipher: new TokenCacheCipher(Buffer.alloc(32, 1)) },
      logger: captured.logger,
    });
    await expect(bad.appOnlyToken()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    for (const line of captured.lines) expect(line).not.toContain('not-the-secret');
  });
});

/** Drives the simulated sign-in page with plain HTTP: password step, MFA step, redirect with code. */
