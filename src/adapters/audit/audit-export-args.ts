import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { parseDuration } from '../../domain/durations';
import { isDomainError } from '../../domain/errors';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from './audit-export-formats';

export const AUDIT_EXPORT_USAGE = `Usage: npm run -s audit:export -- --since <when> --format csv|jsonl [--out FILE]

Writes the audit trail from <when> on, oldest first, for a SIEM:
  --since   a duration back from now (7d, 12h, 90m) or a UTC date or time (2026-11-30, 2026-11-30T08:00:00Z)
  --format  csv (RFC 4180, with a header row) or jsonl (one JSON object per line)
  --out     the file to write (replaced if it exists); standard output when absent
The store is the one Elevate uses: DATABASE_URL (PostgreSQL) or SQLITE_PATH (default .data/elevate.sqlite).`;

export interface AuditExportOptions {
  since: DateTime;
  format: AuditExportFormat;
  out?: string;
}

/** A bad command line: the message says what was wrong and what is allowed (exit code 2). */
export class AuditExportUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n\n${AUDIT_EXPORT_USAGE}`);
    this.name = 'AuditExportUsageError';
  }
}

const MAX_ARGUMENT_LENGTH = 4096;

/** Reads the command line; `help` when --help was asked for. */
export function parseAuditExportArgs(argv: string[], now: DateTime): AuditExportOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new AuditExportUsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.length > MAX_ARGUMENT_LENGTH)
      throw new AuditExportUsageError(
        `--${name} is ${value.length} characters long; at most ${MAX_ARGUMENT_LENGTH}.`,
      );
  }
  if (values.since === undefined)
    throw new AuditExportUsageError('--since is missing: say how far back to export.');
  if (values.format === undefined) throw new AuditExportUsageError('--format is missing: csv or jsonl.');
  const format = values.format.toLowerCase();
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AuditExportUsageError(`--format "${values.format}" is not a format I write: use csv or jsonl.`);
  }
  if (values.out !== undefined && !values.out.trim())
    throw new AuditExportUsageError('--out is empty: name a file.');
  return { since: sinceOf(values.since, now), format: format as AuditExportFormat, out: values.out };
}

function sinceOf(value: string, now: DateTime): DateTime {
  const text = value.trim();
  let since: DateTime | undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const parsed = DateTime.fromISO(text, { zone: 'utc' });
    if (!parsed.isValid) {
      throw new AuditExportUsageError(
        `--since "${value}" is not a valid date or time (${parsed.invalidExplanation ?? 'unreadable'}).`,
      );
    }
    since = parsed;
  } else {
    try {
      since = now.minus(parseDuration(text));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new AuditExportUsageError(
        `--since "${value}" is neither a duration (7d, 12h, 90m) nor a date (2026-11-30) or UTC time (2026-11-30T08:00:00Z).`,
      );
    }
  }
  if (since > now)
    throw new AuditExportUsageError(`--since "${value}" is in the future; nothing was recorded after now.`);
  return since.toUTC();
}
