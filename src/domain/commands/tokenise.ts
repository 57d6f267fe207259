import { commandInvalid } from './command-error';

export interface Token {
  /** The token text; for quoted tokens, the text inside the quotes. */
  text: string;
  quoted: boolean;
}

/**
 * Splits command arguments into words, keeping "double-quoted text" as one token and commas as
 * their own tokens (so they can separate role names). Throws CommandInvalid on an unclosed quote.
 */
export function tokenise(args: string, example: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"|(,)|([^\s,"]+)|(")/g;
  for (const match of args.matchAll(pattern)) {
    if (match[4] !== undefined) {
      throw commandInvalid('A quotation mark is not closed.', example, { input: args });
    }
    if (match[1] !== undefined) tokens.push({ text: match[1].trim(), quoted: true });
    else if (match[2] !== undefined) tokens.push({ text: ',', quoted: false });
    else tokens.push({ text: match[3], quoted: false });
  }
  return tokens;
}

/** Joins tokens back into text: single spaces, no space before commas. */
export function joinTokens(tokens: readonly Token[]): string {
  return tokens
    .map((token) => token.text)
    .join(' ')
    .replace(/\s+,/g, ',')
    .trim();
}
