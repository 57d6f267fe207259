import { joinTokens, type Token } from './tokenise';

/**
 * Splits a list of names on commas and the word "and" (outside quotes), forgivingly (empty items,
 * as in `A, B, and C`, are skipped): `Exchange Admin, User Admin and "Skype for Business Administrator"`.
 */
export function splitNameList(tokens: readonly Token[]): string[] {
  const names: string[] = [];
  let current: Token[] = [];
  const flush = () => {
    const name = joinTokens(current);
    if (name) names.push(name);
    current = [];
  };
  for (const token of tokens) {
    if (!token.quoted && (token.text === ',' || token.text.toLowerCase() === 'and')) flush();
    else current.push(token);
  }
  flush();
  return names;
}
