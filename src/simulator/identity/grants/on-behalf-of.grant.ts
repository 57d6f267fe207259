import type { SeedApp } from '../../directory-types';
import { EntraOAuthError } from '../entra-error';
import { TokenRejectedError, verifySimulatorToken } from '../token-verification';
import { delegatedTokenResponse } from './delegated-token-response';
import { requireParam, requireSeedTenant, type GrantContext, type TokenResponse } from './grant-context';

/** The audiences a user assertion for `app`'s own API may carry (Teams SSO uses `api://botid-{appId}`). */
export function ownApiAudiences(app: SeedApp): string[] {
  return [app.appId, `api://botid-${app.appId}`, `api://${app.appId}`];
}

function invalidAssertion(detail: string): EntraOAuthError {
  return new EntraOAuthError(
    400,
    'invalid_grant',
    50013,
    `Assertion failed signature validation or is not valid: ${detail}`,
  );
}

/**
 * `urn:ietf:params:oauth:grant-type:jwt-bearer` with `requested_token_use=on_behalf_of`: exchanges a user
 * token issued to this app's own API for a token to a downstream resource, carrying over the user's
 * `oid`, `amr` and `acrs`. A `claims` demand the assertion does not satisfy → `interaction_required`.
 */
export function onBehalfOfGrant(ctx: GrantContext): TokenResponse {
  requireSeedTenant(ctx);
  const use = requireParam(ctx.form, 'requested_token_use');
  if (use !== 'on_behalf_of') {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      50027,
      `The value '${use}' of requested_token_use is not supported; the only value is 'on_behalf_of'.`,
    );
  }
  const assertion = requireParam(ctx.form, 'assertion');
  let claims;
  try {
    claims = verifySimulatorToken(assertion, ctx.key, ctx.clock, {
      issuers: [ctx.issuer.issuer(ctx.tenant.tenantId)],
      audiences: ownApiAudiences(ctx.app),
    });
  } catch (err) {
    if (err instanceof TokenRejectedError) {
      if (err.reason === 'expired' || err.reason === 'not-yet-valid') {
        throw new EntraOAuthError(
          400,
          'invalid_grant',
          500133,
          `Assertion is not within its valid time range. ${err.message}`,
        );
      }
      if (err.reason === 'audience') {
        throw invalidAssertion(
          `the assertion's audience does not match the client app presenting it ('${ctx.app.appId}'); it must be one of ${ownApiAudiences(ctx.app).join(', ')}.`,
        );
      }
      throw invalidAssertion(err.message);
    }
    throw err;
  }
  if (claims.idtyp === 'app' || typeof claims.scp !== 'string' || typeof claims.oid !== 'string') {
    throw new EntraOAuthError(
      400,
      'invalid_grant',
      500131,
      'The assertion is an app-only token; on-behalf-of needs a user (delegated) token with scp and oid.',
    );
  }
  const session = {
    tenantId: ctx.tenant.tenantId,
    appId: ctx.app.appId,
    userId: claims.oid,
    amr: Array.isArray(claims.amr) ? claims.amr : [],
    acrs: Array.isArray(claims.acrs) ? claims.acrs : [],
  };
  return delegatedTokenResponse(ctx, session, requireParam(ctx.form, 'scope'));
}
