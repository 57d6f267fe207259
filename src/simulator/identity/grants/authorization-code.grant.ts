import { delegatedTokenResponse } from './delegated-token-response';
import { requireParam, requireSeedTenant, type GrantContext, type TokenResponse } from './grant-context';

/** `authorization_code`: redeems a code from the sign-in page (PKCE verified when a challenge was sent). */
export function authorizationCodeGrant(ctx: GrantContext): TokenResponse {
  requireSeedTenant(ctx);
  const code = requireParam(ctx.form, 'code');
  const grant = ctx.codes.redeem(code, ctx.app.appId, ctx.form.redirect_uri, ctx.form.code_verifier);
  const scope = ctx.form.scope && ctx.form.scope.trim() !== '' ? ctx.form.scope : grant.scope;
  return delegatedTokenResponse(ctx, grant, scope, {
    nonce: grant.nonce,
    clientInfo: grant.clientInfoRequested || ctx.form.client_info === '1',
  });
}
