import type { RoleKind } from '../../../domain/roles';

/**
 * How a role is named to people. PIM for Groups has two roles per group, so they say which:
 * "SG-Ops-Admins (member)", "SG-Ops-Admins (owner)". Directory roles keep their name.
 */
export function roleLabel(role: { roleName: string; kind?: RoleKind }): string {
  if (role.kind === 'groupMember') return `${role.roleName} (member)`;
  if (role.kind === 'groupOwner') return `${role.roleName} (owner)`;
  return role.roleName;
}
