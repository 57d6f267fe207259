import type { ActiveRole, EligibleRole } from '../../domain/roles';
import type { Directory, DirectoryGroup } from '../../ports/directory';
import type { DelegatedUser } from '../../ports/token-provider';
import { getAllAsUser } from './delegated-reads';
import type { GraphHttp } from './graph-http';
import { parseInstant, toActiveAssignment, toActiveRoleBase, type RawInstance } from './graph-mappers';
import { graphPaths, odataString } from './graph-paths';
import { activeGroupAccess, eligibleGroupAccess } from './pim-for-groups';
import type { RoleDefinitions } from './role-definitions';
import type { ScopeNames } from './scope-names';

/** The signed-in user's eligible and active roles: directory roles (direct and via groups) and PIM for Groups. */
export class MyRolesReader {
  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
    private readonly directory: Directory,
    private readonly roleDefinitions: RoleDefinitions,
    private readonly scopeNames: ScopeNames,
  ) {}

  async listEligibleRoles(user: DelegatedUser): Promise<EligibleRole[]> {
    const token = await user.accessToken();
    const [direct, groups, groupAccess] = await Promise.all([
      getAllAsUser<RawInstance>(this.http, graphPaths.myEligibilityInstances('directoryRole'), token),
      this.directory.listTransitiveGroups(user.userId),
      getAllAsUser<RawInstance>(this.http, graphPaths.myEligibilityInstances('groupMember'), token),
    ]);
    const viaGroups = await this.groupEligibilities(groups.filter((g) => g.isAssignableToRole !== false));

    const roles: EligibleRole[] = [];
    const seen = new Set<string>();
    const push = async (raw: RawInstance, via: EligibleRole['via']) => {
      const key = `${raw.roleDefinitionId}|${raw.directoryScopeId ?? '/'}`;
      if (seen.has(key)) return;
      seen.add(key);
      const roleId = raw.roleDefinitionId ?? '';
      const scope = raw.directoryScopeId ?? '/';
      roles.push({
        kind: 'directoryRole',
        roleId,
        roleName: await this.roleDefinitions.displayName(roleId),
        directoryScopeId: scope,
        scopeName: await this.scopeNames.nameOf(scope),
        via,
        eligibleUntil: parseInstant(raw.endDateTime),
        eligibilityScheduleId: raw.roleEligibilityScheduleId ?? undefined,
      });
    };
    // Group-derived instances (memberType Group), if the service lists them here, are attributed by the group pass.
    for (const raw of direct.filter((item) => (item.memberType ?? 'Direct').toLowerCase() !== 'group')) {
      await push(raw, { type: 'direct' });
    }
    for (const { group, instances } of viaGroups) {
      for (const raw of instances)
        await push(raw, { type: 'group', groupId: group.id, groupName: group.displayName });
    }
    roles.push(...(await eligibleGroupAccess(this.directory, groupAccess)));
    return roles;
  }

  async listActiveRoles(user: DelegatedUser): Promise<ActiveRole[]> {
    const token = await user.accessToken();
    const [roles, groupAccess] = await Promise.all([
      getAllAsUser<RawInstance>(this.http, graphPaths.myAssignmentInstances('directoryRole'), token),
      getAllAsUser<RawInstance>(this.http, graphPaths.myAssignmentInstances('groupMember'), token),
    ]);
    const active: ActiveRole[] = [];
    for (const raw of roles) {
      const item = toActiveAssignment(raw, 'directoryRole');
      active.push({
        ...toActiveRoleBase(item),
        roleName: await this.roleDefinitions.displayName(item.roleId),
        scopeName: await this.scopeNames.nameOf(item.directoryScopeId),
      });
    }
    active.push(...(await activeGroupAccess(this.directory, groupAccess)));
    return active;
  }

  /** Directory-role eligibilities the user inherits from role-assignable groups (app-only, per group). */
  private async groupEligibilities(groups: DirectoryGroup[]) {
    if (groups.length === 0) return [];
    const token = await this.appToken();
    return Promise.all(
      groups.map(async (group) => ({
        group,
        instances: await this.http.getAll<RawInstance>({
          path: graphPaths.eligibilityInstances('directoryRole'),
          query: { $filter: `principalId eq ${odataString(group.id)}` },
          token,
          operation: 'read',
        }),
      })),
    );
  }
}
