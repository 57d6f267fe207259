import type { Command, ParseContext } from './command';
import { commandInvalid } from './command-error';
import { COMMAND_CATALOGUE } from './catalogue';
import { matchCommandWord } from './match-command-word';
import { normaliseCommandText } from './normalise-command-text';
import { parseActivate } from './parsers/activate.parser';
import { parseAudit } from './parsers/audit.parser';
import { parseSettings } from './parsers/settings.parser';
import { parseCancel } from './parsers/cancel.parser';
import { parseDeactivate } from './parsers/deactivate.parser';
import { parseExtend } from './parsers/extend.parser';
import { parseRemindMe, parseReminders } from './parsers/reminders.parser';
import { parseApprovalsCommand, parseSubscriptionCommand, parseWho } from './parsers/channel.parsers';
import { parseHelp, parseRoles, parseStatus } from './parsers/simple.parsers';

/** One parser per catalogue command: (text after the command word, context, the word matched). */
export type CommandArgumentParser = (args: string, ctx: ParseContext, word: string) => Command;

export const COMMAND_PARSERS: Readonly<Record<string, CommandArgumentParser>> = {
  roles: (args) => parseRoles(args),
  activate: (args, ctx) => parseActivate(args, ctx),
  deactivate: (args) => parseDeactivate(args),
  extend: (args) => parseExtend(args),
  who: (args) => parseWho(args),
  status: (args) => parseStatus(args),
  cancel: (args) => parseCancel(args),
  approvals: (args) => parseApprovalsCommand(args),
  reminders: (args, _ctx, word) =>
    word.toLowerCase() === 'remind me' ? parseRemindMe(args) : parseReminders(args),
  subscribe: (args, _ctx, word) => parseSubscriptionCommand(args, word),
  help: (args) => parseHelp(args),
  audit: (args, ctx) => parseAudit(args, ctx),
  settings: (args) => parseSettings(args),
};

/**
 * Parses a whole chat message into a typed command (the router does the same split for chat;
 * this is for cards, tests and anything else holding a full command line). Throws CommandInvalid
 * for text that starts with no known command, listing the commands.
 */
export function parseCommand(text: string, ctx: ParseContext): Command {
  const normalised = normaliseCommandText(text);
  const match = matchCommandWord(normalised, COMMAND_CATALOGUE);
  if (!match) {
    const names = COMMAND_CATALOGUE.map((entry) => entry.name).join(', ');
    const problem = normalised ? `I don't know the command "${normalised}".` : 'The message is empty.';
    throw commandInvalid(`${problem} Commands: ${names}.`, 'help', { input: text, commands: names });
  }
  return COMMAND_PARSERS[match.name](match.rest, ctx, match.word);
}
