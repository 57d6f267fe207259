import type { SeedUser } from '../directory-types';
import { escapeHtml } from './http-responses';

/**
 * The simulated Entra sign-in pages. Plain HTML forms with stable ids and names, so a headless browser
 * and plain HTTP POSTs can both drive them:
 * - password step: form#signin-form with input#username[name=username], input#password[name=password],
 *   button#signin (and button#cancel[name=action][value=cancel]);
 * - MFA step: form#mfa-form showing span#mfa-code, with input#otc[name=otc] and button#verify;
 * - p#error carries the error of the previous attempt, if any.
 * Every form posts back to the authorize URL with hidden `txn` (the pending sign-in) and `step`.
 */
const STYLE =
  'body{font-family:Segoe UI,Helvetica,Arial,sans-serif;background:#f2f2f2;margin:0}' +
  'main{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}' +
  'label{display:block;margin-top:14px}input{width:100%;padding:6px;font-size:15px;box-sizing:border-box}' +
  'button{margin-top:20px;padding:8px 20px;font-size:15px}#error{color:#c50f1f}#mfa-code{font-size:40px;letter-spacing:4px}' +
  '.hint{color:#555;font-size:13px}';

function page(title: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>` +
    `<body><main><p class="hint">Elevate simulator · Microsoft Entra sign-in (simulated)</p>${body}</main></body></html>`
  );
}

function errorLine(error: string | undefined): string {
  return error ? `<p id="error" role="alert">${escapeHtml(error)}</p>` : '';
}

export function passwordPage(opts: {
  action: string;
  txn: string;
  appName: string;
  users: SeedUser[];
  username?: string;
  error?: string;
  stepUpRequested: boolean;
}): string {
  const options = opts.users
    .map((u) => `<option value="${escapeHtml(u.userPrincipalName)}">${escapeHtml(u.displayName)}</option>`)
    .join('');
  const list = opts.users
    .map((u) => `<li><code>${escapeHtml(u.userPrincipalName)}</code> — ${escapeHtml(u.displayName)}</li>`)
    .join('');
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1><p>to continue to <strong id="app-name">${escapeHtml(opts.appName)}</strong></p>` +
      (opts.stepUpRequested ? '<p id="step-up-notice">This sign-in needs additional verification.</p>' : '') +
      errorLine(opts.error) +
      `<form id="signin-form" method="post" action="${escapeHtml(opts.action)}">` +
      `<input type="hidden" name="txn" value="${escapeHtml(opts.txn)}"><input type="hidden" name="step" value="password">` +
      `<label for="username">Email, phone, or Skype</label>` +
      `<input id="username" name="username" type="email" autocomplete="username" list="seed-users" required value="${escapeHtml(opts.username ?? '')}">` +
      `<datalist id="seed-users">${options}</datalist>` +
      `<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>` +
      `<button id="signin" type="submit">Sign in</button> ` +
      `<button id="cancel" type="submit" name="action" value="cancel" formnovalidate>Cancel</button></form>` +
      `<details><summary>Seed users</summary><ul id="seed-user-list">${list}</ul></details>`,
  );
}

export function mfaPage(opts: {
  action: string;
  txn: string;
  user: SeedUser;
  code: string;
  reason: string;
  error?: string;
}): string {
  return page(
    'Approve sign-in request',
    `<h1>Approve sign-in request</h1><p id="mfa-user">${escapeHtml(opts.user.userPrincipalName)}</p>` +
      `<p id="mfa-reason">${escapeHtml(opts.reason)}</p>` +
      `<p>Your (simulated) Microsoft Authenticator shows this code. Enter it to approve:</p>` +
      `<p><span id="mfa-code">${escapeHtml(opts.code)}</span></p>` +
      errorLine(opts.error) +
      `<form id="mfa-form" method="post" action="${escapeHtml(opts.action)}">` +
      `<input type="hidden" name="txn" value="${escapeHtml(opts.txn)}"><input type="hidden" name="step" value="mfa">` +
      `<label for="otc">Code</label><input id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" required>` +
      `<button id="verify" type="submit">Verify</button> ` +
      `<button id="cancel" type="submit" name="action" value="cancel" formnovalidate>Cancel</button></form>`,
  );
}

/** Entra's own error page, for requests it cannot send back to the client (unknown app, unregistered redirect URI). */
export function errorPage(message: string): string {
  return page(
    'Sign in error',
    `<h1>Sorry, but we’re having trouble signing you in.</h1><p id="error" role="alert">${escapeHtml(message)}</p>`,
  );
}

/** `response_mode=form_post`: an auto-submitting form to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return (
    `<!DOCTYPE html><html><head><title>Working...</title></head><body onload="document.forms[0].submit()">` +
    `<form id="form-post" method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form></body></html>`
  );
}
