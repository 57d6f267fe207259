import type { DateTime } from 'luxon';
import type { AuditAction, AuditOutcome } from '../domain/audit/audit-actions';
import type { RoleKind } from '../domain/roles';

/**
 * What a use case tells the audit trail: one call per event, at the point it happened. The
 * adapter adds the time (injected clock), the Graph client-request-id and the conversation of the
 * running turn, so callers pass only what they know.
 */
export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** Who did it: a user's object id, or SYSTEM_ACTOR for what Elevate does on its own. */
  actorId: string;
  actorName?: string;
  /** Whose privilege it is about (the requester), when not the actor. Defaults to the actor. */
  principalId?: string;
  principalName?: string;
  /** The role; `name` when known (the reconciler may know only the id). */
  role?: { id: string; name?: string; kind?: RoleKind };
  scope?: { id: string; name?: string };
  /** The PIM schedule request id. */
  requestId?: string;
  justification?: string;
  ticket?: string;
  /** Why (a refusal reason, an approver's reason, an error code). */
  reason?: string;
  /** Overrides the running turn's conversation (e.g. the approval channel). */
  conversationId?: string;
  /** Small extra facts: strings, numbers, booleans only. */
  details?: Record<string, string | number | boolean | null>;
}

/** An audit entry as stored. */
export interface AuditRecord {
  id: number;
  at: DateTime;
  action: string;
  outcome: string;
  actorId: string;
  actorName: string | null;
  principalId: string | null;
  principalName: string | null;
  roleId: string | null;
  roleName: string | null;
  scopeId: string | null;
  scopeName: string | null;
  requestId: string | null;
  justification: string | null;
  ticket: string | null;
  reason: string | null;
  conversationId: string | null;
  clientRequestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  /** Entries where this user is the actor or the principal. */
  userId?: string;
  /** Entries about this role (by id). */
  roleId?: string;
  /** Inclusive. */
  since?: DateTime;
  /** Keyset paging: entries older than this one (by time, then id). */
  before?: { at: DateTime; id: number };
  /** Keyset paging: entries newer than this one (by time, then id). */
  after?: { at: DateTime; id: number };
  /** Default newest first; an export reads oldest first. */
  order?: 'newest' | 'oldest';
  /** 1..1000. */
  limit: number;
}

/** Append-only: no update, no delete (the database refuses them too). */
export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /** Newest first unless `order: 'oldest'`. */
  list(query: AuditQuery): Promise<AuditRecord[]>;
}
