import type { EligibleRole } from '../../domain/roles';
import type { PimGateway } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';

export type OneClickChoice =
  /** Activate at once with what the button carries (the role's kind when it is still eligible). */
  | { kind: 'oneClick'; role?: EligibleRole }
  /** The policy needs a justification or ticket, which a button cannot give: show the form. */
  | { kind: 'form' };

/**
 * What an Activate button on a role card does: activate in one click, or open the activation form
 * when the role's policy asks for a justification or a ticket. A role no longer eligible, or a
 * policy that cannot be read, goes the one-click way, where the activation says what is wrong.
 */
export class OneClickOrForm {
  constructor(private readonly pim: Pick<PimGateway, 'listEligibleRoles' | 'getActivationRules'>) {}

  async choose(actor: Actor, target: { roleId: string; directoryScopeId: string }): Promise<OneClickChoice> {
    const eligible = await this.pim.listEligibleRoles(actor.delegated);
    const role = eligible.find(
      (r) => r.roleId === target.roleId && r.directoryScopeId === target.directoryScopeId,
    );
    if (!role) return { kind: 'oneClick' };
    const rules = await this.pim
      .getActivationRules({ kind: role.kind, roleId: role.roleId })
      .catch(() => undefined);
    if (rules && (rules.justificationRequired || rules.ticketRequired)) return { kind: 'form' };
    return { kind: 'oneClick', role };
  }
}
