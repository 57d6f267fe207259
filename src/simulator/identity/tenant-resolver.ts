import type { SeedDirectory } from '../directory-types';
import { EntraOAuthError } from './entra-error';

/** The tenant Bot Framework's own app registrations live in (`login.microsoftonline.com/botframework.com`). */
export const BOT_FRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
export const BOT_FRAMEWORK_TENANT_NAME = 'botframework.com';

export interface ResolvedTenant {
  /** The tenant id tokens carry as `tid`. */
  tenantId: string;
  /** True for the seed tenant (its users can sign in); false for the Bot Framework tenant. */
  isSeedTenant: boolean;
}

/**
 * Resolves the `{tenant}` path segment the way Entra does: the seed tenant's id or domain,
 * `organizations` or `common` (the simulator has one tenant), or `botframework.com`.
 */
export function resolveTenant(segment: string, directory: SeedDirectory): ResolvedTenant {
  const value = decodeURIComponent(segment).toLowerCase();
  const seed = directory.tenant;
  if (
    value === seed.id.toLowerCase() ||
    value === seed.domain.toLowerCase() ||
    value === 'organizations' ||
    value === 'common'
  ) {
    return { tenantId: seed.id, isSeedTenant: true };
  }
  if (value === BOT_FRAMEWORK_TENANT_NAME || value === BOT_FRAMEWORK_TENANT_ID) {
    return { tenantId: BOT_FRAMEWORK_TENANT_ID, isSeedTenant: false };
  }
  throw new EntraOAuthError(
    400,
    'invalid_request',
    90002,
    `Tenant '${segment}' not found. The simulator knows the tenant id ${seed.id}, the domain ${seed.domain}, ` +
      `'organizations', 'common' and '${BOT_FRAMEWORK_TENANT_NAME}'.`,
  );
}
