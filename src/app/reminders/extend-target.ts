import { DomainError, ErrorCodes } from '../../domain/errors';
import type { ActiveRole, RoleKind } from '../../domain/roles';
import type { PimRoles } from '../../ports/pim-gateway';
import { matchActiveRole, type ActiveRoleMatch } from '../roles/find-active-role';
import type { Actor } from '../shared/actor';

/**
 * Which activation Extend is for: exactly (a reminder's or a card's button, a step-up resume), or
 * by the name the person typed (`extend exchange admin`, among `kinds` when given).
 */
export type ExtendTarget =
  { roleId: string; directoryScopeId: string } | { name: string; kinds?: RoleKind[] };

/** A typed name that matches no activation, or several (nothing was changed). */
export type NoActivationNamed =
  | { kind: 'notActive'; query: string; active: ActiveRole[]; kinds?: RoleKind[] }
  | { kind: 'ambiguous'; query: string; candidates: ActiveRole[] };

/** The person's activated roles (not permanent assignments): what Extend can act on. */
export async function activatedRoles(
  pim: Pick<PimRoles, 'listActiveRoles'>,
  actor: Actor,
): Promise<ActiveRole[]> {
  return (await pim.listActiveRoles(actor.delegated)).filter((role) => role.assignmentType === 'Activated');
}

/** The activation the target means, read from PIM once. An exact target that is gone is an error. */
export async function findExtendTarget(
  pim: Pick<PimRoles, 'listActiveRoles'>,
  actor: Actor,
  target: ExtendTarget,
): Promise<Extract<ActiveRoleMatch, { kind: 'match' }> | NoActivationNamed> {
  const active = await activatedRoles(pim, actor);
  if ('name' in target) {
    const found = matchActiveRole(target.name, active, target.kinds);
    return found.kind === 'notActive' ? { ...found, kinds: target.kinds } : found;
  }
  const role = active.find(
    (r) => r.roleId === target.roleId && r.directoryScopeId === target.directoryScopeId,
  );
  if (role) return { kind: 'match', role };
  throw new DomainError(
    ErrorCodes.NotActive,
    'This role is not active any more, so there is nothing to extend.',
    {
      remedy: 'Say "activate" and the role name (or use Activate again on the card) to activate it again.',
      details: { roleId: target.roleId, directoryScopeId: target.directoryScopeId },
    },
  );
}
