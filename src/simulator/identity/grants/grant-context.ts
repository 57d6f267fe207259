import type { SeedApp, SeedDirectory, SeedUser } from '../../directory-types';
import type { SimClock } from '../../sim-clock';
import type { AuthorizationCodes } from '../authorization-codes';
import { EntraOAuthError } from '../entra-error';
import type { RefreshTokens } from '../refresh-tokens';
import type { SigningKey } from '../signing-key';
import type { ResolvedTenant } from '../tenant-resolver';
import type { TokenIssuer } from '../token-issuer';

/** Everything a grant handler needs for one token request. */
export interface GrantContext {
  form: Record<string, string>;
  tenant: ResolvedTenant;
  /** The `{tenant}` path segment as the client sent it. */
  tenantSegment: string;
  directory: SeedDirectory;
  app: SeedApp;
  issuer: TokenIssuer;
  key: SigningKey;
  codes: AuthorizationCodes;
  refreshTokens: RefreshTokens;
  clock: SimClock;
}

/** Entra's token response body. */
export type TokenResponse = Record<string, string | number>;

export function requireParam(form: Record<string, string>, name: string): string {
  const value = form[name];
  if (value === undefined || value === '') {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    );
  }
  return value;
}

/** Delegated grants need a user of the seed tenant. */
export function requireSeedTenant(ctx: GrantContext): void {
  if (!ctx.tenant.isSeedTenant) {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      90002,
      `Tenant '${ctx.tenantSegment}' has no users to sign in; use the tenant id ${ctx.directory.tenant.id} or ${ctx.directory.tenant.domain}.`,
    );
  }
}

export function findUserById(directory: SeedDirectory, userId: string): SeedUser {
  const user = directory.users.find((u) => u.id.toLowerCase() === userId.toLowerCase());
  if (!user) {
    throw new EntraOAuthError(
      400,
      'invalid_grant',
      50034,
      `The user account ${userId} does not exist in the ${directory.tenant.domain} directory.`,
    );
  }
  return user;
}

export function findUserByName(directory: SeedDirectory, username: string): SeedUser | undefined {
  const wanted = username.trim().toLowerCase();
  return directory.users.find(
    (u) =>
      u.userPrincipalName.toLowerCase() === wanted ||
      u.mail.toLowerCase() === wanted ||
      u.id.toLowerCase() === wanted,
  );
}
