import type { ActivateCommand } from '../commands/command';
import type { EligibleRole } from '../roles';
import { matchRole, namesRoleExactly } from './role-matcher';

/**
 * How Elevate read a loosely written activation (`activate exchange admin prod mail outage`):
 * - `asTyped`: nothing to settle (an exact role name, several roles, or no free-text reason);
 * - `understood`: the command as read, with `role` the role it names; `confirm` when a word could
 *   belong to the role name or to the reason and the role was not named exactly, so the user sees
 *   what was understood before anything is sent.
 */
export type ActivationReading =
  | { kind: 'asTyped' }
  | { kind: 'understood'; command: ActivateCommand; role: EligibleRole; confirm: boolean };

/**
 * Settles which words of a single-role command are the role name and which are the reason, with
 * the user's eligible roles: the whole text when it names a role, else the longest leading words
 * that do, the rest joining the reason. Never guesses silently: anything but an exact name is
 * marked for confirmation.
 */
export function readRoleAndReason(
  command: ActivateCommand,
  eligible: readonly EligibleRole[],
): ActivationReading {
  if (command.roles.length !== 1 || command.scope !== undefined) return { kind: 'asTyped' };
  if (command.justification !== undefined && !command.reasonImplicit) return { kind: 'asTyped' };
  const [typed] = command.roles;
  const whole = matchRole(typed, eligible);
  if (whole.kind === 'match') {
    const exact = namesRoleExactly(typed, whole.role);
    if (exact || !command.reasonImplicit) return { kind: 'asTyped' };
    return { kind: 'understood', command, role: whole.role, confirm: true };
  }
  const words = typed.split(' ');
  for (let count = words.length - 1; count >= 1; count -= 1) {
    const name = words.slice(0, count).join(' ');
    const prefix = matchRole(name, eligible);
    if (prefix.kind !== 'match') continue;
    const reason = [words.slice(count).join(' '), command.justification].filter(Boolean).join(' ');
    return {
      kind: 'understood',
      command: { ...command, roles: [name], justification: reason, reasonImplicit: true },
      role: prefix.role,
      confirm: !namesRoleExactly(name, prefix.role),
    };
  }
  return { kind: 'asTyped' };
}
