import { EntraOAuthError } from '../entra-error';
import { delegatedTokenResponse } from './delegated-token-response';
import {
  findUserByName,
  requireParam,
  requireSeedTenant,
  type GrantContext,
  type TokenResponse,
} from './grant-context';

/**
 * `password` (resource-owner password credentials), for scripted tests. A password alone is one factor:
 * the token's `amr` is always `['pwd']`, never `mfa`, and `acrs` is empty, so a `claims` demand for MFA or
 * an authentication context is answered with `interaction_required`.
 */
export function passwordGrant(ctx: GrantContext): TokenResponse {
  requireSeedTenant(ctx);
  const username = requireParam(ctx.form, 'username');
  const password = requireParam(ctx.form, 'password');
  const user = findUserByName(ctx.directory, username);
  if (!user) {
    throw new EntraOAuthError(
      400,
      'invalid_grant',
      50034,
      `The user account ${username} does not exist in the ${ctx.directory.tenant.domain} directory. To sign into this application, the account must be added to the directory.`,
    );
  }
  if (user.password !== password) {
    throw new EntraOAuthError(
      400,
      'invalid_grant',
      50126,
      'Error validating credentials due to invalid username or password.',
    );
  }
  const session = {
    tenantId: ctx.tenant.tenantId,
    appId: ctx.app.appId,
    userId: user.id,
    amr: ['pwd'],
    acrs: [],
  };
  return delegatedTokenResponse(ctx, session, ctx.form.scope);
}
