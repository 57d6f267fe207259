import { clientCapabilities, parseClaimsDemand, interactionRequired, unmetDemand } from '../claims-demand';
import type { DelegatedSession } from '../delegated-session';
import { resolveDelegatedScopes, type ResolvedScopes } from '../scopes';
import { TOKEN_LIFETIME_SECONDS } from '../token-issuer';
import { findUserById, type GrantContext, type TokenResponse } from './grant-context';

/** Refuses with `interaction_required` (+ claims challenge) when the request's `claims` ask for more than the session has. */
export function requireDemandMet(ctx: GrantContext, session: DelegatedSession, audience: string): void {
  const demand = parseClaimsDemand(ctx.form.claims, undefined);
  const unmet = unmetDemand(demand, session.amr, session.acrs);
  if (unmet) throw interactionRequired(unmet, audience);
}

function responseScope(scopes: ResolvedScopes): string {
  const prefix = scopes.resource === 'graph' ? '' : `${scopes.audience}/`;
  const oidc = scopes.oidc.filter((s) => s.toLowerCase() !== 'offline_access');
  return [...scopes.scp.map((s) => `${prefix}${s}`), ...oidc].join(' ');
}

/**
 * The token response for a delegated session: access token for the asked resource, an id token when
 * `openid` was asked, a refresh token when `offline_access` was, and `client_info` when the client asked
 * for it (MSAL sends `client_info=1`).
 */
export function delegatedTokenResponse(
  ctx: GrantContext,
  session: DelegatedSession,
  scopeParam: string | undefined,
  options: { nonce?: string; clientInfo?: boolean } = {},
): TokenResponse {
  const scopes = resolveDelegatedScopes(scopeParam, ctx.app);
  requireDemandMet(ctx, session, scopes.audience);
  const user = findUserById(ctx.directory, session.userId);
  const access = ctx.issuer.delegatedAccessToken({
    tenantId: session.tenantId,
    app: ctx.app,
    user,
    audience: scopes.audience,
    scp: scopes.scp,
    amr: session.amr,
    acrs: session.acrs,
    // From this request's `claims`, as Entra does: a client that stops declaring cp1 stops getting it.
    xmsCc: clientCapabilities(ctx.form.claims),
  });
  const asked = new Set(scopes.oidc.map((s) => s.toLowerCase()));
  const body: TokenResponse = {
    token_type: 'Bearer',
    scope: responseScope(scopes),
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: access.token,
  };
  if (asked.has('offline_access')) body.refresh_token = ctx.refreshTokens.issue(session);
  if (asked.has('openid'))
    body.id_token = ctx.issuer.idToken(session.tenantId, ctx.app, user, session.amr, options.nonce).token;
  if (options.clientInfo ?? ctx.form.client_info === '1') {
    body.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: session.tenantId })).toString(
      'base64url',
    );
  }
  return body;
}
