import { DomainError, ErrorCodes } from '../../domain/errors';

/** The authority part of an msal-node Configuration. */
export interface MsalAuthoritySettings {
  authority: string;
  knownAuthorities?: string[];
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * msal-node only accepts https authorities (UrlString.validateAsUri). For the simulator tenant on
 * http loopback, Elevate reads the tenant's own OpenID configuration and hands it to msal through
 * its supported `authorityMetadata` and `cloudDiscoveryMetadata` options, with an https spelling
 * of the same authority as `knownAuthorities`: msal then does no discovery of its own and sends
 * token requests to the endpoints in that metadata, i.e. the simulator's real token endpoint.
 * Real tenants (https) are passed through unchanged.
 */
export async function resolveMsalAuthority(authorityUrl: string): Promise<MsalAuthoritySettings> {
  let url: URL;
  try {
    url = new URL(authorityUrl);
  } catch {
    throw new DomainError(ErrorCodes.ConfigInvalid, `The authority '${authorityUrl}' is not a URL.`, {
      remedy: 'Use https://login.microsoftonline.com/{tenantId}.',
    });
  }
  const tenant = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!tenant || tenant.includes('/')) {
    throw new DomainError(
      ErrorCodes.ConfigInvalid,
      `The authority '${authorityUrl}' must be '{host}/{tenant}'.`,
      {
        remedy: 'Use https://login.microsoftonline.com/{tenantId}.',
      },
    );
  }
  if (url.protocol === 'https:') return { authority: `${url.origin}/${tenant}` };
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    throw new DomainError(
      ErrorCodes.ConfigInvalid,
      `The authority '${authorityUrl}' must use https (plain http is allowed only on loopback, for the simulator).`,
      { remedy: 'Use https://login.microsoftonline.com/{tenantId}.' },
    );
  }
  const metadataUrl = `${url.origin}/${tenant}/v2.0/.well-known/openid-configuration`;
  const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) {
    throw new DomainError(
      ErrorCodes.ConfigInvalid,
      `The OpenID configuration at ${metadataUrl} answered HTTP ${response.status}.`,
      { remedy: 'Check that the simulator is running and the tenant id is right.' },
    );
  }
  const metadata = await response.text();
  const host = url.host;
  return {
    authority: `https://${host}/${tenant}`,
    knownAuthorities: [host],
    authorityMetadata: metadata,
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: metadataUrl,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}
