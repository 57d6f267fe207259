import type { RoleKind } from '../roles';

interface RoleReference {
  kind: RoleKind;
  roleId: string;
  directoryScopeId: string;
}

/**
 * Whether two references mean the same role or group access: the same kind and id, and for an
 * Entra role the same directory scope (a group's access has one scope).
 */
export function sameRole(a: RoleReference, b: RoleReference): boolean {
  return (
    a.kind === b.kind &&
    a.roleId === b.roleId &&
    (a.kind !== 'directoryRole' || a.directoryScopeId === b.directoryScopeId)
  );
}
