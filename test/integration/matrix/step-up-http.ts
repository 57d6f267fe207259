import type { SeedUser } from '../../fixtures/bot-harness';

/**
 * Completes a Verify link over plain HTTP, as a browser would: the bot's /auth/step-up page
 * redirects to the simulator's sign-in page; the password form and the MFA form (whose code the
 * page shows) are posted; the simulator redirects (or form-posts) to the bot's callback. Returns
 * the callback page's title and status.
 */
export async function completeStepUp(
  verifyUrl: string,
  user: SeedUser,
): Promise<{ status: number; title: string }> {
  const start = await fetch(verifyUrl, { redirect: 'manual' });
  const authorize = start.headers.get('location');
  if (start.status !== 302 || !authorize)
    throw new Error(`Verify link answered ${start.status}: ${await start.text()}`);

  const signInPage = await fetch(authorize, { redirect: 'manual' });
  const signIn = form(await signInPage.text(), 'signin-form', authorize);
  const mfaPage = await post(signIn.action, {
    ...signIn.fields,
    username: user.userPrincipalName,
    password: 'demo',
  });
  const mfaHtml = await mfaPage.text();
  const code = /<span id="mfa-code">(\d+)<\/span>/.exec(mfaHtml)?.[1];
  if (!code) throw new Error(`no MFA step after the password (status ${mfaPage.status}):\n${mfaHtml}`);
  const mfa = form(mfaHtml, 'mfa-form', authorize);
  const done = await post(mfa.action, { ...mfa.fields, otc: code });

  let callback: Response;
  const location = done.headers.get('location');
  if (done.status === 302 && location) {
    callback = await fetch(location, { redirect: 'manual' });
  } else {
    const html = await done.text();
    const formPost = form(html, 'form-post', authorize);
    callback = await post(formPost.action, formPost.fields);
  }
  const page = await callback.text();
  const title = /<h1[^>]*id="title"[^>]*>([^<]*)</.exec(page)?.[1] ?? /<title>([^<·]*)/.exec(page)?.[1] ?? '';
  return { status: callback.status, title: decode(title.trim()) };
}

function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The action and hidden fields of the form with this id (the simulator's pages are plain HTML). */
function form(html: string, id: string, base: string): { action: string; fields: Record<string, string> } {
  const match = new RegExp(`<form id="${id}"[^>]*action="([^"]*)"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!match) throw new Error(`no form#${id} on the page:\n${html.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const input of match[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decode(input[1])] = decode(input[2]);
  }
  return { action: new URL(decode(match[1]), base).toString(), fields };
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
