import type {
  ApprovalsCommand,
  ApprovalsHereCommand,
  ApprovalsOffCommand,
  SubscribeCommand,
  SubscriptionsCommand,
  UnsubscribeCommand,
  WhoCommand,
} from '../command';
import { commandInvalid } from '../command-error';
import { splitNameList } from '../split-name-list';
import { joinTokens, tokenise } from '../tokenise';

export const SUBSCRIBE_EXAMPLE = 'subscribe Exchange Admin, User Admin';
export const UNSUBSCRIBE_EXAMPLE = 'unsubscribe Exchange Admin';
export const WHO_EXAMPLE = 'who has Exchange Admin';
export const APPROVALS_HERE_EXAMPLE = 'approvals here User Admin';

/** At most this many roles in one subscribe / unsubscribe / approvals here. */
export const MAX_ROLES_PER_CHANNEL_COMMAND = 20;

function roleList(args: string, example: string): string[] {
  const roles = splitNameList(tokenise(args, example));
  if (roles.length > MAX_ROLES_PER_CHANNEL_COMMAND) {
    throw commandInvalid(
      `That is ${roles.length} roles; name at most ${MAX_ROLES_PER_CHANNEL_COMMAND} at once.`,
      example,
      { input: args, limit: MAX_ROLES_PER_CHANNEL_COMMAND },
    );
  }
  return roles;
}

/**
 * `subscribe [<role>, …]`, `unsubscribe [<role>, …]` and `subscriptions`: one catalogue entry
 * (the word used says which).
 */
export function parseSubscriptionCommand(
  args: string,
  word: string,
): SubscribeCommand | UnsubscribeCommand | SubscriptionsCommand {
  switch (word.toLowerCase()) {
    case 'unsubscribe':
      return { kind: 'unsubscribe', roles: roleList(args, UNSUBSCRIBE_EXAMPLE) };
    case 'subscriptions':
      if (args.trim()) {
        throw commandInvalid(
          `"subscriptions" takes nothing after it, but got "${args.trim()}". To subscribe, say "subscribe" and the roles.`,
          SUBSCRIBE_EXAMPLE,
          { input: args },
        );
      }
      return { kind: 'subscriptions' };
    default:
      return { kind: 'subscribe', roles: roleList(args, SUBSCRIBE_EXAMPLE) };
  }
}

/** `who`, `board`, `who has <role>`, `who holds <role>`. */
export function parseWho(args: string): WhoCommand {
  const tokens = tokenise(args, WHO_EXAMPLE);
  const first = tokens[0];
  const hasVerb = first !== undefined && !first.quoted && /^(has|holds)$/i.test(first.text);
  const role = joinTokens(hasVerb ? tokens.slice(1) : tokens)
    .replace(/\?$/, '')
    .trim();
  if (hasVerb && !role) {
    throw commandInvalid(`Say which role after "who ${first.text}".`, WHO_EXAMPLE, { input: args });
  }
  return role ? { kind: 'who', role } : { kind: 'who' };
}

/** `approvals` (what waits for me), `approvals here [<role>, …]`, `approvals off [<role>, …]`. */
export function parseApprovalsCommand(
  args: string,
): ApprovalsCommand | ApprovalsHereCommand | ApprovalsOffCommand {
  const tokens = tokenise(args, APPROVALS_HERE_EXAMPLE);
  if (tokens.length === 0) return { kind: 'approvals' };
  const [first, ...rest] = tokens;
  const word = first.quoted ? '' : first.text.toLowerCase();
  if (word === 'here' || word === 'off') {
    const roles = roleList(joinTokens(rest), APPROVALS_HERE_EXAMPLE);
    return word === 'here' ? { kind: 'approvalsHere', roles } : { kind: 'approvalsOff', roles };
  }
  throw commandInvalid(
    `"approvals" takes "here" or "off" after it, but got "${args.trim()}". "approvals" alone lists what waits for you.`,
    APPROVALS_HERE_EXAMPLE,
    { input: args },
  );
}
