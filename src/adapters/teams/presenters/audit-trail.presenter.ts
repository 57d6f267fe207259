import type { DateTime } from 'luxon';
import type { AuditSubject, AuditTrailPage } from '../../../app/audit/view-audit-trail.use-case';
import { AUDIT_ACTION_LABELS, isAuditAction, SYSTEM_ACTOR } from '../../../domain/audit/audit-actions';
import type { AuditRecord } from '../../../ports/audit-log';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { CardData } from '../cards/card-data.schemas';
import { CardVerbs } from '../cards/card-verbs';
import { renderCard } from '../cards/card-renderer';
import { signFor, type PresenterContext } from './presenter-context';
import { formatInstant } from './time-format';
import { encodeAuditQuery } from './audit-query';

type Entry = CardData<'audit-trail'>['entries'][number];

/** Longest justification or reason shown on the card (the export has the whole text). */
const MAX_SHOWN = 300;

const OUTCOME_WORDS: Record<string, string> = {
  refused: 'refused',
  failed: 'failed',
  approved: 'approved',
  denied: 'denied',
  pending: 'waiting',
};

/** One page of the audit trail: names and the reader's local times, never ids or codes. */
export function auditTrailCard(
  ctx: PresenterContext,
  page: AuditTrailPage,
  pageNumber: number,
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const scope = page.subject ? page.subject.name : 'Everyone and every role';
  const since = page.since ? `since ${formatInstant(page.since, ctx.zone, now)}` : 'all time';
  return renderCard('audit-trail', {
    title: 'Audit trail',
    filterText: `${scope} · ${since} · newest first`,
    emptyText: `Nothing was recorded${page.subject ? ` for ${page.subject.name}` : ''}${page.since ? ` ${since}` : ''}.`,
    entries: page.entries.map((entry) => entryOf(entry, ctx.zone, now)),
    pageText: page.next
      ? `Page ${pageNumber} · older entries follow`
      : pageNumber > 1
        ? `Page ${pageNumber} · the oldest`
        : '',
    page: pageNumber,
    query: page.next ? encodeAuditQuery({ subject: page.subject, since: page.since, before: page.next }) : '',
    hasNext: Boolean(page.next),
    token: signFor(ctx, [CardVerbs.showAudit], 'audit'),
  });
}

function entryOf(entry: AuditRecord, zone: string, now: DateTime): Entry {
  const label = isAuditAction(entry.action) ? AUDIT_ACTION_LABELS[entry.action] : 'Recorded';
  const outcome = OUTCOME_WORDS[entry.outcome];
  const what = outcome && !label.toLowerCase().includes(outcome) ? `${label}: ${outcome}` : label;
  const actor =
    entry.actorId === SYSTEM_ACTOR ? 'Elevate' : (entry.actorName ?? 'someone (name not recorded)');
  const forWhom =
    entry.principalId && entry.principalId !== entry.actorId
      ? `, for ${entry.principalName ?? 'another user'}`
      : '';
  const why = [
    entry.justification ? `“${shorten(entry.justification)}”` : '',
    entry.ticket ? `Ticket ${entry.ticket}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    what,
    target: targetOf(entry),
    tone:
      entry.outcome === 'failed' || entry.outcome === 'denied'
        ? 'bad'
        : entry.outcome === 'refused'
          ? 'warn'
          : 'good',
    when: formatInstant(entry.at, zone, now),
    who: `${actor}${forWhom}`,
    why,
    note: entry.reason ? shorten(readableReason(entry.reason)) : '',
  };
}

function targetOf(entry: AuditRecord): string {
  if (!entry.roleName && !entry.roleId) return '';
  const role = entry.roleName ?? 'a role (name not recorded)';
  return entry.scopeName ? `${role} @ ${entry.scopeName}` : role;
}

/** Reasons are stored as "CODE: message" so they can be searched; a person reads the message. */
export function readableReason(reason: string): string {
  return reason.replace(/^[A-Z][A-Z0-9_]+: /, '');
}

function shorten(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
}

export type { AuditSubject };
