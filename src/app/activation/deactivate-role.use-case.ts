import type { DateTime } from 'luxon';
import { deactivationAllowedAt } from '../../domain/activation/deactivation-window';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { ActiveRole, RoleKind } from '../../domain/roles';
import { matchActiveRole } from '../roles/find-active-role';
import type { Clock } from '../../ports/clock';
import type { PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { AuditLog } from '../../ports/audit-log';
import { deactivationEvent } from '../audit/activation-events';
import type { Actor } from '../shared/actor';
import { roleLabel } from '../../domain/role-label';

export type DeactivationOutcome =
  | { kind: 'deactivated'; role: ActiveRole; endedAt: DateTime }
  | { kind: 'tooSoon'; role: ActiveRole; activatedAt?: DateTime; possibleAt: DateTime }
  /** `query`: the name the user typed ('' for a button whose role is no longer active). */
  | { kind: 'notActive'; query: string; active: ActiveRole[] }
  | { kind: 'ambiguous'; query: string; candidates: ActiveRole[] }
  | { kind: 'failed'; role: ActiveRole; error: DomainError };

export type DeactivationTarget =
  | { type: 'name'; name: string; kinds?: RoleKind[] }
  | { type: 'exact'; roleId: string; directoryScopeId: string };

/**
 * selfDeactivate of an activated role. Inside PIM's first 5 minutes the answer says when it
 * becomes possible (checked locally first, and again from PIM's ActiveDurationTooShort).
 */
export class DeactivateRoleUseCase {
  constructor(private readonly deps: { pim: PimRoles & PimRequests; audit: AuditLog; clock: Clock }) {}

  async execute(actor: Actor, target: DeactivationTarget): Promise<DeactivationOutcome> {
    const outcome = await this.deactivate(actor, target);
    await this.deps.audit.record(deactivationEvent(actor, outcome));
    return outcome;
  }

  private async deactivate(actor: Actor, target: DeactivationTarget): Promise<DeactivationOutcome> {
    const active = (await this.deps.pim.listActiveRoles(actor.delegated)).filter(
      (r) => r.assignmentType === 'Activated',
    );
    const found = this.find(target, active);
    if ('outcome' in found) return found.outcome;
    const role = found.role;
    const now = this.deps.clock.now();
    if (role.startDateTime && now < deactivationAllowedAt(role.startDateTime)) {
      return {
        kind: 'tooSoon',
        role,
        activatedAt: role.startDateTime,
        possibleAt: deactivationAllowedAt(role.startDateTime),
      };
    }
    try {
      await this.deps.pim.deactivate(actor.delegated, {
        kind: role.kind,
        roleId: role.roleId,
        directoryScopeId: role.directoryScopeId,
      });
    } catch (error) {
      const domainError = isDomainError(error)
        ? error
        : new DomainError(ErrorCodes.Internal, 'Deactivation failed unexpectedly.', { cause: error });
      if (domainError.code === ErrorCodes.DeactivateTooSoon) {
        const activatedAt = role.startDateTime;
        return {
          kind: 'tooSoon',
          role,
          activatedAt,
          possibleAt: activatedAt ? deactivationAllowedAt(activatedAt) : now.plus({ minutes: 5 }),
        };
      }
      if (domainError.code === ErrorCodes.NotActive)
        return { kind: 'notActive', query: roleLabel(role), active: [] };
      return { kind: 'failed', role, error: domainError };
    }
    return { kind: 'deactivated', role, endedAt: now };
  }

  private find(
    target: DeactivationTarget,
    active: ActiveRole[],
  ): { role: ActiveRole } | { outcome: DeactivationOutcome } {
    if (target.type === 'exact') {
      const role = active.find(
        (r) => r.roleId === target.roleId && r.directoryScopeId === target.directoryScopeId,
      );
      // A stale button: its role is not active any more. The query is what the user typed, never an id.
      return role ? { role } : { outcome: { kind: 'notActive', query: '', active } };
    }
    const match = matchActiveRole(target.name, active, target.kinds);
    return match.kind === 'match' ? { role: match.role } : { outcome: match };
  }
}
