import { Duration } from 'luxon';
import { isDomainError } from '../../../src/domain/errors';
import { startHarness, withToken, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';
import { decodeJwt } from '../auth/support';

const REDIRECT = 'http://127.0.0.1:3978/auth/step-up/callback';

describe('authentication-context step-up, end to end against the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });

  it('ACRS failure → claims → OBO interaction required → auth code with claims → activation succeeds with acrs', async () => {
    const alex = await h.user(T.alex);
    const target = {
      kind: 'directoryRole' as const,
      roleId: T.roles.privilegedRoleAdmin,
      directoryScopeId: '/',
    };
    const input = {
      ...target,
      duration: Duration.fromObject({ hours: 1 }),
      justification: 'break glass drill',
    };

    const failure: unknown = await h.gateway.activate(alex, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDomainError(failure, 'STEP_UP_REQUIRED')).toBe(true);
    const claims = String((failure as { details: { claims: string } }).details.claims);
    expect(JSON.parse(claims)).toMatchObject({ access_token: { acrs: { value: 'c1' } } });

    // On-behalf-of cannot add the claim: Entra asks for interaction.
    const sso = await h.sim.identity.issueTokenForTests({
      userId: T.alex,
      audience: `api://botid-${T.appId}`,
    });
    h.secrets.push(sso);
    await expect(h.tokens.onBehalfOf({ userId: T.alex, ssoToken: sso, claims })).rejects.toMatchObject({
      code: 'STEP_UP_REQUIRED',
    });

    const url = await h.tokens.stepUpUrl({
      userId: T.alex,
      claims,
      redirectUri: REDIRECT,
      state: 'resume-1',
    });
    const code = await signIn(new URL(url), 'alex.morgan@contoso.example', 'demo');
    const stepped = await h.tokens.redeemStepUpCode({ userId: T.alex, code, redirectUri: REDIRECT, claims });
    h.secrets.push(stepped.accessToken);
    expect(decodeJwt(stepped.accessToken).acrs).toEqual(expect.arrayContaining(['c1']));

    const request = await h.gateway.activate(withToken(T.alex, stepped.accessToken), input);
    expect(request.status).toBe('Provisioned');
  });
});

async function signIn(authorizeUrl: URL, username: string, password: string): Promise<string> {
  let html = await (await fetch(authorizeUrl)).text();
  const post = (fields: Record<string, string>) => {
    const action = /<form[^>]*\saction="([^"]*)"/.exec(html)![1].replace(/&amp;/g, '&');
    return fetch(new URL(action, authorizeUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  };
  const txn = () => /name="txn" value="([^"]*)"/.exec(html)![1];
  let response = await post({ txn: txn(), step: 'password', username, password });
  if (response.status === 200) {
    html = await response.text();
    const otc = /<span id="mfa-code">(\d+)<\/span>/.exec(html)![1];
    response = await post({ txn: txn(), step: 'mfa', otc });
  }
  return new URL(response.headers.get('location')!).searchParams.get('code')!;
}
