import { parseDuration } from '../../durations/parse-duration';
import type { ExtendCommand } from '../command';
import { commandInvalid } from '../command-error';
import { joinTokens, tokenise } from '../tokenise';
import { splitGroupAccess } from './activate.parser';

export const EXTEND_EXAMPLE = 'extend Exchange Admin by 1h';

const UNIT = /^(?:hours?|minutes?|mins?|hrs?|days?|and)$/;
const AMOUNT = /^(?:\d+(?:[.,]\d+)?\s*[a-z]*|pt?\d\S*|an?|half)$/i;

/**
 * `extend <role>`, `extend <role> by 1h`, `extend <role> for 30m`, `extend <role> 2h`, also with
 * the amount first (`extend by 1h Exchange Admin`), and `extend group <name> owner` for PIM for
 * Groups. One role at a time.
 */
export function parseExtend(args: string): ExtendCommand {
  const tokens = tokenise(args, EXTEND_EXAMPLE);
  const words = tokens.map((token) => (token.quoted ? '' : token.text.toLowerCase()));
  let by: ExtendCommand['by'];
  let nameTokens = tokens;
  const keyword = words.findIndex((word) => word === 'by' || word === 'for');
  if (keyword >= 0 && keyword + 1 < tokens.length) {
    // The amount runs from the keyword to the role name (or the end): `by 1 hour`, `by 1h30m`.
    let end = keyword + 1;
    const unitAfterNumber = (at: number) => /^[a-z]+$/.test(words[at]) && /^\d[\d.,]*$/.test(words[at - 1]);
    while (end < tokens.length && (AMOUNT.test(words[end]) || unitAfterNumber(end) || UNIT.test(words[end])))
      end += 1;
    if (end === keyword + 1) end += 1; // let the duration parser say what is wrong
    by = parseDuration(joinTokens(tokens.slice(keyword + 1, end)));
    nameTokens = [...tokens.slice(0, keyword), ...tokens.slice(end)];
  } else if (
    tokens.length > 1 &&
    /^\d+(?:[.,]\d+)?(?:d|h|hrs?|m|mins?)(?:\d+m?)?$/i.test(words[words.length - 1])
  ) {
    by = parseDuration(tokens[tokens.length - 1].text);
    nameTokens = tokens.slice(0, -1);
  }
  if (nameTokens.some((token) => !token.quoted && token.text === ',')) {
    throw commandInvalid('Extend one role at a time.', EXTEND_EXAMPLE, { input: args });
  }
  // `extend group <name> [member|owner]`: the form activate and deactivate take for PIM for Groups.
  const first = nameTokens[0];
  if (nameTokens.length > 1 && first && !first.quoted && first.text.toLowerCase() === 'group') {
    const { head, access } = splitGroupAccess(nameTokens.slice(1));
    const group = joinTokens(head);
    if (!group) throw commandInvalid('Say which group to extend.', EXTEND_EXAMPLE, { input: args });
    return { kind: 'extend', role: group, group: access ? { access } : {}, ...(by ? { by } : {}) };
  }
  const role = joinTokens(nameTokens);
  if (!role) throw commandInvalid('Say which active role to extend.', EXTEND_EXAMPLE, { input: args });
  return { kind: 'extend', role, ...(by ? { by } : {}) };
}
