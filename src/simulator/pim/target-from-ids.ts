import type { Target } from './pim-types';

/** The ids that name a target in a seed schedule or a control call: a group's access, else a role at a scope ('/' by default). */
export interface TargetIds {
  roleDefinitionId?: string;
  directoryScopeId?: string;
  groupId?: string;
  accessId?: 'member' | 'owner';
}

export function targetFromIds(ids: TargetIds): Target {
  return ids.groupId
    ? { type: 'group', groupId: ids.groupId, accessId: ids.accessId ?? 'member' }
    : {
        type: 'role',
        roleDefinitionId: ids.roleDefinitionId ?? '',
        directoryScopeId: ids.directoryScopeId ?? '/',
        appScopeId: null,
      };
}
