import { createHash, randomBytes } from 'node:crypto';
import { Duration } from 'luxon';
import {
  ALEX,
  APP_ID,
  APP_SECRET,
  REDIRECT_URI,
  TENANT_ID,
  claimsOf,
  postForm,
  startIdentityServer,
  tokenUrl,
  type IdentityHarness,
} from './harness';
import { actionOf, errorOf, get, mfaCodeOf, signIn, submit, txnOf } from './sign-in';

describe('simulated Entra sign-in page and authorization code grant', () => {
  let h: IdentityHarness;
  beforeAll(async () => {
    h = await startIdentityServer();
  });
  afterAll(() => h.close());
  afterEach(() => h.clock.reset());

  const authorizeUrl = (params: Record<string, string> = {}, tenant = TENANT_ID): string => {
    const url = new URL(`${h.baseUrl}/${tenant}/oauth2/v2.0/authorize`);
    const all = {
      client_id: APP_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'https://graph.microsoft.com/.default openid profile offline_access',
      state: 'state-42',
      ...params,
    };
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    return url.toString();
  };

  const redeem = (code: string, extra: Record<string, string> = {}) =>
    postForm(tokenUrl(h), {
      grant_type: 'authorization_code',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      code,
      redirect_uri: REDIRECT_URI,
      scope: 'https://graph.microsoft.com/.default openid offline_access',
      ...extra,
    });

  const codeFrom = (location: string | undefined): URL => {
    expect(location).toBeDefined();
    const url = new URL(String(location));
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    return url;
  };

  it('renders a plain form with stable ids, listing the seed users', async () => {
    const page = await get(authorizeUrl({ login_hint: ALEX.upn }));
    expect(page.status).toBe(200);
    for (const id of ['signin-form', 'username', 'password', 'signin', 'cancel', 'seed-users']) {
      expect(page.html).toContain(`id="${id}"`);
    }
    expect(page.html).toContain(`value="${ALEX.upn}"`);
    expect(page.html).toContain('priya.natarajan@contoso.example');
    expect(page.html).not.toContain('id="step-up-notice"');
  });

  it('signs in with a password only, redirects with code and state, and the code yields amr [pwd]', async () => {
    const done = await signIn(h.baseUrl, authorizeUrl(), ALEX.upn, ALEX.password);
    expect(done.status).toBe(302);
    const url = codeFrom(done.location);
    expect(url.searchParams.get('state')).toBe('state-42');
    const res = await redeem(String(url.searchParams.get('code')));
    expect(res.status).toBe(200);
    expect(claimsOf(String(res.body.access_token))).toMatchObject({ oid: ALEX.id, amr: ['pwd'], acrs: [] });
    expect(typeof res.body.refresh_token).toBe('string');
  });

  it('asks for MFA when claims demand acrs c1, and the code yields amr [pwd, mfa] and acrs [c1]', async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    const url = authorizeUrl({ claims });
    const page = await get(url);
    expect(page.html).toContain('id="step-up-notice"');
    const action = new URL(actionOf(page.html), h.baseUrl).toString();
    const mfa = await submit(action, {
      txn: txnOf(page.html),
      step: 'password',
      username: ALEX.upn,
      password: ALEX.password,
    });
    for (const id of ['mfa-form', 'mfa-code', 'otc', 'verify']) expect(mfa.html).toContain(`id="${id}"`);
    expect(mfa.html).toContain('c1');
    const wrong = await submit(action, {
      txn: txnOf(mfa.html),
      step: 'mfa',
      otc: '000000' === mfaCodeOf(mfa.html) ? '111111' : '000000',
    });
    expect(errorOf(wrong.html)).toMatch(/^AADSTS50074/);
    const done = await submit(action, { txn: txnOf(mfa.html), step: 'mfa', otc: mfaCodeOf(mfa.html) });
    const res = await redeem(String(codeFrom(done.location).searchParams.get('code')), { claims });
    expect(res.status).toBe(200);
    expect(claimsOf(String(res.body.access_token))).toMatchObject({ amr: ['pwd', 'mfa'], acrs: ['c1'] });
  });

  it('asks for MFA for acr_values and for an amr mfa demand', async () => {
    const viaAcrValues = await signIn(h.baseUrl, authorizeUrl({ acr_values: 'c1' }), ALEX.upn, ALEX.password);
    const a = await redeem(String(codeFrom(viaAcrValues.location).searchParams.get('code')));
    expect(claimsOf(String(a.body.access_token))).toMatchObject({ amr: ['pwd', 'mfa'], acrs: ['c1'] });
    const mfaOnly = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });
    const viaAmr = await signIn(h.baseUrl, authorizeUrl({ claims: mfaOnly }), ALEX.upn, ALEX.password);
    const b = await redeem(String(codeFrom(viaAmr.location).searchParams.get('code')));
    expect(claimsOf(String(b.body.access_token))).toMatchObject({ amr: ['pwd', 'mfa'], acrs: [] });
  });

  it('shows AADSTS50126 for a wrong password and AADSTS50034 for an unknown user, on the same page', async () => {
    const wrong = await signIn(h.baseUrl, authorizeUrl(), ALEX.upn, 'wrong');
    expect(wrong.status).toBe(200);
    expect(errorOf(wrong.html)).toMatch(/^AADSTS50126/);
    expect(wrong.html).toContain('id="signin-form"');
    const ghost = await signIn(h.baseUrl, authorizeUrl(), 'ghost@contoso.example', 'x');
    expect(errorOf(ghost.html)).toMatch(/^AADSTS50034/);
  });

  it('refuses an unregistered redirect URI and an unknown client on its own error page', async () => {
    const badRedirect = await get(authorizeUrl({ redirect_uri: 'http://evil.example/cb' }));
    expect(badRedirect.status).toBe(400);
    expect(errorOf(badRedirect.html)).toMatch(/^AADSTS50011: .*http:\/\/evil.example\/cb/);
    const badClient = await get(authorizeUrl({ client_id: 'nope' }));
    expect(errorOf(badClient.html)).toMatch(/^AADSTS700016/);
    const badTenant = await get(authorizeUrl({}, 'nowhere.example'));
    expect(errorOf(badTenant.html)).toMatch(/^AADSTS90002/);
  });

  it('sends request errors back to the redirect URI with state', async () => {
    const token = await get(authorizeUrl({ response_type: 'token' }));
    const url = codeFrom(token.location);
    expect(url.searchParams.get('error')).toBe('unsupported_response_type');
    expect(url.searchParams.get('state')).toBe('state-42');
    const claims = await get(authorizeUrl({ claims: '{bad' }));
    expect(codeFrom(claims.location).searchParams.get('error_description')).toMatch(/^AADSTS90100/);
  });

  it('returns access_denied when the user cancels', async () => {
    const page = await get(authorizeUrl());
    const done = await submit(new URL(actionOf(page.html), h.baseUrl).toString(), {
      txn: txnOf(page.html),
      action: 'cancel',
    });
    expect(codeFrom(done.location).searchParams.get('error')).toBe('access_denied');
  });

  it('supports response_mode=form_post', async () => {
    const done = await signIn(
      h.baseUrl,
      authorizeUrl({ response_mode: 'form_post' }),
      ALEX.upn,
      ALEX.password,
    );
    expect(done.status).toBe(200);
    expect(done.html).toContain(`id="form-post" method="post" action="${REDIRECT_URI}"`);
    expect(done.html).toMatch(/name="code" value="[^"]+"/);
  });

  it('verifies PKCE (S256): the right verifier works, a wrong or missing one is refused', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const start = () =>
      signIn(
        h.baseUrl,
        authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }),
        ALEX.upn,
        ALEX.password,
      );
    const ok = await redeem(String(codeFrom((await start()).location).searchParams.get('code')), {
      code_verifier: verifier,
      client_secret: '',
    });
    expect(ok.status).toBe(200);
    const wrong = await redeem(String(codeFrom((await start()).location).searchParams.get('code')), {
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    const missing = await redeem(String(codeFrom((await start()).location).searchParams.get('code')));
    expect(missing.body.error_description).toMatch(/'code_verifier'/);
  });

  it('redeems a code once, within 10 minutes, for the same redirect URI', async () => {
    const code = async () =>
      String(
        codeFrom(
          (await signIn(h.baseUrl, authorizeUrl(), ALEX.upn, ALEX.password)).location,
        ).searchParams.get('code'),
      );
    const once = await code();
    expect((await redeem(once)).status).toBe(200);
    expect((await redeem(once)).body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
    const otherRedirect = await redeem(await code(), {
      redirect_uri: 'http://localhost:3978/auth/step-up/callback',
    });
    expect(otherRedirect.body).toMatchObject({ error: 'invalid_grant', error_codes: [500112] });
    const late = await code();
    h.clock.advance(Duration.fromObject({ minutes: 11 }));
    expect((await redeem(late)).body).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
  });

  it('refuses at redemption a claims demand the sign-in did not satisfy', async () => {
    const done = await signIn(h.baseUrl, authorizeUrl(), ALEX.upn, ALEX.password);
    const res = await redeem(String(codeFrom(done.location).searchParams.get('code')), {
      claims: JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } }),
    });
    expect(res.body).toMatchObject({ error: 'interaction_required' });
  });

  it('refuses an unknown or expired sign-in transaction', async () => {
    const page = await get(authorizeUrl());
    const action = new URL(actionOf(page.html), h.baseUrl).toString();
    const unknown = await submit(action, {
      txn: 'nope',
      step: 'password',
      username: ALEX.upn,
      password: ALEX.password,
    });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.html)).toMatch(/AADSTS90014/);
    h.clock.advance(Duration.fromObject({ minutes: 16 }));
    const expired = await submit(action, {
      txn: txnOf(page.html),
      step: 'password',
      username: ALEX.upn,
      password: ALEX.password,
    });
    expect(expired.status).toBe(400);
  });
});
