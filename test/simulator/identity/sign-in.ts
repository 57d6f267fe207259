/** Drives the simulated sign-in pages over plain HTTP, as a browser's form posts would. */

export interface PageResult {
  status: number;
  html: string;
  location?: string;
}

export async function get(url: string): Promise<PageResult> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? undefined };
}

export async function submit(url: string, fields: Record<string, string>): Promise<PageResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? undefined };
}

function attr(html: string, pattern: RegExp, what: string): string {
  const m = pattern.exec(html);
  if (!m) throw new Error(`sign-in page has no ${what}:\n${html.slice(0, 2000)}`);
  return m[1];
}

export const txnOf = (html: string): string => attr(html, /name="txn" value="([^"]+)"/, 'txn field');
export const actionOf = (html: string): string =>
  attr(html, /<form id="[a-z-]+" method="post" action="([^"]+)"/, 'form action');
export const mfaCodeOf = (html: string): string =>
  attr(html, /<span id="mfa-code">(\d{6})<\/span>/, 'MFA code');
export const errorOf = (html: string): string =>
  attr(html, /<p id="error" role="alert">([^<]*)<\/p>/, 'error line');

/**
 * Completes the sign-in started at `authorizeUrl`: password step, then the MFA step if the page asks
 * for it. Returns the final response (a redirect to the client, normally).
 */
export async function signIn(
  baseUrl: string,
  authorizeUrl: string,
  username: string,
  password: string,
): Promise<PageResult> {
  const page = await get(authorizeUrl);
  if (page.status !== 200)
    throw new Error(`authorize page answered ${page.status}: ${page.html.slice(0, 500)}`);
  const action = new URL(actionOf(page.html), baseUrl).toString();
  const afterPassword = await submit(action, { txn: txnOf(page.html), step: 'password', username, password });
  if (afterPassword.status !== 200 || !afterPassword.html.includes('id="mfa-form"')) return afterPassword;
  return submit(action, { txn: txnOf(afterPassword.html), step: 'mfa', otc: mfaCodeOf(afterPassword.html) });
}
