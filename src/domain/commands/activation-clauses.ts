import { parseDuration } from '../durations/parse-duration';
import { durationUntil } from '../schedule/parse-end-time';
import { parseStartTime } from '../schedule/parse-start-time';
import { clauseAtIn, DEFAULT_TICKET, isSeparator, TICKET_IN_TEXT, type ClauseKind } from './clause-starts';
import type { ActivationOptions, ParseContext } from './command';
import { commandInvalid } from './command-error';
import { isTicketWord } from './ticket-pattern';
import { joinTokens, type Token } from './tokenise';

export interface ActivationClauses extends ActivationOptions {
  /** Tokens before the first clause: the role list, or the group name and access. */
  head: Token[];
  scope?: string;
}

const CLAUSE_NAMES: Record<ClauseKind, string> = {
  duration: 'duration (for …)',
  until: 'end time (until …)',
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
  const pattern = ctx.ticketPattern ?? DEFAULT_TICKET;
  const clauseAt = (at: number, within?: ClauseKind) => clauseAtIn(tokens, at, pattern, within);
  const result: ActivationClauses = { head: [] };
  const seen = new Map<ClauseKind, string>();
  let index = 0;
  while (index < tokens.length && !clauseAt(index)) index += 1;
  result.head = tokens.slice(0, index);

  while (index < tokens.length) {
    if (isSeparator(tokens[index])) {
      index += 1; // `ticket INC-1, because …`, `for 2h and ticket INC-1`
      continue;
    }
    let clause = clauseAt(index);
    if (!clause && !seen.has('justification')) {
      // `activate GA 2h prod mail outage`: free text after the role is the reason, "because" or not.
      clause = { kind: 'justification', valueStart: index };
      result.reasonImplicit = true;
    }
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
        const next = clauseAt(at, clause.kind);
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
    if (clause.kind === 'justification' && !(value.length === 1 && value[0].quoted)) {
      takeTicketFromReason(result, value, pattern);
    }
    applyClause(result, clause.kind, value, ctx, example, input);
    index = end;
  }

  if (result.ticket === undefined && result.justification) {
    const inText = TICKET_IN_TEXT.exec(result.justification);
    if (inText) result.ticket = inText[1];
  }
  if (result.untilText !== undefined) {
    if (result.duration) {
      throw commandInvalid(
        `Give either a duration ("${seen.get('duration')}") or an end time ("${seen.get('until')}"), not both.`,
        example,
        { input },
      );
    }
    result.duration = durationUntil(result.untilText, result.start ?? ctx.now, {
      now: ctx.now,
      zone: ctx.zone,
      shiftEnd: ctx.shiftEnd,
    });
  }
  return result;
}

/**
 * A ticket id by the tenant's pattern at the start or end of an unquoted reason
 * (`prod mail outage INC-5521`) is the ticket, and leaves the reason; one in the middle stays in
 * the reason and is also taken as the ticket. Only when no ticket is given separately.
 */
function takeTicketFromReason(result: ActivationClauses, value: Token[], pattern: RegExp): void {
  if (result.ticket !== undefined) return;
  const isTicket = (token: Token | undefined) =>
    token !== undefined && !token.quoted && isTicketWord(token.text, pattern);
  const last = value[value.length - 1];
  if (value.length > 1 && isTicket(last)) {
    result.ticket = last.text.replace(/[.,;:]+$/, '');
    value.pop();
    while (value.length > 1 && isSeparator(value[value.length - 1])) value.pop();
    return;
  }
  if (value.length > 1 && isTicket(value[0])) {
    result.ticket = value[0].text.replace(/[.,;:]+$/, '');
    value.shift();
    while (value.length > 1 && isSeparator(value[0])) value.shift();
    return;
  }
  const inside = value.find(isTicket);
  if (inside) result.ticket = inside.text.replace(/[.,;:]+$/, '');
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
    case 'until':
      result.untilText = text;
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
