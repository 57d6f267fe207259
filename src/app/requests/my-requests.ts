import { Duration, type DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { PimRequest, PimRequests } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';
import { isAwaitingApproval, isBeingProvisioned, isScheduled } from '../../domain/activation/request-status';

const KINDS: RoleKind[] = ['directoryRole', 'groupMember'];

/** The actor's activation requests (Entra roles and PIM for Groups), newest first. */
export async function listMyActivationRequests(pim: PimRequests, actor: Actor): Promise<PimRequest[]> {
  const lists = await Promise.all(KINDS.map((kind) => pim.listMyRequests(actor.delegated, kind)));
  return lists
    .flat()
    .filter((r) => r.action.toLowerCase() === 'selfactivate')
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
}

/** Open: pending approval, or granted with a future start (what `cancel` can act on). */
export function isOpenRequest(request: PimRequest, now: DateTime): boolean {
  return (
    isAwaitingApproval(request.status) ||
    (isScheduled(request.status) && request.startAt !== undefined && request.startAt > now)
  );
}

/** PIM stops reporting a request as being set up within seconds; an older one is not shown as such. */
const ACTIVATING_AT_MOST = Duration.fromObject({ hours: 1 });

/**
 * Granted to start now, or in PIM's transient states: the activation is being set up and not
 * listed as active yet (real tenants take seconds, sometimes longer).
 */
export function isActivatingRequest(request: PimRequest, now: DateTime): boolean {
  if (request.createdAt < now.minus(ACTIVATING_AT_MOST)) return false;
  if (isBeingProvisioned(request.status)) return true;
  return isScheduled(request.status) && (request.startAt === undefined || request.startAt <= now);
}

/** The actor's open activation requests (pending approval, or granted with a future start), newest first. */
export async function listOpenRequests(pim: PimRequests, actor: Actor, now: DateTime): Promise<PimRequest[]> {
  return (await listMyActivationRequests(pim, actor)).filter((r) => isOpenRequest(r, now));
}
