import type { ApprovalsCommand, HelpCommand, RolesCommand, StatusCommand } from '../command';
import { commandInvalid } from '../command-error';
import { matchCommandWord } from '../match-command-word';
import { COMMAND_CATALOGUE } from '../catalogue';

function noArguments(word: string, args: string, example: string): void {
  if (args.trim()) {
    throw commandInvalid(`"${word}" takes nothing after it, but got "${args.trim()}".`, example, {
      input: args,
    });
  }
}

export function parseRoles(args: string): RolesCommand {
  noArguments('roles', args, 'my roles');
  return { kind: 'roles' };
}

export function parseStatus(args: string): StatusCommand {
  noArguments('status', args, 'status');
  return { kind: 'status' };
}

export function parseApprovals(args: string): ApprovalsCommand {
  noArguments('approvals', args, 'approvals');
  return { kind: 'approvals' };
}

/** `help` or `help <command>`; an unknown topic is ignored (plain help is the useful answer). */
export function parseHelp(args: string): HelpCommand {
  const topic = matchCommandWord(args.trim(), COMMAND_CATALOGUE);
  return topic ? { kind: 'help', topic: topic.name } : { kind: 'help' };
}
