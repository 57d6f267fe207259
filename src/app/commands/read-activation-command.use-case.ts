import type { ActivateCommand } from '../../domain/commands/command';
import { readRoleAndReason, type ActivationReading } from '../../domain/roles/split-role-and-reason';
import type { PimGateway } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';

/**
 * Settles a loosely written `activate` command against the user's eligible roles (which words are
 * the role, which the reason) before anything is sent. Only commands that may need it read PIM.
 */
export class ReadActivationCommandUseCase {
  constructor(private readonly pim: Pick<PimGateway, 'listEligibleRoles'>) {}

  async execute(actor: Actor, command: ActivateCommand): Promise<ActivationReading> {
    const loose = command.justification === undefined || command.reasonImplicit === true;
    if (command.roles.length !== 1 || command.scope !== undefined || !loose) return { kind: 'asTyped' };
    if (!command.reasonImplicit && !command.roles[0].includes(' ')) return { kind: 'asTyped' };
    const eligible = await this.pim.listEligibleRoles(actor.delegated);
    return readRoleAndReason(command, eligible);
  }
}
