import { MsalTokenProvider } from '../../../src/adapters/auth/msal-token-provider';
import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { Duration } from 'luxon';
import { capturedLogger, decodeJwt, MemoryTokenCache, signInThroughPages } from './support';

const APP_ID = '00000000-0000-0000-0000-0000e1e7a7e0';
const ALEX = { id: '1c6746ba-c423-483e-9f30-18038d766593', upn: 'alex.morgan@contoso.example' };
const REDIRECT = 'http://127.0.0.1:3978/auth/step-up/callback';
const ACRS_C1 = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';

/**
 * F16 point 2, bot side: every token path of Elevate declares the client capability cp1, so the
 * simulator (like Entra) issues `xms_cc` and PIM accepts authentication-context activations. Sources:
 * Entra docs, "Claims challenges, claims requests and client capabilities" (claims-challenge; MSAL sends
 * `xms_cc` in `claims`); microsoftgraph/msgraph-sdk-powershell#2800 (no capability → PIM keeps refusing).
 * The simulator issues `xms_cc` only from what the token request declared, so a missing cp1 shows here.
 */
describe('MsalTokenProvider declares cp1 on every token path', () => {
  let sim: RunningSimulator;
  let provider: MsalTokenProvider;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    provider = await MsalTokenProvider.create({
      clientId: APP_ID,
      clientSecret: 'elevate-demo-secret',
      authority: sim.authority,
      tokenCache: { repository: new MemoryTokenCache(), cipher: new TokenCacheCipher(Buffer.alloc(32, 3)) },
      logger: capturedLogger().logger,
      clock: sim.clock,
    });
  });
  afterAll(async () => sim.close());

  // The Teams SSO token itself is not what PIM sees; it carries no capability here on purpose.
  const ssoToken = () =>
    sim.identity.issueTokenForTests({
      userId: ALEX.id,
      audience: `api://botid-${APP_ID}`,
      clientCapabilities: [],
    });

  it('on-behalf-of, and the re-acquisition once the cached token has expired (refresh)', async () => {
    const first = decodeJwt(await provider.onBehalfOf({ userId: ALEX.id, ssoToken: await ssoToken() }));
    expect(first.xms_cc).toEqual(['cp1']);
    sim.clock.advance(Duration.fromObject({ hours: 2 }));
    const renewed = decodeJwt(await provider.onBehalfOf({ userId: ALEX.id, ssoToken: await ssoToken() }));
    expect(renewed.uti).not.toBe(first.uti);
    expect(renewed.xms_cc).toEqual(['cp1']);
  });

  it('step-up: the sign-in URL and the code redemption (callback) both declare cp1', async () => {
    const url = new URL(
      await provider.stepUpUrl({ userId: ALEX.id, claims: ACRS_C1, redirectUri: REDIRECT, state: 'cc' }),
    );
    expect(JSON.parse(url.searchParams.get('claims') ?? '{}')).toMatchObject({
      access_token: { acrs: { value: 'c1' }, xms_cc: { values: ['cp1'] } },
    });
    const code = await signInThroughPages(url, ALEX.upn, 'demo');
    const result = await provider.redeemStepUpCode({
      userId: ALEX.id,
      code,
      redirectUri: REDIRECT,
      claims: ACRS_C1,
    });
    const claims = decodeJwt(result.accessToken);
    expect(claims.acrs).toEqual(['c1']);
    expect(claims.xms_cc).toEqual(['cp1']);
  });
});
