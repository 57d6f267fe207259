import type { ActivateCommand, ActivateFormCommand, ActivateGroupCommand, ParseContext } from '../command';
import { commandInvalid } from '../command-error';
import { readActivationClauses, type ActivationClauses } from '../activation-clauses';
import { splitNameList } from '../split-name-list';
import { joinTokens, tokenise, type Token } from '../tokenise';

export const ACTIVATE_EXAMPLE = 'activate Exchange Admin for 2h because mailbox migration ticket INC-42';
export const ACTIVATE_GROUP_EXAMPLE = 'activate group SG-Ops-Admins owner for 1h because incident INC-7';

function options(clauses: ActivationClauses) {
  const { duration, start, startText, justification, ticket, untilText, reasonImplicit } = clauses;
  return {
    ...(untilText !== undefined ? { untilText } : {}),
    ...(reasonImplicit ? { reasonImplicit } : {}),
    ...(duration ? { duration } : {}),
    ...(start ? { start, startText } : {}),
    ...(justification !== undefined ? { justification } : {}),
    ...(ticket !== undefined ? { ticket } : {}),
  };
}

/** `<group> [as] member|owner`: the group's words and the access named after them, if any. */
export function splitGroupAccess(tokens: readonly Token[]): { head: Token[]; access?: 'member' | 'owner' } {
  const head = [...tokens];
  const last = head[head.length - 1];
  if (!last || last.quoted || !/^(member|owner)$/i.test(last.text)) return { head };
  head.pop();
  const beforeLast = head[head.length - 1];
  if (beforeLast && !beforeLast.quoted && /^as$/i.test(beforeLast.text)) head.pop();
  return { head, access: last.text.toLowerCase() as 'member' | 'owner' };
}

function parseGroup(tokens: Token[], ctx: ParseContext): ActivateGroupCommand {
  const clauses = readActivationClauses(tokens, ctx, ACTIVATE_GROUP_EXAMPLE);
  const input = joinTokens(tokens);
  if (clauses.scope !== undefined) {
    throw commandInvalid(
      'A scope applies to directory roles, not to PIM groups; leave "scope" out.',
      ACTIVATE_GROUP_EXAMPLE,
      { input },
    );
  }
  const { head, access = 'member' } = splitGroupAccess(clauses.head);
  if (head.some((token) => !token.quoted && token.text === ',')) {
    throw commandInvalid('Activate one group at a time.', ACTIVATE_GROUP_EXAMPLE, { input });
  }
  const group = joinTokens(head);
  if (!group) throw commandInvalid('Say which group to activate.', ACTIVATE_GROUP_EXAMPLE, { input });
  return { kind: 'activateGroup', group, access, ...options(clauses) };
}

/**
 * `activate <role>[, <role>…] [for …|2h|until …] [at …] [because …|free text] [ticket …|INC-1] [scope …]`,
 * `activate group <group> [member|owner] [for …] …`, or `activate` alone (the form card).
 */
export function parseActivate(
  args: string,
  ctx: ParseContext,
): ActivateCommand | ActivateGroupCommand | ActivateFormCommand {
  // `ticket:INC-1`, `because:outage` → keyword and value as separate words
  const spaced = args.replace(/\b(ticket|scope|because|reason|justification):(?=\S)/gi, '$1: ');
  const tokens = tokenise(spaced, ACTIVATE_EXAMPLE);
  if (tokens.length === 0) return { kind: 'activateForm' };
  if (!tokens[0].quoted && tokens[0].text.toLowerCase() === 'group') return parseGroup(tokens.slice(1), ctx);
  const clauses = readActivationClauses(tokens, ctx, ACTIVATE_EXAMPLE);
  const roles = splitNameList(clauses.head);
  if (roles.length === 0) {
    throw commandInvalid('Say which role to activate, before the other details.', ACTIVATE_EXAMPLE, {
      input: args,
    });
  }
  return {
    kind: 'activate',
    roles,
    ...options(clauses),
    ...(clauses.scope !== undefined ? { scope: clauses.scope } : {}),
  };
}
