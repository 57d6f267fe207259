/**
 * The default shape of a ticket id a command may carry without the word "ticket": a project or
 * queue key, a dash and a number (`INC-5521`, `CHG42-7`). Tenants set their own with TICKET_PATTERN.
 */
export const DEFAULT_TICKET_PATTERN = '[A-Z][A-Z0-9]+-\\d+';

/**
 * A whole-word, case-insensitive matcher for the ticket pattern (`inc-5521` typed in a hurry is
 * still a ticket). Throws on a pattern that is not a valid regular expression.
 */
export function compileTicketPattern(source: string = DEFAULT_TICKET_PATTERN): RegExp {
  return new RegExp(`^(?:${source})$`, 'i');
}

/** True when `word` is a ticket id by `pattern` (trailing sentence punctuation ignored). */
export function isTicketWord(word: string, pattern: RegExp): boolean {
  return pattern.test(word.replace(/[.,;:]+$/, ''));
}

/** Compiles a pattern once and again only when it changes (the admins' setting may change). */
export function ticketPatternCache(): { of(source: string): RegExp } {
  let last: { source: string; pattern: RegExp } | undefined;
  return {
    of(source) {
      if (last?.source !== source) last = { source, pattern: compileTicketPattern(source) };
      return last.pattern;
    },
  };
}
