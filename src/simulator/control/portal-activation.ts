import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { instanceJson, requestJson } from '../pim/graph-serializers';
import type { ScheduleRequest } from '../pim/pim-types';
import { newSchedule, scheduleIdFor } from '../pim/request-records';
import { targetFromIds } from '../pim/target-from-ids';
import type { TenantState } from '../pim/tenant-state';
import { isoDuration } from './control-body';
import { ControlError } from './control-route';

export const ActivationSchema = z
  .object({
    principalId: z.string().min(1),
    roleDefinitionId: z.string().optional(),
    directoryScopeId: z.string().optional(),
    groupId: z.string().optional(),
    accessId: z.enum(['member', 'owner']).optional(),
    duration: z.string().optional(),
    justification: z.string().optional(),
    /** Pretend the activation started this long ago (e.g. PT10M), to be past the 5-minute floor. */
    startedAgo: z.string().optional(),
  })
  .strict()
  .refine((a) => (a.roleDefinitionId !== undefined) !== (a.groupId !== undefined), {
    message: 'give roleDefinitionId (Entra role) or groupId (PIM for Groups)',
  });

/** "Activated in the portal / with PowerShell": an activation Elevate did not make. */
export function portalActivation(state: TenantState, input: z.infer<typeof ActivationSchema>) {
  const user = state.user(input.principalId);
  if (!user) throw new ControlError(400, `principalId '${input.principalId}' is not a user of the seed.`);
  const target = targetFromIds(input);
  if (target.type === 'role' && !state.roleDefinitions.some((r) => r.id === target.roleDefinitionId)) {
    throw new ControlError(400, `roleDefinitionId '${target.roleDefinitionId}' is not a role of the seed.`);
  }
  if (target.type === 'group' && !state.group(target.groupId)?.pimForGroups) {
    throw new ControlError(400, `groupId '${target.groupId}' is not a PIM for Groups group of the seed.`);
  }
  const now = state.clock.now();
  const start = input.startedAgo ? now.minus(isoDuration(input.startedAgo, 'startedAgo')) : now;
  const duration = input.duration ?? 'PT1H';
  isoDuration(duration, 'duration'); // refuses a bad duration before anything is recorded
  const id = randomUUID();
  const request: ScheduleRequest = {
    id,
    collection: target.type === 'group' ? 'groupAssignment' : 'roleAssignment',
    action: 'selfActivate',
    target,
    principalId: user.id,
    status: 'Provisioned',
    createdDateTime: start,
    completedDateTime: start,
    createdBy: user.id,
    createdByApp: null,
    justification: input.justification ?? 'Activated in the Entra admin center',
    ticketInfo: { ticketNumber: null, ticketSystem: null },
    scheduleInfo: {
      startDateTime: start,
      expiration: { type: 'afterDuration', endDateTime: null, duration },
    },
    isValidationOnly: false,
    targetScheduleId: null,
    approval: null,
    pendingSchedule: null,
    provisioning: null,
    activatedUsing: null,
  };
  request.targetScheduleId = scheduleIdFor(request);
  const schedule = newSchedule(request, 'assignment', 'Activated', start, start);
  state.requests.set(id, request);
  state.schedules.push(schedule);
  return { request: requestJson(request), instance: instanceJson(schedule) };
}
