import { instanceDiscovery, openIdConfiguration } from './openid-metadata';

/** The `auth` options that point an @azure/msal-node client application at the simulator. */
export interface SimulatorMsalAuthority {
  authority: string;
  knownAuthorities: string[];
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
}

/**
 * msal-node refuses any authority that is not https (`UrlString.validateAsUri` → `authority_uri_insecure`),
 * and the simulator listens on plain http on loopback. MSAL never fetches the authority URL itself when
 * its endpoints come from configuration, so: give it an https authority with the simulator's host as a
 * name only, and the real (http) endpoints in `authorityMetadata` + `cloudDiscoveryMetadata`. MSAL's
 * fetch-based HttpClient then talks plain http to those endpoints.
 *
 * Spread the result into `auth` next to `clientId` / `clientSecret`:
 * `new ConfidentialClientApplication({ auth: { clientId, clientSecret, ...simulatorMsalAuthority(base, tenantId) } })`.
 *
 * @param baseUrl the simulator's base URL, e.g. `http://127.0.0.1:3979`
 * @param tenant the tenant path segment: the tenant id, its domain, `organizations`, `common` or `botframework.com`
 * @param tenantId the tenant id for the `issuer` (defaults to `tenant`)
 */
export function simulatorMsalAuthority(
  baseUrl: string,
  tenant: string,
  tenantId: string = tenant,
): SimulatorMsalAuthority {
  const base = baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  return {
    authority: `https://${host}/${tenant}`,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify(openIdConfiguration(base, tenant, tenantId)),
    cloudDiscoveryMetadata: JSON.stringify(instanceDiscovery(base, tenant)),
  };
}
