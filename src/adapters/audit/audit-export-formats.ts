import type { AuditRecord } from '../../ports/audit-log';

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The export's columns (CSV header, JSON keys), in order. Times are UTC ISO 8601 for machines. */
export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'time',
  'action',
  'outcome',
  'actor_id',
  'actor_name',
  'principal_id',
  'principal_name',
  'role_id',
  'role_name',
  'scope_id',
  'scope_name',
  'request_id',
  'justification',
  'ticket',
  'reason',
  'conversation_id',
  'client_request_id',
  'details',
] as const;

type Row = Record<(typeof AUDIT_EXPORT_COLUMNS)[number], string | number | null | Record<string, unknown>>;

function rowOf(record: AuditRecord): Row {
  return {
    id: record.id,
    time: record.at.toUTC().toISO(),
    action: record.action,
    outcome: record.outcome,
    actor_id: record.actorId,
    actor_name: record.actorName,
    principal_id: record.principalId,
    principal_name: record.principalName,
    role_id: record.roleId,
    role_name: record.roleName,
    scope_id: record.scopeId,
    scope_name: record.scopeName,
    request_id: record.requestId,
    justification: record.justification,
    ticket: record.ticket,
    reason: record.reason,
    conversation_id: record.conversationId,
    client_request_id: record.clientRequestId,
    details: record.details,
  };
}

/** One JSON object per line (JSON Lines); absent fields are null. */
export function jsonLine(record: AuditRecord): string {
  return `${JSON.stringify(rowOf(record))}\n`;
}

/**
 * RFC 4180: fields with a comma, a double quote, CR or LF are quoted, quotes doubled; records end
 * with CRLF. Written by hand (README, "Audit export"): the only CSV writer installed is a
 * transitive dependency of restify, and these three rules are the whole format.
 */
export function csvField(value: string | number | null | Record<string, unknown>): string {
  if (value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${AUDIT_EXPORT_COLUMNS.join(',')}\r\n`;
}

export function csvLine(record: AuditRecord): string {
  const row = rowOf(record);
  return `${AUDIT_EXPORT_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`;
}
