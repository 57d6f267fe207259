import type { AuditEvent, AuditLog, AuditQuery, AuditRecord } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';
import type { AuditEntry, AuditRepository } from '../../ports/stores';
import { currentTurn } from '../observability/turn-context';

export interface StoreAuditLogDeps {
  audit: AuditRepository;
  clock: Clock;
  /** Told about every recorded event (metrics). */
  onRecorded?: (event: AuditEvent) => void;
}

/**
 * The audit trail over the store: adds the time, the running turn's conversation and Graph
 * client-request-id, and a readable `target` ("Global Reader @ Directory"), then appends.
 */
export class StoreAuditLog implements AuditLog {
  constructor(private readonly deps: StoreAuditLogDeps) {}

  async record(event: AuditEvent): Promise<void> {
    const turn = currentTurn();
    await this.deps.audit.append({
      at: this.deps.clock.now(),
      actorId: event.actorId,
      action: event.action,
      target: targetOf(event),
      outcome: event.outcome,
      details: { ...event.details },
      actorName: event.actorName,
      principalId: event.principalId ?? event.actorId,
      principalName: event.principalName ?? (event.principalId ? undefined : event.actorName),
      roleId: event.role?.id,
      roleName: event.role?.name,
      scopeId: event.scope?.id,
      scopeName: event.scope?.name,
      requestId: event.requestId,
      justification: event.justification,
      ticket: event.ticket,
      reason: event.reason,
      conversationId: event.conversationId ?? turn?.conversationId,
      clientRequestId: turn?.clientRequestId,
    });
    this.deps.onRecorded?.(event);
  }

  async list(query: AuditQuery): Promise<AuditRecord[]> {
    const entries = await this.deps.audit.search(query);
    return entries.map(toRecord);
  }
}

function targetOf(event: AuditEvent): string {
  if (event.role) {
    const role = event.role.name ?? `role ${event.role.id}`;
    return event.scope?.name ? `${role} @ ${event.scope.name}` : role;
  }
  if (event.requestId) return `request ${event.requestId}`;
  return event.details?.setting ? `setting ${String(event.details.setting)}` : event.action;
}

export function toRecord(entry: AuditEntry): AuditRecord {
  return {
    id: entry.id,
    at: entry.at,
    action: entry.action,
    outcome: entry.outcome,
    actorId: entry.actorId,
    actorName: entry.actorName ?? null,
    principalId: entry.principalId ?? null,
    principalName: entry.principalName ?? null,
    roleId: entry.roleId ?? null,
    roleName: entry.roleName ?? null,
    scopeId: entry.scopeId ?? null,
    scopeName: entry.scopeName ?? null,
    requestId: entry.requestId ?? null,
    justification: entry.justification ?? null,
    ticket: entry.ticket ?? null,
    reason: entry.reason ?? null,
    conversationId: entry.conversationId ?? null,
    clientRequestId: entry.clientRequestId ?? null,
    details: entry.details,
  };
}
