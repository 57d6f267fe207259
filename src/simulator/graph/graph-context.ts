import type { CallerIdentity } from '../identity/types';
import type { TenantState } from '../pim/tenant-state';
import type { PermissionSpec } from './permissions';

/** Everything a Graph route handler gets. */
export interface GraphContext {
  state: TenantState;
  caller: CallerIdentity;
  version: 'v1.0' | 'beta';
  /** Path after the version, decoded, e.g. `/roleManagement/directory/roleDefinitions`. */
  path: string;
  params: string[];
  query: URLSearchParams;
  /** Full URL as seen from outside (for @odata.nextLink). */
  url: URL;
  body: Record<string, unknown> | undefined;
}

export interface GraphResult {
  status: number;
  body?: unknown;
}

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH';
  pattern: RegExp;
  permission: PermissionSpec;
  /** When set, a JSON body is required and validated against this pointer in openapi-subset.json. */
  bodySchema?: string;
  /** Only in this version (beta-only approvals). */
  versions?: ('v1.0' | 'beta')[];
  /** Extra permission rule for delegated callers reading their own data (e.g. /users/{me} with User.Read). */
  selfPermission?: (ctx: Omit<GraphContext, 'body'>) => boolean;
  handle(ctx: GraphContext): GraphResult;
}

export const contextUrl = (ctx: Pick<GraphContext, 'version'>, fragment: string): string =>
  `https://graph.microsoft.com/${ctx.version}/$metadata#${fragment}`;

/** `(on='principal')`-style function parameter in a path, as a regex group. */
export const FILTER_BY_CURRENT_USER = "filterByCurrentUser\\(on='(\\w+)'\\)";
export const ID = '([^/()]+)';

export const escapeRegex = (path: string): string => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
