import { delegatedTokenResponse } from './delegated-token-response';
import { requireParam, requireSeedTenant, type GrantContext, type TokenResponse } from './grant-context';

/** `refresh_token`: a new access token for the same sign-in (same `amr`/`acrs`), any consented resource. */
export function refreshTokenGrant(ctx: GrantContext): TokenResponse {
  requireSeedTenant(ctx);
  const session = ctx.refreshTokens.redeem(requireParam(ctx.form, 'refresh_token'), ctx.app.appId);
  return delegatedTokenResponse(ctx, session, ctx.form.scope);
}
