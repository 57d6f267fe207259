import type { IncomingHttpHeaders } from 'node:http';
import type { SeedDirectory } from '../directory-types';
import type { SimClock } from '../sim-clock';
import type { AuthorizationCodes } from './authorization-codes';
import { authenticateClient, readClientCredentials } from './client-auth';
import { EntraOAuthError } from './entra-error';
import { authorizationCodeGrant } from './grants/authorization-code.grant';
import { clientCredentialsGrant } from './grants/client-credentials.grant';
import type { GrantContext, TokenResponse } from './grants/grant-context';
import { onBehalfOfGrant } from './grants/on-behalf-of.grant';
import { passwordGrant } from './grants/password.grant';
import { refreshTokenGrant } from './grants/refresh-token.grant';
import type { RefreshTokens } from './refresh-tokens';
import type { SigningKey } from './signing-key';
import { resolveTenant } from './tenant-resolver';
import type { TokenIssuer } from './token-issuer';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const GRANTS: Record<string, { handle: (ctx: GrantContext) => TokenResponse; secretRequired: boolean }> = {
  client_credentials: { handle: clientCredentialsGrant, secretRequired: true },
  [JWT_BEARER_GRANT]: { handle: onBehalfOfGrant, secretRequired: true },
  authorization_code: { handle: authorizationCodeGrant, secretRequired: false },
  refresh_token: { handle: refreshTokenGrant, secretRequired: false },
  password: { handle: passwordGrant, secretRequired: false },
};

export interface TokenEndpointDeps {
  clock: SimClock;
  getDirectory: () => SeedDirectory;
  issuer: TokenIssuer;
  key: SigningKey;
  codes: AuthorizationCodes;
  refreshTokens: RefreshTokens;
}

/** `POST /{tenant}/oauth2/v2.0/token`: authenticates the client and runs the grant. Throws EntraOAuthError. */
export function handleTokenRequest(
  deps: TokenEndpointDeps,
  tenantSegment: string,
  form: Record<string, string>,
  headers: IncomingHttpHeaders,
): TokenResponse {
  const directory = deps.getDirectory();
  const tenant = resolveTenant(tenantSegment, directory);
  const grantType = form.grant_type;
  if (!grantType) {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  }
  const grant = GRANTS[grantType];
  if (!grant) {
    throw new EntraOAuthError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'. Supported: ${Object.keys(GRANTS).join(', ')}.`,
    );
  }
  const app = authenticateClient(
    directory,
    readClientCredentials(form, headers),
    tenantSegment,
    grant.secretRequired,
  );
  return grant.handle({ ...deps, form, tenant, tenantSegment, directory, app });
}
