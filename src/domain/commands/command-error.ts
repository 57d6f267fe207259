import { DomainError, ErrorCodes } from '../errors';

/** A CommandInvalid error that names the problem and shows a command that would work. */
export function commandInvalid(
  problem: string,
  example: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(ErrorCodes.CommandInvalid, `${problem} For example: "${example}".`, {
    remedy: `Try "${example}", or say "help" to see every command.`,
    details: { ...details, example },
  });
}
