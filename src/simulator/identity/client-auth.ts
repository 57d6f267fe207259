import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SeedApp, SeedDirectory } from '../directory-types';
import { EntraOAuthError } from './entra-error';

export interface ClientCredentials {
  clientId: string;
  clientSecret?: string;
}

/** client_id/client_secret from the form (client_secret_post) or an HTTP Basic header (client_secret_basic). */
export function readClientCredentials(
  form: Record<string, string>,
  headers: IncomingHttpHeaders,
): ClientCredentials {
  const auth = headers.authorization;
  if (auth && /^basic\s+/i.test(auth)) {
    const decoded = Buffer.from(auth.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  if (!form.client_id) {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  return { clientId: form.client_id, clientSecret: form.client_secret };
}

export function findApp(directory: SeedDirectory, clientId: string, tenantLabel: string): SeedApp {
  const app = directory.apps.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
  if (!app) {
    throw new EntraOAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantLabel}'. Registered app ids: ` +
        `${directory.apps.map((a) => a.appId).join(', ')}.`,
    );
  }
  return app;
}

function secretsMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates the client. `secretRequired` is true for confidential-only grants (client credentials,
 * on-behalf-of); the other grants also accept a public client (no secret), as an app registration with
 * "Allow public client flows" does. A secret that is sent must always be right.
 */
export function authenticateClient(
  directory: SeedDirectory,
  credentials: ClientCredentials,
  tenantLabel: string,
  secretRequired: boolean,
): SeedApp {
  const app = findApp(directory, credentials.clientId, tenantLabel);
  if (credentials.clientSecret === undefined || credentials.clientSecret === '') {
    if (secretRequired) {
      throw new EntraOAuthError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    return app;
  }
  if (clientSecretInvalid(credentials.clientSecret, app.clientSecret)) {
    throw new EntraOAuthError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, ` +
        `not the client secret ID, for a secret added to app '${app.appId}'.`,
    );
  }
  return app;
}

function clientSecretInvalid(given: string, expected: string): boolean {
  return !secretsMatch(given, expected);
}
