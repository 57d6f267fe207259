import { badRequest } from '../graph/graph-error';
import { roleAssignmentDoesNotExist } from './pim-errors';
import { removeSchedules, type ScheduleAction } from './schedule-action';
import { sameTarget } from './tenant-state';

/** selfDeactivate: ends the principal's activation (not one younger than the minimum) and notes when. */
export function selfDeactivate({ state, parsed: p, request, now }: ScheduleAction): void {
  if (p.kind !== 'assignment')
    throw badRequest(
      'BadRequest',
      'selfDeactivate ends an activation: POST it to roleAssignmentScheduleRequests (or PIM for Groups assignmentScheduleRequests).',
    );
  const active = state
    .activeSchedules('assignment')
    .filter(
      (s) =>
        s.principalId === p.principalId && sameTarget(s.target, p.target) && s.assignmentType === 'Activated',
    );
  if (active.length === 0) throw roleAssignmentDoesNotExist();
  removeSchedules(state, request, active, now);
  request.completedDateTime = now;
  if (!request.isValidationOnly)
    state.deactivations.push({ principalId: p.principalId, target: p.target, at: now });
}
