import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

/** The sign-in and MFA pages driven by a real headless browser through their stable element ids. */
describeWithBrowser('simulated sign-in page in headless Chromium', () => {
  let h: IdentityHarness;
  let browser: Browser;
  beforeAll(async () => {
    h = await startIdentityServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('signs in with password and MFA for authentication context c1, landing on the redirect URI with a code', async () => {
    const page = await browser.newPage();
    let landed: URL | undefined;
    await page.route(`${REDIRECT_URI}**`, async (route) => {
      landed = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p id="done">signed in</p>' });
    });
    const url = new URL(`${h.baseUrl}/${TENANT_ID}/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({
      client_id: APP_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'https://graph.microsoft.com/.default openid',
      state: 'browser-1',
      claims: JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } }),
    }).toString();
    await page.goto(url.toString());
    await page.fill('#username', ALEX.upn);
    await page.fill('#password', ALEX.password);
    await page.click('#signin');
    const code = (await page.textContent('#mfa-code'))?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.fill('#otc', code);
    await page.click('#verify');
    await page.waitForSelector('#done');
    expect(landed?.searchParams.get('state')).toBe('browser-1');
    const res = await postForm(tokenUrl(h), {
      grant_type: 'authorization_code',
      client_id: APP_ID,
      client_secret: APP_SECRET,
      code: String(landed?.searchParams.get('code')),
      redirect_uri: REDIRECT_URI,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(claimsOf(String(res.body.access_token))).toMatchObject({
      oid: ALEX.id,
      amr: ['pwd', 'mfa'],
      acrs: ['c1'],
    });
    await page.close();
  });
});
