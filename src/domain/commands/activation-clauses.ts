import { parseDuration } from '../durations/parse-duration';
import { parseStartTime } from '../schedule/parse-start-time';
import type { ActivationOptions, ParseContext } from './command';
import { commandInvalid } from './command-error';
import { joinTokens, type Token } from './tokenise';

type ClauseKind = 'duration' | 'start' | 'justification' | 'ticket' | 'scope';

interface ClauseStart {
  kind: ClauseKind;
  /** Index of the first value token. */
  valueStart: number;
  /** Index after the last value token, for clauses with a fixed shape; open clauses run to the next clause. */
  valueEnd?: number;
}

export interface ActivationClauses extends ActivationOptions {
  /** Tokens before the first clause: the role list, or the group name and access. */
  head: Token[];
  scope?: string;
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
]);
const TICKET_ID = /^(?=[#\w\-./]*\d)[#A-Za-z0-9][\w\-./#]*$/;
const TICKET_IN_TEXT = /\bticket\s*[:=]?\s*((?=[#\w\-./]*\d)[#A-Za-z0-9][\w\-/#]*(?:\.[\w\-/#]+)*)/i;

const isSeparator = (token: Token) =>
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
function clauseAt(tokens: readonly Token[], index: number, within?: ClauseKind): ClauseStart | undefined {
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
  return undefined;
}

const CLAUSE_NAMES: Record<ClauseKind, string> = {
  duration: 'duration (for …)',
  start: 'start time (at …)',
  justification: 'justification (because …)',
  ticket: 'ticket',
  scope: 'scope',
};

function valueText(tokens: readonly Token[]): string {
  return tokens.length === 1 && tokens[0].quoted ? tokens[0].text : joinTokens(tokens);
}

/**
 * Reads `<head> [for <duration>] [at <time> | tomorrow <time>] [because <text>] [ticket <id>]
 * [scope <name>]` with the clauses in any order. Justification and scope run until the next
 * clause (quote them to keep words like "for 2h" or "ticket 1" inside); a ticket written inside a
 * quoted justification is taken as the ticket when none is given separately. A bare compact
 * duration (`activate User Admin 2h`) counts as `for 2h`.
 */
export function readActivationClauses(
  tokens: readonly Token[],
  ctx: ParseContext,
  example: string,
): ActivationClauses {
  const input = joinTokens(tokens);
  const result: ActivationClauses = { head: [] };
  const seen = new Map<ClauseKind, string>();
  let index = 0;
  while (index < tokens.length && !clauseAt(tokens, index)) index += 1;
  result.head = tokens.slice(0, index);

  while (index < tokens.length) {
    if (isSeparator(tokens[index])) {
      index += 1; // `ticket INC-1, because …`, `for 2h and ticket INC-1`
      continue;
    }
    const clause = clauseAt(tokens, index);
    if (!clause) {
      const previous = joinTokens(tokens.slice(Math.max(0, index - 2), index));
      throw commandInvalid(
        `I did not understand "${joinTokens(tokens.slice(index))}" after "${previous}".`,
        example,
        {
          input,
        },
      );
    }
    let end = clause.valueEnd ?? clause.valueStart;
    if (clause.valueEnd === undefined) {
      // Open text runs to the next clause not given yet (a repeated one is just words in it).
      const endsText = (at: number) => {
        const next = clauseAt(tokens, at, clause.kind);
        return next !== undefined && next.kind !== clause.kind && !seen.has(next.kind);
      };
      while (end < tokens.length && !endsText(end)) end += 1;
    }
    let valueEnd = end;
    while (valueEnd > clause.valueStart && isSeparator(tokens[valueEnd - 1])) valueEnd -= 1;
    const value = tokens.slice(clause.valueStart, valueEnd);
    const keywordText = joinTokens(tokens.slice(index, end));
    if (seen.has(clause.kind)) {
      throw commandInvalid(
        `The ${CLAUSE_NAMES[clause.kind]} is given twice ("${seen.get(clause.kind)}" and "${keywordText}"); give it once.`,
        example,
        { input },
      );
    }
    seen.set(clause.kind, keywordText);
    applyClause(result, clause.kind, value, ctx, example, input);
    index = end;
  }

  if (result.ticket === undefined && result.justification) {
    const inText = TICKET_IN_TEXT.exec(result.justification);
    if (inText) result.ticket = inText[1];
  }
  return result;
}

function applyClause(
  result: ActivationClauses,
  kind: ClauseKind,
  value: Token[],
  ctx: ParseContext,
  example: string,
  input: string,
): void {
  const text = valueText(value);
  switch (kind) {
    case 'duration':
      result.duration = parseDuration(text);
      return;
    case 'start':
      result.start = parseStartTime(text, ctx);
      result.startText = text;
      return;
    case 'justification':
      if (!text) throw commandInvalid('Say why after "because".', example, { input });
      result.justification = text;
      return;
    case 'ticket':
      result.ticket = text.replace(/[.,;:]+$/, '');
      return;
    case 'scope':
      if (!text)
        throw commandInvalid('Name the scope after "scope" (an administrative unit).', example, { input });
      result.scope = text;
      return;
  }
}
