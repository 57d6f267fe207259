import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { CallerIdentity } from '../identity/types';
import { scheduleKindOf, type ParsedRequest } from './parsed-request';
import type { RequestCollection, Schedule, ScheduleRequest } from './pim-types';
import { delayFor } from './realism';
import { endOf } from './schedule-input';
import type { TenantState } from './tenant-state';

/** The request record every path produces; status and schedules are filled by the action handlers. */
export function newRequest(
  collection: RequestCollection,
  p: ParsedRequest,
  caller: CallerIdentity,
  now: DateTime,
): ScheduleRequest {
  return {
    id: randomUUID(),
    collection,
    action: p.action,
    target: p.target,
    principalId: p.principalId,
    status: 'PendingProvisioning',
    createdDateTime: now,
    completedDateTime: null,
    createdBy: caller.oid ?? null,
    createdByApp: caller.kind === 'app' ? caller.appId : null,
    justification: p.justification,
    ticketInfo: p.ticketInfo,
    scheduleInfo: p.scheduleInfo,
    isValidationOnly: p.isValidationOnly,
    targetScheduleId: null,
    approval: null,
    pendingSchedule: null,
    provisioning: null,
    activatedUsing: null,
  };
}

/** Group schedules are `{groupId}_{accessId}_{requestId}`; role schedules take the request id. */
export function scheduleIdFor(request: ScheduleRequest): string {
  return request.target.type === 'group'
    ? `${request.target.groupId}_${request.target.accessId}_${request.id}`
    : request.id;
}

/** The schedule a request creates, starting at `start`. */
export function newSchedule(
  request: ScheduleRequest,
  kind: Schedule['kind'],
  assignmentType: Schedule['assignmentType'],
  start: DateTime,
  now: DateTime,
): Schedule {
  const info = request.scheduleInfo;
  return {
    id: scheduleIdFor(request),
    kind,
    target: request.target,
    principalId: request.principalId,
    assignmentType,
    memberType: 'Direct',
    start,
    end: info ? endOf(info, start) : null,
    expirationType:
      info?.expiration.type === 'afterDuration' || info?.expiration.type === 'afterDateTime'
        ? info.expiration.type
        : 'noExpiration',
    duration: info?.expiration.duration ?? null,
    createdUsing: request.id,
    createdDateTime: now,
    modifiedDateTime: now,
    activatedUsing: request.activatedUsing,
  };
}

/**
 * Creates the schedule of a granted request: Provisioned now, or Granted until a future start. With a
 * realism delay for the action, the request shows the transient statuses first and the schedule
 * appears only when it becomes Provisioned (TenantState.tick).
 */
export function provision(
  state: TenantState,
  request: ScheduleRequest,
  assignmentType: Schedule['assignmentType'],
  now: DateTime,
): Schedule {
  const requestedStart = request.scheduleInfo?.startDateTime ?? now;
  const start = requestedStart > now ? requestedStart : now;
  if (request.scheduleInfo) request.scheduleInfo.startDateTime = start;
  const schedule = newSchedule(request, scheduleKindOf(request.collection), assignmentType, start, now);
  request.targetScheduleId = schedule.id;
  request.status = start > now ? 'Granted' : 'Provisioned';
  request.completedDateTime = start;
  if (request.isValidationOnly) return schedule;
  const delay = delayFor(state.settings.realism, request.action);
  if (delay) {
    // A future start stays Granted (scheduled) until it comes; provisioning then takes the delay.
    const statusPath = [...(delay.statusPath ?? ['PendingProvisioning'])];
    request.provisioning = {
      startedAt: start,
      completesAt: start.plus({ milliseconds: Math.round(delay.delaySeconds * 1000) }),
      statusPath,
      schedule,
    };
    if (start <= now) {
      request.status = statusPath[0];
      request.completedDateTime = null;
    }
    return schedule;
  }
  state.schedules.push(schedule);
  return schedule;
}
