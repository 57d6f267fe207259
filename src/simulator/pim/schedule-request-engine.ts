import type { CallerIdentity } from '../identity/types';
import { adminAction } from './admin.actions';
import { assertCallerMayAct } from './caller-checks';
import { parseScheduleRequest } from './parsed-request';
import type { RequestCollection, ScheduleRequest } from './pim-types';
import { newRequest } from './request-records';
import type { ScheduleActionHandler } from './schedule-action';
import type { Action } from './schedule-input';
import { selfActivate } from './self-activate.action';
import { selfDeactivate } from './self-deactivate.action';
import { selfExtendOrRenew } from './self-extend.action';
import type { TenantState } from './tenant-state';

export { MINIMUM_ACTIVE_DURATION } from './schedule-action';
export { APPROVAL_WINDOW } from './self-activate.action';
export { provision } from './request-records';

/** Each action's handler, by action family. */
const HANDLERS: Record<Action, ScheduleActionHandler> = {
  selfActivate,
  selfDeactivate,
  selfExtend: selfExtendOrRenew,
  selfRenew: selfExtendOrRenew,
  adminAssign: adminAction,
  adminUpdate: adminAction,
  adminRemove: adminAction,
  adminExtend: adminAction,
  adminRenew: adminAction,
};

/**
 * Handles a POST to a schedule-request collection (REFERENCE §12.2–12.4): checks the caller,
 * eligibility, duplicates and the role's policy, then records the request (unless isValidationOnly)
 * and returns it. Every refusal is thrown as a GraphError with the service's code and message.
 */
export function submitScheduleRequest(
  state: TenantState,
  collection: RequestCollection,
  body: Record<string, unknown>,
  caller: CallerIdentity,
): ScheduleRequest {
  state.tick();
  const now = state.clock.now();
  const parsed = parseScheduleRequest(state, collection, body, now);
  assertCallerMayAct(state, parsed, caller);
  const request = newRequest(collection, parsed, caller, now);
  HANDLERS[parsed.action]({ state, collection, parsed, caller, request, now });
  if (!request.isValidationOnly) state.requests.set(request.id, request);
  return request;
}
