import { randomBytes, randomInt } from 'node:crypto';
import { Duration } from 'luxon';
import type { SeedApp, SeedDirectory, SeedUser } from '../directory-types';
import type { SimClock } from '../sim-clock';
import type { AuthorizationCodes } from './authorization-codes';
import { findApp } from './client-auth';
import { parseClaimsDemand, type ClaimsDemand } from './claims-demand';
import { EntraOAuthError } from './entra-error';
import { findUserByName } from './grants/grant-context';
import { resolveDelegatedScopes } from './scopes';
import { errorPage, formPostPage, mfaPage, passwordPage } from './sign-in-page';
import { resolveTenant } from './tenant-resolver';

/** How long a started sign-in (the page being open) stays usable. */
export const SIGN_IN_LIFETIME = Duration.fromObject({ minutes: 15 });

export type AuthorizeOutcome =
  { kind: 'html'; status: number; html: string } | { kind: 'redirect'; location: string };

interface PendingSignIn {
  tenantId: string;
  app: SeedApp;
  redirectUri: string;
  responseMode: 'query' | 'form_post';
  state?: string;
  nonce?: string;
  scope: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'plain' | 'S256';
  clientInfoRequested: boolean;
  demand: ClaimsDemand;
  loginHint?: string;
  expiresAtMs: number;
  /** Set once the password step passed and the MFA step is showing. */
  mfa?: { user: SeedUser; code: string };
}

