import { DomainError, ErrorCodes } from './errors';
import { MAX_JUSTIFICATION_LENGTH, MAX_TICKET_LENGTH } from './activation/activation-limits';

/**
 * Size limits on everything a person can type, checked before any work is done on it, so one
 * message can never cost the service more than a bounded amount (string distances, Graph calls,
 * messages sent). Justification and ticket limits live with the activation rules.
 */
export const INPUT_LIMITS = {
  /** Longest chat message Elevate reads: room for ten role names, a 500-character reason and a ticket. */
  message: 4_000,
  /** Longest role or group name (Entra display names are at most 256 characters). */
  roleName: 256,
  justification: MAX_JUSTIFICATION_LENGTH,
  ticket: MAX_TICKET_LENGTH,
} as const;

/** Default for MAX_ROLES_PER_REQUEST: roles one `activate` or `deactivate` may name. */
export const DEFAULT_MAX_ROLES_PER_REQUEST = 10;

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a chat message longer than INPUT_LIMITS.message, before it is parsed. */
export function checkMessageLength(text: string): void {
  if (text.length <= INPUT_LIMITS.message) return;
  throw new DomainError(
    ErrorCodes.InputTooLong,
    `Your message is ${count(text.length)} characters long; Elevate reads commands of up to ${count(INPUT_LIMITS.message)} characters.`,
    {
      remedy:
        'Send a shorter command: role names, a duration, a short reason and a ticket number are enough. Say "help" for examples.',
      details: { length: text.length, allowed: INPUT_LIMITS.message },
    },
  );
}

/**
 * Checks the role names of one `activate` / `deactivate` request: at most `maxRoles` of them, each
 * at most INPUT_LIMITS.roleName characters. `verb` is the command word for the messages.
 */
export function checkRoleNames(names: readonly string[], maxRoles: number, verb: string): void {
  if (names.length > maxRoles) {
    throw new DomainError(
      ErrorCodes.TooManyRoles,
      `You named ${count(names.length)} roles in one request; Elevate can ${verb} up to ${maxRoles} at a time.`,
      {
        remedy: `Split them into requests of ${maxRoles} roles or fewer, for example "${verb} ${names.slice(0, 2).map(shorten).join(', ')}".`,
        details: { requested: names.length, allowed: maxRoles },
      },
    );
  }
  const long = names.find((name) => name.length > INPUT_LIMITS.roleName);
  if (long !== undefined) {
    throw new DomainError(
      ErrorCodes.InputTooLong,
      `The role name "${shorten(long)}" is ${count(long.length)} characters long; role names have at most ${INPUT_LIMITS.roleName}.`,
      {
        remedy: 'Check the name, or say "roles" to see the roles you can use and their exact names.',
        details: { length: long.length, allowed: INPUT_LIMITS.roleName },
      },
    );
  }
}

function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
