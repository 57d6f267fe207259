import { GraphError, badRequest, notFound } from '../graph/graph-error';
import { accessDenied } from './pim-errors';
import type { ScheduleRequest } from './pim-types';
import { provision } from './request-records';
import type { TenantState } from './tenant-state';

export type Decision = 'Approve' | 'Deny';

/** Finds the request behind an approval id (approval id = request id, REFERENCE §6.1). */
export function approvalRequest(
  state: TenantState,
  approvalId: string,
  kind: 'role' | 'group',
): ScheduleRequest {
  state.tick();
  const request = state.requests.get(approvalId);
  const collections = kind === 'role' ? ['roleAssignment'] : ['groupAssignment'];
  if (!request || !request.approval || !collections.includes(request.collection))
    throw notFound('approval', approvalId);
  return request;
}

/**
 * Records an approver's decision on the single stage (REFERENCE §6.2): the first decision wins and
 * later ones get 409; the requestor cannot approve their own request (403, an assumption: the code
 * is undocumented); someone who is not an approver gets 403; an expired or canceled request is 404.
 */
export function decideApproval(
  state: TenantState,
  request: ScheduleRequest,
  stepId: string,
  deciderId: string,
  decision: Decision,
  justification: string | null,
): void {
  const approval = request.approval;
  if (!approval) throw notFound('approval', request.id);
  if (approval.step.id !== stepId) throw notFound('approval step', stepId);
  if (approval.step.status === 'Expired' || request.status === 'Canceled') {
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `The approval '${request.id}' is no longer pending: the request is ${request.status}.`,
    );
  }
  if (deciderId === request.principalId) throw accessDenied('You cannot approve or deny your own request.');
  if (approval.step.status === 'Completed') {
    throw new GraphError(
      409,
      'Conflict',
      `The approval step was already decided (${approval.step.reviewResult}) by another approver.`,
    );
  }
  if (!approval.approverIds.includes(deciderId))
    throw accessDenied('The signed-in user is not an approver for this request.');
  if (approval.isApproverJustificationRequired && !justification?.trim()) {
    throw badRequest(
      'BadRequest',
      "Invalid request body: property 'justification' is required because this role's approval setting requires an approver justification.",
    );
  }
  const now = state.clock.now();
  const reviewer = state.user(deciderId);
  approval.step.status = 'Completed';
  approval.step.reviewResult = decision === 'Approve' ? 'Approved' : 'Denied';
  approval.step.justification = justification ?? '';
  approval.step.reviewedBy = { id: deciderId, displayName: reviewer?.displayName ?? null };
  approval.step.reviewedDateTime = now;
  if (decision === 'Deny') {
    request.status = 'Denied';
    request.completedDateTime = now;
    request.pendingSchedule = null;
    return;
  }
  request.pendingSchedule = null;
  provision(state, request, 'Activated', now);
}

/** `POST …/{id}/cancel`: Granted or PendingApproval become Canceled (204); anything else is 400. */
export function cancelRequest(
  state: TenantState,
  request: ScheduleRequest,
  callerId: string | undefined,
): void {
  state.tick();
  if (callerId !== undefined && callerId !== request.principalId && callerId !== request.createdBy) {
    throw accessDenied('Only the principal or the creator of a request can cancel it.');
  }
  if (request.status !== 'Granted' && request.status !== 'PendingApproval') {
    throw badRequest(
      'BadRequest',
      `The request cannot be canceled because its status is ${request.status}; only Granted and PendingApproval requests can be canceled.`,
    );
  }
  state.schedules = state.schedules.filter((s) => s.createdUsing !== request.id);
  request.status = 'Canceled';
  request.completedDateTime = state.clock.now();
  request.pendingSchedule = null;
  if (request.approval && request.approval.step.status === 'InProgress')
    request.approval.step.status = 'Completed';
}
