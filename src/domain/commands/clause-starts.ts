import { isEndOfShift } from '../schedule/parse-end-time';
import { compileTicketPattern, isTicketWord } from './ticket-pattern';
import { joinTokens, type Token } from './tokenise';

/** Where the clauses of an activation command start and end (`for 2h`, `until 18:00`, `INC-5521`, …). */
export type ClauseKind = 'duration' | 'until' | 'start' | 'justification' | 'ticket' | 'scope';

export interface ClauseStart {
  kind: ClauseKind;
  /** Index of the first value token. */
  valueStart: number;
  /** Index after the last value token, for clauses with a fixed shape; open clauses run to the next clause. */
  valueEnd?: number;
}

const DURATION_PIECE =
  /^(\d[\d.,:]*(?:[a-z]+[\d.,]*)*|pt?\d[\dtdhmw.,]*|days?|d|hours?|hrs?|h|minutes?|mins?|m|and)$/i;
/** A complete compact duration written without "for" (`2h`, `90m`, `1h30m`, `PT2H`). */
const BARE_DURATION = /^(\d+(?:[.,]\d+)?(?:d|h|hrs?|m|mins?)(?:\d+m?)?|pt\d[\dhm]*|p\d+[dw](?:t[\dhm]+)?)$/i;
const TIME = /^(\d{1,2}(?:[:.h]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight)$/i;
const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(?:t\d{1,2}:\d{2})?$/i;
const DAY = /^(today|tomorrow)$/i;
const KEYWORDS = new Set([
  'for',
  'at',
  'on',
  'in',
  'today',
  'tomorrow',
  'because',
  'reason',
  'justification',
  'ticket',
  'scope',
  'and',
  'until',
  'till',
]);
const UNTIL = /^(?:until|till|til|untill)$/i;
export const DEFAULT_TICKET = compileTicketPattern();
const TICKET_ID = /^(?=[#\w\-./]*\d)[#A-Za-z0-9][\w\-./#]*$/;
export const TICKET_IN_TEXT = /\bticket\s*[:=]?\s*((?=[#\w\-./]*\d)[#A-Za-z0-9][\w\-/#]*(?:\.[\w\-/#]+)*)/i;

export const isSeparator = (token: Token) =>
  !token.quoted && (token.text === ',' || token.text.toLowerCase() === 'and');
const plain = (tokens: readonly Token[], index: number): string | undefined =>
  tokens[index] && !tokens[index].quoted ? tokens[index].text : undefined;
const is = (tokens: readonly Token[], index: number, pattern: RegExp): boolean =>
  pattern.test(plain(tokens, index) ?? '\u0000');

function durationEnd(tokens: readonly Token[], from: number): number {
  let end = from;
  if (is(tokens, end, /^half$/i) && is(tokens, end + 1, /^an?$/i))
    end += 2; // half an hour
  else if (is(tokens, end, /^an?$/i))
    end += 1; // an hour
  else if (!is(tokens, end, DURATION_PIECE)) return from + 1; // let the duration parser say what is wrong
  while (is(tokens, end, DURATION_PIECE)) end += 1;
  while (end > from && plain(tokens, end - 1)?.toLowerCase() === 'and') end -= 1;
  // `for 2 fortnights`: take the unknown unit too, so the duration error names it.
  const unit = plain(tokens, end)?.toLowerCase();
  if (
    end > from &&
    is(tokens, end - 1, /^\d+(?:[.,]\d+)?$/) &&
    unit &&
    /^[a-z]+$/.test(unit) &&
    !KEYWORDS.has(unit)
  ) {
    end += 1;
  }
  return end;
}

function timeEnd(tokens: readonly Token[], from: number, allowDay: boolean): number {
  let end = from;
  if (is(tokens, end, /^at$/i) && is(tokens, end + 1, TIME)) end += 1;
  if (!is(tokens, end, TIME)) return from;
  end += 1;
  if (is(tokens, end, MERIDIEM)) end += 1;
  if (allowDay && is(tokens, end, DAY)) end += 1;
  return end;
}

/**
 * Where a start-time clause beginning at `keyword` ends. Inside free text (`strict`) only
 * well-formed times count; in clause position `at <anything>` and a lone `tomorrow` are taken as
 * start times too, so the start-time parser can say what is wrong with them.
 */
function startEnd(tokens: readonly Token[], keyword: number, strict: boolean): number | undefined {
  const word = plain(tokens, keyword)?.toLowerCase();
  const next = keyword + 1;
  if (word === 'at' || word === 'on') {
    if (is(tokens, next, DATE)) return Math.max(timeEnd(tokens, next + 1, false), next + 1);
    if (word === 'at' && is(tokens, next, TIME)) return timeEnd(tokens, next, true);
    // `at tomorrow 9:00` (the README's example): the day word, then its time.
    if (word === 'at' && is(tokens, next, DAY) && timeEnd(tokens, next + 1, false) > next + 1)
      return timeEnd(tokens, next + 1, false);
    if (word === 'at' && !strict && plain(tokens, next) !== undefined && plain(tokens, next) !== ',')
      return next + 1;
    return undefined;
  }
  if (word === 'today' || word === 'tomorrow') {
    const end = timeEnd(tokens, next, false);
    if (end > next) return end;
    return strict ? undefined : next;
  }
  if (word === 'in' && is(tokens, next, /^\d/)) return durationEnd(tokens, next);
  return undefined;
}

/**
 * The clause starting at `index`, if any. `within` is the open clause (justification or scope)
 * whose text is being read: there, only well-formed clauses end the text, and "because" is a word.
 */
export function clauseAtIn(
  tokens: readonly Token[],
  index: number,
  ticketPattern: RegExp,
  within?: ClauseKind,
): ClauseStart | undefined {
  const raw = plain(tokens, index);
  if (raw === undefined) return undefined;
  const inOpenClause = within !== undefined;
  const word = raw.toLowerCase().replace(/:$/, '');
  const next = index + 1;
  const spelledOut =
    is(tokens, next, /^(an?|half)$/i) && is(tokens, next + 1, /^(an?|hours?|days?|minutes?)$/i);
  if (word === 'for' && (is(tokens, next, /^(\d|pt?\d)/i) || spelledOut)) {
    return { kind: 'duration', valueStart: next, valueEnd: durationEnd(tokens, next) };
  }
  if (UNTIL.test(word)) {
    const end = untilEnd(tokens, next, inOpenClause);
    if (end !== undefined) return { kind: 'until', valueStart: next, valueEnd: end };
  }
  const start = startEnd(tokens, index, inOpenClause);
  if (start !== undefined) return { kind: 'start', valueStart: index, valueEnd: start };
  if (['because', 'reason', 'justification'].includes(word) && within !== 'justification') {
    return { kind: 'justification', valueStart: next };
  }
  if (word === 'ticket' && is(tokens, next, TICKET_ID))
    return { kind: 'ticket', valueStart: next, valueEnd: next + 1 };
  if (word === 'scope' && tokens[next]) return { kind: 'scope', valueStart: next };
  if (!inOpenClause && BARE_DURATION.test(raw))
    return { kind: 'duration', valueStart: index, valueEnd: index + 1 };
  if (!inOpenClause && isTicketWord(raw, ticketPattern))
    return { kind: 'ticket', valueStart: index, valueEnd: index + 1 };
  return undefined;
}

/** Where `until <time>` / `till end of shift` ends; in free text (`strict`) only well-formed ends count. */
function untilEnd(tokens: readonly Token[], from: number, strict: boolean): number | undefined {
  for (const length of [5, 4, 3, 2, 1]) {
    const words = tokens.slice(from, from + length);
    if (words.length === length && words.every((t) => !t.quoted) && isEndOfShift(joinTokens(words)))
      return from + length;
  }
  if (is(tokens, from, DAY)) {
    const end = timeEnd(tokens, from + 1, false);
    if (end > from + 1) return end;
  }
  const end = timeEnd(tokens, from, true);
  if (end > from) return end;
  if (strict || plain(tokens, from) === undefined || plain(tokens, from) === ',') return undefined;
  return from + 1; // `until lunch`: taken, so the end-time parser can say what is wrong
}
