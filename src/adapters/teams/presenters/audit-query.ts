import { DateTime } from 'luxon';
import { utcFromMillis } from '../../../domain/schedule/utc-instant';
import type { AuditCursor, AuditSubject } from '../../../app/audit/view-audit-trail.use-case';

/** The filter and position an "Older entries" button carries back, as one compact string. */
export interface AuditQueryState {
  subject?: AuditSubject;
  since?: DateTime;
  before: AuditCursor;
}

const MAX_QUERY_LENGTH = 1_000;

export function encodeAuditQuery(state: AuditQueryState): string {
  return Buffer.from(
    JSON.stringify({
      s: state.subject ? [state.subject.kind, state.subject.id, state.subject.name] : undefined,
      t: state.since?.toMillis(),
      b: [state.before.at.toMillis(), state.before.id],
    }),
  ).toString('base64url');
}

/** Undefined for anything that is not a query this presenter wrote. */
export function decodeAuditQuery(value: unknown): AuditQueryState | undefined {
  if (typeof value !== 'string' || !value || value.length > MAX_QUERY_LENGTH) return undefined;
  try {
    const raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as {
      s?: unknown;
      t?: unknown;
      b?: unknown;
    };
    const [at, id] = Array.isArray(raw.b) ? (raw.b as unknown[]) : [];
    if (typeof at !== 'number' || typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
    const state: AuditQueryState = { before: { at: utcFromMillis(at), id } };
    if (typeof raw.t === 'number') state.since = utcFromMillis(raw.t);
    if (Array.isArray(raw.s)) {
      const [kind, subjectId, name] = raw.s as unknown[];
      if ((kind !== 'user' && kind !== 'role') || typeof subjectId !== 'string' || typeof name !== 'string')
        return undefined;
      state.subject = { kind, id: subjectId, name };
    }
    return state;
  } catch {
    return undefined;
  }
}
