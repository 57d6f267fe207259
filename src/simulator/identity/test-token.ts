import type { SeedDirectory } from '../directory-types';
import { GRAPH_AUDIENCE } from './scopes';
import type { TokenIssuer } from './token-issuer';

export interface TestTokenOptions {
  userId?: string;
  appId?: string;
  scopes?: string[];
  roles?: string[];
  amr?: string[];
  acrs?: string[];
  audience?: string;
  /** `xms_cc` of a delegated token; default ['cp1'] (a client that declared cp1, as Elevate's msal does). */
  clientCapabilities?: string[];
}

/**
 * Issues a token without a grant, for tests. With `userId`: a delegated token (default scopes: the app's
 * consented delegated scopes for Graph, `access_as_user` for its own API; `amr` ['pwd']; no `acrs`).
 * Without: an app-only token (default roles: the app's application permissions for Graph). The app
 * defaults to the seed's first app; the audience to Graph.
 */
export function issueTestToken(
  directory: SeedDirectory,
  issuer: TokenIssuer,
  opts: TestTokenOptions,
): string {
  const app = opts.appId
    ? directory.apps.find((a) => a.appId.toLowerCase() === opts.appId?.toLowerCase())
    : directory.apps[0];
  if (!app) {
    throw new Error(
      `issueTokenForTests: no app '${opts.appId ?? '(default)'}' in the seed; apps: ${directory.apps.map((a) => a.appId).join(', ') || '(none)'}.`,
    );
  }
  const audience = opts.audience ?? GRAPH_AUDIENCE;
  const forGraph = audience === GRAPH_AUDIENCE;
  const tenantId = directory.tenant.id;
  if (opts.userId === undefined) {
    if (opts.scopes || opts.amr || opts.acrs) {
      throw new Error(
        'issueTokenForTests: scopes, amr and acrs belong to delegated tokens; pass userId as well.',
      );
    }
    const roles = opts.roles ?? (forGraph ? [...app.applicationPermissions] : []);
    return issuer.appAccessToken({ tenantId, app, audience, roles }).token;
  }
  if (opts.roles)
    throw new Error('issueTokenForTests: roles belong to app-only tokens; omit userId for one.');
  const user = directory.users.find((u) => u.id.toLowerCase() === opts.userId?.toLowerCase());
  if (!user) throw new Error(`issueTokenForTests: no user '${opts.userId}' in the seed directory.`);
  const scp = opts.scopes ?? (forGraph ? [...app.delegatedScopes] : ['access_as_user']);
  return issuer.delegatedAccessToken({
    tenantId,
    app,
    user,
    audience,
    scp,
    amr: opts.amr ?? ['pwd'],
    acrs: opts.acrs ?? [],
    xmsCc: opts.clientCapabilities ?? ['cp1'],
  }).token;
}
