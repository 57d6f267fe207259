import { matchRole } from '../../domain/roles/role-matcher';
import type { ActiveRole, EligibleRole } from '../../domain/roles';
import type { PimGateway } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';

export type ActiveRoleMatch =
  | { kind: 'match'; role: ActiveRole }
  | { kind: 'ambiguous'; query: string; candidates: ActiveRole[] }
  | { kind: 'notActive'; query: string; active: ActiveRole[] };

/** Which of the user's active (activated) roles a typed name means, for `extend <role>`. */
export async function findActiveRole(
  pim: Pick<PimGateway, 'listActiveRoles'>,
  actor: Actor,
  name: string,
): Promise<ActiveRoleMatch> {
  const active = (await pim.listActiveRoles(actor.delegated)).filter((r) => r.assignmentType === 'Activated');
  if (active.length === 0) return { kind: 'notActive', query: name, active };
  const asEligible: EligibleRole[] = active.map((role) => ({
    kind: role.kind,
    roleId: role.roleId,
    roleName: role.roleName,
    directoryScopeId: role.directoryScopeId,
    scopeName: role.scopeName,
    via: { type: 'direct' },
  }));
  const back = (role: EligibleRole) =>
    active.find(
      (r) => r.kind === role.kind && r.roleId === role.roleId && r.directoryScopeId === role.directoryScopeId,
    ) as ActiveRole;
  const match = matchRole(name, asEligible);
  if (match.kind === 'match') return { kind: 'match', role: back(match.role) };
  if (match.kind === 'ambiguous')
    return { kind: 'ambiguous', query: name, candidates: match.candidates.map(back) };
  return { kind: 'notActive', query: name, active };
}
