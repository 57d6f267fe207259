import { DomainError, ErrorCodes } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions } from '../../domain/audit/audit-actions';
import { actorFields } from '../audit/activation-events';
import type { Actor } from '../shared/actor';
import { listOpenRequests } from './my-requests';
import { requestNamer } from './request-names';
import { RequestStatuses } from '../../domain/activation/request-status';

export type CancelTarget =
  { type: 'request'; id: string } | { type: 'role'; name: string } | { type: 'only' };

export type CancelOutcome =
  | { kind: 'cancelled'; request: PimRequest; roleName: string }
  | { kind: 'nothingToCancel' }
  | { kind: 'choose'; open: PimRequest[] };

/** Hooks run after a cancellation (approval cards, channel threads). */
export interface CancelListener {
  onCancelled(request: PimRequest, actor: Actor): Promise<void>;
}

/** Cancels the actor's own pending or scheduled request (PIM `cancel`). */
export class CancelRequestUseCase {
  constructor(
    private readonly deps: {
      pim: PimRoles & PimRequests;
      trackedRequests: TrackedRequestRepository;
      audit: AuditLog;
      clock: Clock;
      /** Closes the approval cards of a cancelled request (the approvals use case). */
      onCancelled?: CancelListener;
    },
  ) {}

  async execute(actor: Actor, target: CancelTarget): Promise<CancelOutcome> {
    const open = await listOpenRequests(this.deps.pim, actor, this.deps.clock.now());
    const names = requestNamer(this.deps, actor);
    const named = await Promise.all(open.map(async (r) => ({ request: r, name: (await names(r)).roleName })));
    let chosen: { request: PimRequest; name: string } | undefined;
    if (target.type === 'request') {
      chosen = named.find((n) => n.request.id === target.id);
      if (!chosen) {
        throw new DomainError(
          ErrorCodes.NotCancelable,
          'That request is not pending or scheduled any more, so there is nothing to cancel.',
          {
            remedy: 'Say "status" to see your open requests.',
            details: { requestId: target.id },
          },
        );
      }
    } else if (target.type === 'role') {
      const wanted = target.name.toLowerCase();
      const matches = named.filter(
        (n) => n.name.toLowerCase().includes(wanted) || wanted.includes(n.name.toLowerCase()),
      );
      if (matches.length === 0)
        return open.length === 0 ? { kind: 'nothingToCancel' } : { kind: 'choose', open };
      if (matches.length > 1) return { kind: 'choose', open: matches.map((m) => m.request) };
      chosen = matches[0];
    } else {
      if (named.length === 0) return { kind: 'nothingToCancel' };
      if (named.length > 1) return { kind: 'choose', open };
      chosen = named[0];
    }
    await this.deps.pim.cancel(actor.delegated, { kind: chosen.request.kind, requestId: chosen.request.id });
    await this.markCancelled(chosen.request.id);
    await this.deps.audit.record({
      ...actorFields(actor),
      action: AuditActions.activationCancelled,
      outcome: 'succeeded',
      role: { id: chosen.request.roleId, name: chosen.name, kind: chosen.request.kind },
      scope: { id: chosen.request.directoryScopeId },
      requestId: chosen.request.id,
      justification: chosen.request.justification,
      ticket: chosen.request.ticket?.number,
    });
    await this.deps.onCancelled?.onCancelled(chosen.request, actor);
    return {
      kind: 'cancelled',
      request: { ...chosen.request, status: RequestStatuses.Canceled },
      roleName: chosen.name,
    };
  }

  private async markCancelled(requestId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const tracked = await this.deps.trackedRequests.get(requestId);
      if (!tracked) return;
      if (
        await this.deps.trackedRequests.compareAndSwap(requestId, tracked.version, {
          status: RequestStatuses.Canceled,
        })
      )
        return;
    }
  }
}
