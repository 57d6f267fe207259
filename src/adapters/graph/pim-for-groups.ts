import type { ActiveRole, EligibleRole, RoleKind } from '../../domain/roles';
import type { Directory } from '../../ports/directory';
import {
  kindOfAccess,
  parseInstant,
  toActiveAssignment,
  toActiveRoleBase,
  type RawInstance,
} from './graph-mappers';

/** PIM for Groups specifics: a group role is membership or ownership of a group, named after it. */

/** The `accessId` (and policy `roleDefinitionId`) of a group role kind. */
export function groupAccessId(kind: RoleKind): 'owner' | 'member' {
  return kind === 'groupOwner' ? 'owner' : 'member';
}

/** Display names of the groups with these ids (empty ids skipped), by id. */
export async function groupNames(directory: Directory, ids: string[]): Promise<Map<string, string>> {
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) return new Map();
  const groups = await directory.getGroups(wanted);
  return new Map(groups.map((group) => [group.id, group.displayName]));
}

/** The user's eligible group memberships/ownerships as eligible roles. */
export async function eligibleGroupAccess(directory: Directory, raw: RawInstance[]): Promise<EligibleRole[]> {
  const names = await groupNames(
    directory,
    raw.map((item) => item.groupId ?? ''),
  );
  return raw.map((item) => {
    const groupId = item.groupId ?? '';
    const name = names.get(groupId) ?? groupId;
    return {
      kind: kindOfAccess(item.accessId),
      roleId: groupId,
      roleName: name,
      directoryScopeId: '/',
      scopeName: name,
      via: { type: 'direct' },
      eligibleUntil: parseInstant(item.endDateTime),
      eligibilityScheduleId: item.eligibilityScheduleId ?? undefined,
    };
  });
}

/** The user's active group memberships/ownerships as active roles. */
export async function activeGroupAccess(directory: Directory, raw: RawInstance[]): Promise<ActiveRole[]> {
  const names = await groupNames(
    directory,
    raw.map((item) => item.groupId ?? ''),
  );
  return raw.map((item) => {
    const active = toActiveAssignment(item, kindOfAccess(item.accessId));
    const name = names.get(active.roleId) ?? active.roleId;
    return { ...toActiveRoleBase(active), roleName: name, scopeName: name };
  });
}
