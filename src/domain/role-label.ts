import type { RoleKind } from './roles';

/**
 * How a role is named to people. PIM for Groups has two roles per group, so they say which:
 * "SG-Ops-Admins (member)", "SG-Ops-Admins (owner)". Directory roles keep their name.
 */
export function roleLabel(role: { roleName: string; kind?: RoleKind }): string {
  const which = role.kind === 'groupMember' ? ' (member)' : role.kind === 'groupOwner' ? ' (owner)' : '';
  // Some names already say which (an activation made outside Elevate is named so): never twice.
  return which && !role.roleName.endsWith(which) ? `${role.roleName}${which}` : role.roleName;
}

/**
 * How a person names the role in a command that works as written: "group SG-Ops-Admins owner" for
 * PIM for Groups (the grammar's group form), the role's name otherwise.
 */
export function roleInCommand(role: { roleName: string; kind?: RoleKind }): string {
  if (role.kind === 'groupMember') return `group ${role.roleName} member`;
  if (role.kind === 'groupOwner') return `group ${role.roleName} owner`;
  return role.roleName;
}
