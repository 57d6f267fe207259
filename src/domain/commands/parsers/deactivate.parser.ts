import type { DeactivateCommand } from '../command';
import { commandInvalid } from '../command-error';
import { splitNameList } from '../split-name-list';
import { joinTokens, tokenise } from '../tokenise';
import { splitGroupAccess } from './activate.parser';

export const DEACTIVATE_EXAMPLE = 'deactivate Exchange Admin, User Admin';
export const DEACTIVATE_GROUP_EXAMPLE = 'deactivate group SG-Ops-Admins owner';

/** `deactivate <role>[, <role>…]`, or `deactivate group <group> [member|owner]` (the form activate takes). */
export function parseDeactivate(args: string): DeactivateCommand {
  const tokens = tokenise(args, DEACTIVATE_EXAMPLE);
  if (tokens.length > 1 && !tokens[0].quoted && tokens[0].text.toLowerCase() === 'group') {
    const { head, access } = splitGroupAccess(tokens.slice(1));
    if (head.some((token) => !token.quoted && token.text === ','))
      throw commandInvalid('Deactivate one group at a time.', DEACTIVATE_GROUP_EXAMPLE, { input: args });
    const group = joinTokens(head);
    if (!group)
      throw commandInvalid('Say which group to deactivate.', DEACTIVATE_GROUP_EXAMPLE, { input: args });
    return { kind: 'deactivate', roles: [group], group: access ? { access } : {} };
  }
  const roles = splitNameList(tokens);
  if (roles.length === 0)
    throw commandInvalid('Say which role to deactivate.', DEACTIVATE_EXAMPLE, { input: args });
  return { kind: 'deactivate', roles };
}
