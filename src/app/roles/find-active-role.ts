import { matchRole } from '../../domain/roles/role-matcher';
import type { ActiveRole, EligibleRole, RoleKind } from '../../domain/roles';

export type ActiveRoleMatch =
  | { kind: 'match'; role: ActiveRole }
  | { kind: 'ambiguous'; query: string; candidates: ActiveRole[] }
  | { kind: 'notActive'; query: string; active: ActiveRole[] };

/**
 * Which of these active roles a typed name means (`deactivate <role>`, `extend <role>`), among
 * those of `kinds` when given (`deactivate group <name> owner` looks at group ownerships only).
 */
export function matchActiveRole(name: string, active: ActiveRole[], kinds?: RoleKind[]): ActiveRoleMatch {
  const candidates = kinds ? active.filter((r) => kinds.includes(r.kind)) : active;
  if (candidates.length === 0) return { kind: 'notActive', query: name, active };
  const asEligible: EligibleRole[] = candidates.map((role) => ({
    kind: role.kind,
    roleId: role.roleId,
    roleName: role.roleName,
    directoryScopeId: role.directoryScopeId,
    scopeName: role.scopeName,
    via: { type: 'direct' },
  }));
  const back = (role: EligibleRole) =>
    candidates.find(
      (r) => r.kind === role.kind && r.roleId === role.roleId && r.directoryScopeId === role.directoryScopeId,
    ) as ActiveRole;
  const match = matchRole(name, asEligible);
  if (match.kind === 'match') return { kind: 'match', role: back(match.role) };
  if (match.kind === 'ambiguous')
    return { kind: 'ambiguous', query: name, candidates: match.candidates.map(back) };
  return { kind: 'notActive', query: name, active };
}
