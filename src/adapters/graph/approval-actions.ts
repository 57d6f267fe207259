import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type {
  Approval,
  ApprovalDecision,
  ApprovalRef,
  ApprovalStep,
  PimRequest,
  PimApprovals,
} from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';
import { getAllAsUser } from './delegated-reads';
import { requireBody } from './graph-body';
import type { GraphHttp } from './graph-http';
import {
  kindOfAccess,
  toApproval,
  toPimRequest,
  type RawApproval,
  type RawScheduleRequest,
} from './graph-mappers';
import { graphPaths } from './graph-paths';

/** What an approver does, with their delegated token: list pending requests, read and decide approvals. */
export class ApprovalActions implements PimApprovals {
  constructor(private readonly http: GraphHttp) {}

  async listPendingApprovals(approver: DelegatedUser): Promise<PimRequest[]> {
    const token = await approver.accessToken();
    const query = { $filter: "status eq 'PendingApproval'" };
    const [roles, groups] = await Promise.all([
      getAllAsUser<RawScheduleRequest>(
        this.http,
        graphPaths.myAssignmentRequests('directoryRole', 'approver'),
        token,
        query,
      ),
      getAllAsUser<RawScheduleRequest>(
        this.http,
        graphPaths.myAssignmentRequests('groupMember', 'approver'),
        token,
        query,
      ),
    ]);
    return [
      ...roles.map((raw) => toPimRequest(raw, 'directoryRole')),
      ...groups.map((raw) => toPimRequest(raw, kindOfAccess(raw.accessId))),
    ];
  }

  async getApproval(approver: DelegatedUser, approval: ApprovalRef): Promise<Approval> {
    const result = await this.http.send<RawApproval>({
      method: 'GET',
      path: graphPaths.approval(approval.kind, approval.approvalId),
      query: { $expand: approval.kind === 'directoryRole' ? 'steps' : 'stages' },
      token: await approver.accessToken(),
      userInitiated: true,
      operation: 'getApproval',
    });
    return toApproval(requireBody(result.body), approval.kind);
  }

  async decideApproval(approver: DelegatedUser, decision: ApprovalDecision): Promise<void> {
    const approval = await this.getApproval(approver, decision);
    const step = approval.steps.find((s) => s.status === 'InProgress' && s.assignedToMe);
    if (!step) throw noDecidableStep(approval);
    try {
      await this.http.send({
        method: 'PATCH',
        path: graphPaths.approvalStep(decision.kind, decision.approvalId, step.id),
        body: { reviewResult: decision.decision, justification: decision.justification },
        token: await approver.accessToken(),
        userInitiated: true,
        operation: 'decideApproval',
      });
    } catch (error) {
      if (isDomainError(error, ErrorCodes.ApprovalAlreadyDecided)) {
        // Say who decided first.
        const after = await this.getApproval(approver, decision).catch(() => undefined);
        Object.assign(error.details, decisionDetails(after?.steps.find((s) => s.status === 'Completed')));
      }
      throw error;
    }
  }
}

/** Who decided a completed step, how and when (error details for "already decided"). */
function decisionDetails(decided: ApprovalStep | undefined): Record<string, unknown> {
  return {
    reviewResult: decided?.reviewResult,
    reviewedByUserId: decided?.reviewedByUserId,
    reviewedByName: decided?.reviewedByName,
    reviewedAt: decided?.reviewedAt?.toISO() ?? undefined,
  };
}

function noDecidableStep(approval: Approval): DomainError {
  const completed = approval.steps.find((s) => s.status === 'Completed');
  if (completed) {
    return new DomainError(ErrorCodes.ApprovalAlreadyDecided, 'This request has already been decided.', {
      remedy: 'No action needed; the card shows the decision.',
      details: decisionDetails(completed),
    });
  }
  if (approval.steps.some((s) => s.status === 'InProgress')) {
    return new DomainError(ErrorCodes.NotAnApprover, 'You are not an approver for this request.', {
      remedy: 'Only the approvers named in the role policy can decide it.',
      details: { approvalId: approval.id },
    });
  }
  return new DomainError(ErrorCodes.ApprovalNotFound, 'This approval is no longer waiting for a decision.', {
    remedy: 'No action needed; it was canceled or expired.',
    details: { approvalId: approval.id },
  });
}
