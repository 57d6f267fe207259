import { Duration, type DateTime } from 'luxon';
import type { CallerIdentity } from '../identity/types';
import type { ParsedRequest } from './parsed-request';
import { activeDurationTooShort } from './pim-errors';
import type { RequestCollection, Schedule, ScheduleRequest } from './pim-types';
import { sameTarget, type TenantState } from './tenant-state';

/** Deactivation or removal of an activation younger than this is refused (REFERENCE §9). */
export const MINIMUM_ACTIVE_DURATION = Duration.fromObject({ minutes: 5 });

/** What an action handler works on: the parsed body, who sent it, and the request record it fills in. */
export interface ScheduleAction {
  state: TenantState;
  collection: RequestCollection;
  parsed: ParsedRequest;
  caller: CallerIdentity;
  request: ScheduleRequest;
  now: DateTime;
}

/** Carries out one action family; refusals are thrown as GraphErrors. */
export type ScheduleActionHandler = (action: ScheduleAction) => void;

/** The principal's own (direct) schedules of the request's kind for its target; expired ones only if asked. */
export function existingDirect(state: TenantState, p: ParsedRequest, includeExpired: boolean): Schedule[] {
  const now = state.clock.now();
  return state.schedules.filter(
    (s) =>
      s.kind === p.kind &&
      s.principalId === p.principalId &&
      sameTarget(s.target, p.target) &&
      (includeExpired || s.end === null || s.end > now),
  );
}

/** Removes schedules (unless validation only), refusing activations younger than the minimum; the request is Revoked. */
export function removeSchedules(
  state: TenantState,
  request: ScheduleRequest,
  schedules: Schedule[],
  now: DateTime,
): void {
  for (const s of schedules) {
    if (s.assignmentType === 'Activated' && s.start <= now && now.diff(s.start) < MINIMUM_ACTIVE_DURATION)
      throw activeDurationTooShort();
  }
  if (!request.isValidationOnly) state.schedules = state.schedules.filter((s) => !schedules.includes(s));
  request.status = 'Revoked';
}
