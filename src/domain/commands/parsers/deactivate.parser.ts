import type { DeactivateCommand } from '../command';
import { commandInvalid } from '../command-error';
import { splitNameList } from '../split-name-list';
import { tokenise } from '../tokenise';

export const DEACTIVATE_EXAMPLE = 'deactivate Exchange Admin, User Admin';

/** `deactivate <role>[, <role>…]`. */
export function parseDeactivate(args: string): DeactivateCommand {
  const roles = splitNameList(tokenise(args, DEACTIVATE_EXAMPLE));
  if (roles.length === 0)
    throw commandInvalid('Say which role to deactivate.', DEACTIVATE_EXAMPLE, { input: args });
  return { kind: 'deactivate', roles };
}
