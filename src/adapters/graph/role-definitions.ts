import type { Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { RoleDefinition } from '../../ports/pim-gateway';
import type { GraphHttp } from './graph-http';
import { graphPaths } from './graph-paths';
import { TtlCache } from './ttl-cache';

/** The tenant's directory role definitions (app-only), cached for `ttl`. */
export class RoleDefinitions {
  private readonly cache: TtlCache<RoleDefinition[]>;

  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
    ttl: Duration,
    clock: Clock,
  ) {
    this.cache = new TtlCache(ttl, clock);
  }

  async get(roleId: string): Promise<RoleDefinition> {
    const found = await this.byId(roleId);
    if (!found) {
      throw new DomainError(ErrorCodes.RoleNotFound, `There is no role with id ${roleId} in this tenant.`, {
        remedy: 'Check the role name with `roles`.',
        details: { roleId },
      });
    }
    return found;
  }

  /** The role's display name, or its id when the tenant has no such role. */
  async displayName(roleId: string): Promise<string> {
    return (await this.byId(roleId))?.displayName ?? roleId;
  }

  private async byId(roleId: string): Promise<RoleDefinition | undefined> {
    return (await this.all()).find((role) => role.id === roleId);
  }

  async all(): Promise<RoleDefinition[]> {
    return this.cache.get('all', async () => {
      const raw = await this.http.getAll<{
        id: string;
        displayName?: string | null;
        description?: string | null;
        isBuiltIn?: boolean | null;
      }>({
        path: graphPaths.roleDefinitions(),
        query: { $select: 'id,displayName,description,isBuiltIn' },
        token: await this.appToken(),
        operation: 'read',
      });
      return raw.map((role) => ({
        id: role.id,
        displayName: role.displayName ?? role.id,
        description: role.description ?? undefined,
        isBuiltIn: role.isBuiltIn === true,
      }));
    });
  }
}
