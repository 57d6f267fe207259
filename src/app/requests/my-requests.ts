import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { PimRequest, PimRequests } from '../../ports/pim-gateway';
import type { Actor } from '../shared/actor';
import { isAwaitingApproval, isScheduled } from '../../domain/activation/request-status';

const KINDS: RoleKind[] = ['directoryRole', 'groupMember'];

/** The actor's open activation requests (pending approval, or granted with a future start), newest first. */
export async function listOpenRequests(pim: PimRequests, actor: Actor, now: DateTime): Promise<PimRequest[]> {
  const lists = await Promise.all(KINDS.map((kind) => pim.listMyRequests(actor.delegated, kind)));
  return lists
    .flat()
    .filter((r) => r.action.toLowerCase() === 'selfactivate')
    .filter(
      (r) =>
        isAwaitingApproval(r.status) || (isScheduled(r.status) && r.startAt !== undefined && r.startAt > now),
    )
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis());
}
