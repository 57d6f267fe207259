import { DateTime } from 'luxon';
import type { AuditCommand, ParseContext } from '../command';
import { commandInvalid } from '../command-error';
import { parseDuration } from '../../durations/parse-duration';
import { DomainError, ErrorCodes, isDomainError } from '../../errors';
import { INPUT_LIMITS } from '../../input-limits';

export const AUDIT_EXAMPLE = 'audit Exchange Administrator since 7d';

/** The `since` forms the audit command reads, shown whenever one cannot be read. */
export const AUDIT_SINCE_FORMS = ['7d', '12h', '2 hours', 'today', 'yesterday', '30 Nov', '2026-11-30'];

/** Furthest back `since` may reach: the trail is kept longer, but a chat card is no place for it. */
export const MAX_AUDIT_LOOKBACK_DAYS = 400;

const DATE_FORMATS = [
  'yyyy-MM-dd',
  'd LLL',
  'd LLLL',
  'LLL d',
  'LLLL d',
  'd LLL yyyy',
  'd LLLL yyyy',
  'LLL d yyyy',
];

/**
 * `audit [user|role] [<name>] [since <date|duration>]`: the audit trail, for admins. `since 7d` is
 * seven days back from now; a date is the start of that day in the reader's time zone.
 */
export function parseAudit(args: string, ctx: ParseContext): AuditCommand {
  const text = args.trim();
  const sinceAt = /(?:^|\s)since(?:\s+|$)/i.exec(text);
  let subjectText = sinceAt ? text.slice(0, sinceAt.index).trim() : text;
  const sinceText = sinceAt ? text.slice(sinceAt.index + sinceAt[0].length).trim() : undefined;

  let kind: 'user' | 'role' | undefined;
  const typed = /^(user|role)\b\s*/i.exec(subjectText);
  if (typed) {
    kind = typed[1].toLowerCase() as 'user' | 'role';
    subjectText = subjectText.slice(typed[0].length).trim();
    if (!subjectText) {
      throw commandInvalid(
        `Say which ${kind} after "${kind}".`,
        `audit ${kind} ${kind === 'user' ? 'alex@contoso.com' : 'Global Reader'}`,
        {
          input: args,
        },
      );
    }
  }
  const subject = subjectText.replace(/^"(.*)"$/, '$1').trim();
  if (subject.length > INPUT_LIMITS.roleName) {
    throw new DomainError(
      ErrorCodes.InputTooLong,
      `That name is ${subject.length.toLocaleString('en-US')} characters long; user and role names have at most ${INPUT_LIMITS.roleName}.`,
      {
        remedy: `Check the name, for example: "${AUDIT_EXAMPLE}".`,
        details: { allowed: INPUT_LIMITS.roleName },
      },
    );
  }
  const command: AuditCommand = { kind: 'audit' };
  if (subject) command.subject = { text: subject, ...(kind ? { kind } : {}) };
  if (sinceText !== undefined) command.since = parseSince(sinceText, ctx);
  return command;
}

function sinceInvalid(input: string, problem: string): DomainError {
  return new DomainError(ErrorCodes.CommandInvalid, `"since ${input}" ${problem}.`, {
    remedy: `Give how far back as a duration or a date: ${AUDIT_SINCE_FORMS.map((f) => `since ${f}`).join(', ')}.`,
    details: { acceptedForms: AUDIT_SINCE_FORMS.join(', ') },
  });
}

/** A duration back from now, today / yesterday, or a date (start of that day in the reader's zone). */
export function parseSince(input: string, ctx: ParseContext): DateTime {
  const text = input.replace(/[.!?]+$/, '').trim();
  if (!text) throw sinceInvalid(input, 'is missing how far back to look');
  const today = ctx.now.setZone(ctx.zone).startOf('day');
  let since: DateTime | undefined;
  const word = text.toLowerCase();
  if (word === 'today') since = today;
  else if (word === 'yesterday') since = today.minus({ days: 1 });
  else since = dateOf(text, ctx, today) ?? durationBack(text, ctx);
  if (!since) throw sinceInvalid(input, 'is neither a duration nor a date I can read');
  if (since > ctx.now) throw sinceInvalid(input, 'is in the future, so there is nothing to show yet');
  if (ctx.now.diff(since, 'days').days > MAX_AUDIT_LOOKBACK_DAYS) {
    throw sinceInvalid(
      input,
      `reaches back more than ${MAX_AUDIT_LOOKBACK_DAYS} days; use "npm run audit:export" for that`,
    );
  }
  return since.toUTC();
}

function dateOf(text: string, ctx: ParseContext, today: DateTime): DateTime | undefined {
  for (const format of DATE_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone: ctx.zone, locale: 'en-GB' });
    if (!parsed.isValid) continue;
    // A date without a year is the latest such date that is not in the future.
    if (!format.includes('yyyy') && parsed > today) return parsed.minus({ years: 1 });
    return parsed;
  }
  return undefined;
}

function durationBack(text: string, ctx: ParseContext): DateTime | undefined {
  try {
    return ctx.now.minus(parseDuration(text));
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}
