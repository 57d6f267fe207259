import type { ActivationRules, ActiveRole, EligibleRole } from '../../domain/roles';
import type { PimPolicies, PimRoles } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';

export interface RolesOverview {
  eligible: EligibleRole[];
  active: ActiveRole[];
  /** Policy limits per `${kind}:${roleId}`, for showing maximum durations and approval up front. */
  rules: Map<string, ActivationRules>;
}

/** The user's eligible roles (direct, via groups, scoped, PIM for Groups) and what is active now. */
export class ListRolesUseCase {
  constructor(private readonly pim: PimRoles & PimPolicies) {}

  async execute(actor: Actor): Promise<RolesOverview> {
    const [eligible, active] = await Promise.all([
      this.pim.listEligibleRoles(actor.delegated),
      this.pim.listActiveRoles(actor.delegated),
    ]);
    const rules = new Map<string, ActivationRules>();
    const distinct = new Map(eligible.map((role) => [`${role.kind}:${role.roleId}`, role]));
    await Promise.all(
      [...distinct.entries()].map(async ([key, role]) => {
        try {
          rules.set(key, await this.pim.getActivationRules({ kind: role.kind, roleId: role.roleId }));
        } catch {
          // The list still shows the role; limits appear when the policy can be read again.
        }
      }),
    );
    const isActive = (role: EligibleRole) =>
      active.some(
        (a) =>
          a.roleId === role.roleId && a.directoryScopeId === role.directoryScopeId && a.kind === role.kind,
      );
    return {
      eligible: sortByName(eligible.filter((role) => !isActive(role))),
      active: sortByName(active),
      rules,
    };
  }
}

function sortByName<T extends { roleName: string; scopeName: string }>(roles: T[]): T[] {
  return [...roles].sort(
    (a, b) => a.roleName.localeCompare(b.roleName) || a.scopeName.localeCompare(b.scopeName),
  );
}
