import { Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { EligibleRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions } from '../../domain/audit/audit-actions';
import { actorFields, roleFields } from '../audit/activation-events';
import type { Actor } from '../shared/actor';
import { isAwaitingApproval } from '../../domain/activation/request-status';
import { roleLabel } from '../../domain/role-label';

/** Extensions are asked for this long; the administrator who approves it in PIM may change it. */
export const ELIGIBILITY_EXTENSION = Duration.fromObject({ days: 180 });
const MAX_JUSTIFICATION = 500;

export interface EligibilityExtensionOutcome {
  role: EligibleRole;
  request: PimRequest;
  duration: Duration;
}

/**
 * "Request extension" on an eligibility that ends within 14 days: PIM selfExtend with the
 * user's justification. An administrator decides in PIM (Graph cannot approve extensions).
 */
export class RequestEligibilityExtensionUseCase {
  constructor(private readonly deps: { pim: PimRoles & PimRequests; audit: AuditLog; clock: Clock }) {}

  async execute(input: {
    actor: Actor;
    roleId: string;
    directoryScopeId: string;
    justification: string;
  }): Promise<EligibilityExtensionOutcome> {
    const justification = input.justification.trim();
    if (!justification) {
      throw new DomainError(ErrorCodes.JustificationRequired, 'An extension request needs a reason.', {
        remedy: 'Write why you still need the role in the box on the card, then press Request extension.',
      });
    }
    if (justification.length > MAX_JUSTIFICATION) {
      throw new DomainError(
        ErrorCodes.JustificationTooLong,
        `The reason is ${justification.length} characters long; at most ${MAX_JUSTIFICATION} are allowed.`,
        { remedy: 'Shorten the reason and press Request extension again.' },
      );
    }
    const eligible = await this.deps.pim.listEligibleRoles(input.actor.delegated);
    const role = eligible.find(
      (r) => r.roleId === input.roleId && r.directoryScopeId === input.directoryScopeId,
    );
    if (!role) {
      throw new DomainError(
        ErrorCodes.NotEligible,
        'You are no longer eligible for that role, so it cannot be extended.',
        {
          remedy: 'Ask your PIM administrator to assign the eligibility again.',
          details: { roleId: input.roleId, directoryScopeId: input.directoryScopeId },
        },
      );
    }
    if (role.via.type === 'group') {
      throw new DomainError(
        ErrorCodes.NotEligible,
        `Your eligibility for ${roleLabel(role)} comes from the group ${role.via.groupName}, so only that group's eligibility can be extended.`,
        { remedy: `Ask the owner of ${role.via.groupName} or your PIM administrator to extend it.` },
      );
    }
    const request = await this.deps.pim.extend(input.actor.delegated, {
      kind: role.kind,
      roleId: role.roleId,
      directoryScopeId: role.directoryScopeId,
      duration: ELIGIBILITY_EXTENSION,
      justification,
    });
    await this.deps.audit.record({
      ...actorFields(input.actor),
      ...roleFields(role),
      action: AuditActions.eligibilityExtensionRequested,
      outcome: isAwaitingApproval(request.status) ? 'pending' : 'succeeded',
      requestId: request.id,
      justification,
      details: { status: request.status },
    });
    return { role, request, duration: ELIGIBILITY_EXTENSION };
  }
}
