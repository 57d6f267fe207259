import fs from 'node:fs';
import os from 'node:os';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Clock } from '../../ports/clock';
import type { AuditLog } from '../../ports/audit-log';
import { auditTrailSince } from '../../app/audit/export-audit-trail';
import { AuditActions } from '../../domain/audit/audit-actions';
import { csvHeader, csvLine, jsonLine } from './audit-export-formats';
import { AUDIT_EXPORT_USAGE, AuditExportUsageError, parseAuditExportArgs } from './audit-export-args';

export interface AuditExportIo {
  argv: string[];
  stdout: Writable;
  stderr: Pick<Writable, 'write'>;
  clock: Pick<Clock, 'now'>;
  /** Opens the audit trail (the store from the environment); closed when the export ends. */
  openAuditLog(): Promise<{ audit: AuditLog; close(): Promise<void> }>;
}

/**
 * `npm run audit:export`: streams the trail to a file or standard output with back-pressure (one
 * store page in memory at a time) and records the export itself. Returns the exit code: 0 done,
 * 1 failed, 2 bad arguments.
 */
export async function runAuditExport(io: AuditExportIo): Promise<number> {
  let options: ReturnType<typeof parseAuditExportArgs>;
  try {
    options = parseAuditExportArgs(io.argv, io.clock.now());
  } catch (error) {
    if (!(error instanceof AuditExportUsageError)) throw error;
    io.stderr.write(`audit:export: ${error.message}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stderr.write(`${AUDIT_EXPORT_USAGE}\n`);
    return 0;
  }
  const { audit, close } = await io.openAuditLog();
  let count = 0;
  try {
    const { format, since, out } = options;
    async function* lines(): AsyncGenerator<string> {
      if (format === 'csv') yield csvHeader();
      for await (const record of auditTrailSince(audit, since)) {
        count += 1;
        yield format === 'csv' ? csvLine(record) : jsonLine(record);
      }
    }
    const target = out ? fs.createWriteStream(out, { flags: 'w' }) : io.stdout;
    await pipeline(Readable.from(lines(), { objectMode: false }), target, { end: Boolean(out) });
    await audit.record({
      actorId: `cli:${os.userInfo().username}`,
      actorName: `${os.userInfo().username} on ${os.hostname()} (audit:export)`,
      action: AuditActions.auditExported,
      outcome: 'succeeded',
      details: { format, since: since.toISO(), entries: count, toFile: Boolean(out) },
    });
    io.stderr.write(
      `audit:export: wrote ${count} entries since ${since.toISO()}${out ? ` to ${out}` : ''}\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`audit:export: failed after ${count} entries: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await close();
  }
}
