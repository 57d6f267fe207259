import type { RoleKind } from '../../../domain/roles';
import type { Directory } from '../../../ports/directory';
import type { PimRoles } from '../../../ports/pim-gateway';

/**
 * Human names for what the reconciler lists by id (role definitions, groups, scopes). The PIM
 * gateway and directory cache their reads; failures fall back to the id so a reminder still goes out.
 */
export class RoleLabels {
  constructor(
    private readonly pim: PimRoles,
    private readonly directory: Directory,
  ) {}

  async label(
    kind: RoleKind,
    roleId: string,
    directoryScopeId: string,
  ): Promise<{ roleName: string; scopeName: string }> {
    if (kind !== 'directoryRole') {
      const group = await this.directory.getGroup(roleId).catch(() => undefined);
      const name = group?.displayName ?? `Group ${roleId}`;
      const access = kind === 'groupOwner' ? 'owner' : 'member';
      return { roleName: `${name} (${access})`, scopeName: name };
    }
    const definition = await this.pim.getRoleDefinition(roleId).catch(() => undefined);
    return { roleName: definition?.displayName ?? `Role ${roleId}`, scopeName: scopeLabel(directoryScopeId) };
  }
}

export function scopeLabel(directoryScopeId: string): string {
  if (directoryScopeId === '/' || directoryScopeId === '') return 'Directory';
  const au = /^\/administrativeUnits\/([^/]+)$/.exec(directoryScopeId);
  if (au) return 'an administrative unit'; // its name could not be read: never show the id
  return directoryScopeId;
}