/** The simulated `/{tenant}/oauth2/v2.0/authorize` sign-in: password, then MFA when claims/acr_values ask for it. */
export class AuthorizeFlow {
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    private readonly clock: SimClock,
    private readonly getDirectory: () => SeedDirectory,
    private readonly codes: AuthorizationCodes,
  ) {}

  /** GET: validate the authorization request and show the password page. */
  start(tenantSegment: string, actionPath: string, query: Record<string, string>): AuthorizeOutcome {
    const directory = this.getDirectory();
    let tenantId: string;
    let app: SeedApp;
    try {
      tenantId = resolveTenant(tenantSegment, directory).tenantId;
      if (!query.client_id) {
        throw new EntraOAuthError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'client_id'.",
        );
      }
      app = findApp(directory, query.client_id, tenantSegment);
    } catch (err) {
      if (err instanceof EntraOAuthError) return { kind: 'html', status: 400, html: errorPage(err.message) };
      throw err;
    }
    const redirectUri = query.redirect_uri;
    if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
      return {
        kind: 'html',
        status: 400,
        html: errorPage(
          `AADSTS50011: The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured ` +
            `for the application '${app.appId}': ${app.redirectUris.join(', ')}.`,
        ),
      };
    }
    const responseMode = query.response_mode ?? 'query';
    const back = (error: string, description: string): AuthorizeOutcome =>
      this.finish(
        {
          redirectUri,
          responseMode: responseMode === 'form_post' ? 'form_post' : 'query',
          state: query.state,
        },
        {
          error,
          error_description: description,
        },
      );
    if (responseMode !== 'query' && responseMode !== 'form_post') {
      return back(
        'invalid_request',
        `AADSTS900144: response_mode '${responseMode}' is not supported; use 'query' or 'form_post'.`,
      );
    }
    if (query.response_type !== 'code') {
      return back(
        'unsupported_response_type',
        `AADSTS700054: response_type '${query.response_type ?? ''}' is not enabled for the application; the simulator supports 'code'.`,
      );
    }
    const method = query.code_challenge_method ?? (query.code_challenge ? 'plain' : undefined);
    if (method !== undefined && method !== 'plain' && method !== 'S256') {
      return back(
        'invalid_request',
        `AADSTS501491: Invalid code_challenge_method '${method}'; use 'S256' or 'plain'.`,
      );
    }
    let demand: ClaimsDemand;
    try {
      resolveDelegatedScopes(query.scope, app);
      demand = parseClaimsDemand(query.claims, query.acr_values);
    } catch (err) {
      if (err instanceof EntraOAuthError) return back(err.error, err.message);
      throw err;
    }
    const txn = randomBytes(18).toString('base64url');
    const pending: PendingSignIn = {
      tenantId,
      app,
      redirectUri,
      responseMode,
      state: query.state,
      nonce: query.nonce,
      scope: query.scope,
      codeChallenge: query.code_challenge,
      codeChallengeMethod: method,
      clientInfoRequested: query.client_info === '1',
      demand,
      loginHint: query.login_hint,
      expiresAtMs: this.clock.now().plus(SIGN_IN_LIFETIME).toMillis(),
    };
    this.pending.set(txn, pending);
    return {
      kind: 'html',
      status: 200,
      html: this.renderPassword(actionPath, txn, pending, query.login_hint),
    };
  }

  /** POST: a submitted password or MFA form. */
  submit(actionPath: string, form: Record<string, string>): AuthorizeOutcome {
    const txn = form.txn ?? '';
    const pending = this.pending.get(txn);
    if (!pending || this.clock.now().toMillis() > pending.expiresAtMs) {
      this.pending.delete(txn);
      return {
        kind: 'html',
        status: 400,
        html: errorPage(
          'AADSTS90014: This sign-in has expired or is unknown (field txn). Start again from the application.',
        ),
      };
    }
    if (form.action === 'cancel') {
      this.pending.delete(txn);
      return this.finish(pending, {
        error: 'access_denied',
        error_subcode: 'cancel',
        error_description: 'AADSTS65004: User declined to sign in.',
      });
    }
    if (form.step === 'mfa') return this.submitMfa(actionPath, txn, pending, form);
    if (form.step !== 'password') {
      return {
        kind: 'html',
        status: 400,
        html: errorPage(`Unknown sign-in step '${form.step ?? ''}'; expected 'password' or 'mfa'.`),
      };
    }
    const username = form.username ?? '';
    const user = findUserByName(this.getDirectory(), username);
    if (!user || user.password !== (form.password ?? '')) {
      const error = !user
        ? `AADSTS50034: We couldn't find an account with the username '${username}' in ${this.getDirectory().tenant.domain}.`
        : 'AADSTS50126: Your account or password is incorrect.';
      return {
        kind: 'html',
        status: 200,
        html: this.renderPassword(actionPath, txn, pending, username, error),
      };
    }
    if (pending.demand.mfa || pending.demand.acrs.length > 0) {
      pending.mfa = { user, code: String(randomInt(0, 1_000_000)).padStart(6, '0') };
      return { kind: 'html', status: 200, html: this.renderMfa(actionPath, txn, pending) };
    }
    return this.complete(txn, pending, user, ['pwd'], []);
  }

  private submitMfa(
    actionPath: string,
    txn: string,
    pending: PendingSignIn,
    form: Record<string, string>,
  ): AuthorizeOutcome {
    if (!pending.mfa) {
      return {
        kind: 'html',
        status: 400,
        html: errorPage('The MFA step was posted before the password step; sign in with a password first.'),
      };
    }
    if ((form.otc ?? '').trim() !== pending.mfa.code) {
      return {
        kind: 'html',
        status: 200,
        html: this.renderMfa(
          actionPath,
          txn,
          pending,
          `AADSTS50074: The code '${form.otc ?? ''}' is not the one shown; enter the 6 digits shown above.`,
        ),
      };
    }
    return this.complete(txn, pending, pending.mfa.user, ['pwd', 'mfa'], pending.demand.acrs);
  }

  private complete(
    txn: string,
    pending: PendingSignIn,
    user: SeedUser,
    amr: string[],
    acrs: string[],
  ): AuthorizeOutcome {
    this.pending.delete(txn);
    const code = this.codes.issue({
      tenantId: pending.tenantId,
      appId: pending.app.appId,
      userId: user.id,
      amr,
      acrs,
      redirectUri: pending.redirectUri,
      scope: pending.scope,
      nonce: pending.nonce,
      codeChallenge: pending.codeChallenge,
      codeChallengeMethod: pending.codeChallengeMethod,
      clientInfoRequested: pending.clientInfoRequested,
    });
    const fields: Record<string, string> = { code };
    if (pending.clientInfoRequested) {
      fields.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: pending.tenantId })).toString(
        'base64url',
      );
    }
    return this.finish(pending, fields);
  }

  private finish(
    target: { redirectUri: string; responseMode: 'query' | 'form_post'; state?: string },
    fields: Record<string, string>,
  ): AuthorizeOutcome {
    const all = { ...fields, ...(target.state !== undefined ? { state: target.state } : {}) };
    if (target.responseMode === 'form_post')
      return { kind: 'html', status: 200, html: formPostPage(target.redirectUri, all) };
    const url = new URL(target.redirectUri);
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    return { kind: 'redirect', location: url.toString() };
  }

  private renderPassword(
    action: string,
    txn: string,
    pending: PendingSignIn,
    username?: string,
    error?: string,
  ): string {
    return passwordPage({
      action,
      txn,
      appName: pending.app.displayName,
      users: this.getDirectory().users,
      username: username ?? pending.loginHint,
      error,
      stepUpRequested: pending.demand.mfa || pending.demand.acrs.length > 0,
    });
  }

  private renderMfa(action: string, txn: string, pending: PendingSignIn, error?: string): string {
    const mfa = pending.mfa as { user: SeedUser; code: string };
    const reason =
      pending.demand.acrs.length > 0
        ? `The application needs the authentication context ${pending.demand.acrs.join(' or ')}: verify with a second factor.`
        : 'The application needs multi-factor authentication.';
    return mfaPage({ action, txn, user: mfa.user, code: mfa.code, reason, error });
  }

  clear(): void {
    this.pending.clear();
  }
}
