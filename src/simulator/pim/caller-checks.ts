import type { CallerIdentity } from '../identity/types';
import type { ParsedRequest } from './parsed-request';
import { accessDenied } from './pim-errors';
import type { Action } from './schedule-input';
import { GLOBAL_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR, type TenantState } from './tenant-state';

const SELF_ACTIONS: Action[] = ['selfActivate', 'selfDeactivate', 'selfExtend', 'selfRenew'];

/**
 * Self actions need a delegated token of the principal itself; admin actions need an app token
 * (permissions checked by the router), an active Privileged Role / Global Administrator, or group ownership.
 */
export function assertCallerMayAct(state: TenantState, p: ParsedRequest, caller: CallerIdentity): void {
  if (SELF_ACTIONS.includes(p.action)) {
    if (caller.kind !== 'delegated')
      throw accessDenied(
        `${p.action} acts for the signed-in user and is not supported with an application-only token; use a delegated token.`,
      );
    const forGroup =
      p.action === 'selfActivate' &&
      p.target.type === 'role' &&
      state
        .groupsOf(caller.oid ?? '')
        .some((g) => g.isAssignableToRole && g.id.toLowerCase() === p.principalId.toLowerCase());
    // A member may send the group's id: PIM accepts it and activates the whole group (azure-docs#113251).
    if (!forGroup && caller.oid?.toLowerCase() !== p.principalId.toLowerCase()) {
      throw accessDenied(
        `${p.action} can only be requested for yourself: principalId must be the signed-in user's object id (${caller.oid}).`,
      );
    }
    return;
  }
  if (caller.kind === 'app') return; // application permissions were checked by the router
  const oid = caller.oid ?? '';
  const isAdmin =
    state.holdsRole(oid, PRIVILEGED_ROLE_ADMINISTRATOR) || state.holdsRole(oid, GLOBAL_ADMINISTRATOR);
  const ownsGroup =
    p.target.type === 'group' &&
    state.schedulesFor(
      'assignment',
      oid,
      { type: 'group', groupId: p.target.groupId, accessId: 'owner' },
      true,
    ).length > 0;
  if (!isAdmin && !ownsGroup) {
    throw accessDenied(
      `${p.action} needs the Privileged Role Administrator or Global Administrator role (or group ownership for PIM for Groups); the signed-in user has neither active.`,
    );
  }
}
