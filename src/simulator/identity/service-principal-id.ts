import { createHash } from 'node:crypto';

/**
 * The object id of an app's service principal in the simulated tenant (app-only tokens carry it as
 * `oid`). The seed has no service principal objects, so it is derived from the app id: stable across
 * restarts and distinct per app, formatted as a version-5-style UUID.
 */
export function servicePrincipalObjectId(appId: string, tenantId: string): string {
  const hex = createHash('sha1').update(`service-principal:${tenantId}:${appId.toLowerCase()}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
