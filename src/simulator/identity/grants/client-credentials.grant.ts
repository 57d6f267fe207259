import { EntraOAuthError } from '../entra-error';
import { resolveAppScopes } from '../scopes';
import { TOKEN_LIFETIME_SECONDS } from '../token-issuer';
import { requireParam, type GrantContext, type TokenResponse } from './grant-context';

/**
 * `client_credentials`: an app-only token. For Graph it carries the app's admin-consented application
 * permissions as `roles`; for https://api.botframework.com (the bot → connector token) and the app's own
 * API it carries none. Graph tokens come only from the seed tenant.
 */
export function clientCredentialsGrant(ctx: GrantContext): TokenResponse {
  const scopes = resolveAppScopes(requireParam(ctx.form, 'scope'), ctx.app);
  if (scopes.resource === 'graph' && !ctx.tenant.isSeedTenant) {
    throw new EntraOAuthError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${scopes.audience} was not found in the tenant named '${ctx.tenantSegment}'. ` +
        `Ask for Graph tokens from the tenant ${ctx.directory.tenant.id}.`,
    );
  }
  const roles = scopes.resource === 'graph' ? [...ctx.app.applicationPermissions] : [];
  const access = ctx.issuer.appAccessToken({
    tenantId: ctx.tenant.tenantId,
    app: ctx.app,
    audience: scopes.audience,
    roles,
  });
  return {
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: access.token,
  };
}
