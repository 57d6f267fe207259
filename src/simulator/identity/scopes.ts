import type { SeedApp } from '../directory-types';
import { EntraOAuthError } from './entra-error';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Which resource a token is for, and what it carries. */
export interface ResolvedScopes {
  /** The token's `aud`. */
  audience: string;
  resource: 'graph' | 'self' | 'botframework';
  /** Delegated scopes for `scp` (empty for app-only requests). */
  scp: string[];
  /** The OIDC scopes that were asked for (`openid` → id_token, `offline_access` → refresh_token). */
  oidc: string[];
}

interface ScopeTarget {
  audience: string;
  resource: ResolvedScopes['resource'];
  name: string;
}

function invalidScope(aadsts: number, detail: string): EntraOAuthError {
  return new EntraOAuthError(400, 'invalid_scope', aadsts, detail);
}

/** Splits `https://graph.microsoft.com/User.Read`, `api://botid-<id>/access_as_user`, `User.Read`, … */
function targetOf(scope: string, app: SeedApp): ScopeTarget {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { audience: GRAPH_AUDIENCE, resource: 'graph', name: scope };
  const prefix = scope.slice(0, slash).toLowerCase();
  const name = scope.slice(slash + 1);
  if (prefix === GRAPH_AUDIENCE || prefix === GRAPH_APP_ID)
    return { audience: GRAPH_AUDIENCE, resource: 'graph', name };
  if (prefix === BOT_FRAMEWORK_AUDIENCE)
    return { audience: BOT_FRAMEWORK_AUDIENCE, resource: 'botframework', name };
  const own = app.appId.toLowerCase();
  if (prefix === own) return { audience: app.appId, resource: 'self', name };
  if (prefix === `api://${own}` || prefix === `api://botid-${own}` || prefix.endsWith(`/botid-${own}`)) {
    return { audience: scope.slice(0, slash), resource: 'self', name };
  }
  throw invalidScope(
    500011,
    `The resource principal named ${scope.slice(0, slash)} was not found in the tenant. The simulator serves ` +
      `${GRAPH_AUDIENCE}, ${BOT_FRAMEWORK_AUDIENCE} and the app's own API (api://botid-${app.appId}).`,
  );
}

function parseScopeParam(scopeParam: string | undefined): string[] {
  const scopes = (scopeParam ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) {
    throw new EntraOAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  return scopes;
}

function singleTarget(targets: ScopeTarget[]): ScopeTarget {
  const audiences = [...new Set(targets.map((t) => t.audience))];
  if (audiences.length > 1) {
    throw invalidScope(
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource ` +
        `(${audiences.join(', ')}). Request a token for one resource at a time.`,
    );
  }
  return targets[0];
}

/** Delegated (user) token: scopes of one resource, intersected with what the app has consented. */
export function resolveDelegatedScopes(scopeParam: string | undefined, app: SeedApp): ResolvedScopes {
  const scopes = parseScopeParam(scopeParam);
  const oidc = scopes.filter((s) => (OIDC_SCOPES as readonly string[]).includes(s.toLowerCase()));
  const resourceScopes = scopes.filter((s) => !oidc.includes(s));
  const targets = resourceScopes.length > 0 ? resourceScopes.map((s) => targetOf(s, app)) : [];
  const target =
    targets.length > 0 ? singleTarget(targets) : { audience: GRAPH_AUDIENCE, resource: 'graph' as const };
  const names = targets.map((t) => t.name);
  if (target.resource === 'botframework') {
    throw invalidScope(
      70011,
      `The scope ${resourceScopes.join(' ')} is not valid for a user token: ${BOT_FRAMEWORK_AUDIENCE} only issues app-only tokens (client_credentials with /.default).`,
    );
  }
  let scp: string[];
  if (target.resource === 'self') {
    scp = names.some((n) => n === '.default') ? ['access_as_user'] : names;
  } else if (names.length === 0 || names.includes('.default')) {
    scp =
      names.length === 0 ? app.delegatedScopes.filter((s) => s === 'User.Read') : [...app.delegatedScopes];
  } else {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    scp = app.delegatedScopes.filter((s) => wanted.has(s.toLowerCase()));
    if (scp.length === 0) {
      throw new EntraOAuthError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${app.appId}' named ` +
          `'${app.displayName}' for ${names.join(', ')}. Consented delegated scopes: ${app.delegatedScopes.join(', ')}.`,
        { suberror: 'consent_required' },
      );
    }
  }
  return { audience: target.audience, resource: target.resource, scp, oidc };
}

/** App-only token (client credentials): exactly one `<resource>/.default` scope. */
export function resolveAppScopes(scopeParam: string | undefined, app: SeedApp): ResolvedScopes {
  const scopes = parseScopeParam(scopeParam);
  const notDefault = scopes.find((s) => !s.endsWith('/.default'));
  if (notDefault !== undefined) {
    throw invalidScope(
      1002012,
      `The provided value for scope ${notDefault} is not valid. Client credential flows must have a scope value ` +
        `with /.default suffixed to the resource identifier (application ID URI), e.g. ${GRAPH_AUDIENCE}/.default.`,
    );
  }
  const target = singleTarget(scopes.map((s) => targetOf(s, app)));
  return { audience: target.audience, resource: target.resource, scp: [], oidc: [] };
}
