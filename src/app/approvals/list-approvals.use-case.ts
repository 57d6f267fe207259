import { Duration } from 'luxon';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { PimApprovals, PimPolicies, PimRequest, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { ApproverResolver } from '../activation/approver-resolver';
import type { Actor } from '../shared/actor';
import {
  approvalView,
  readApprovalRecord,
  withApprovalRecord,
  type ApprovalRecord,
  type ApprovalView,
} from './approval-record';

/**
 * The approver's inbox: requests waiting for their decision (filterByCurrentUser(on='approver'),
 * Entra roles and PIM for Groups), oldest first, so an approver who missed a card can still act.
 * Requests Elevate has not seen (made in the portal) are tracked from here on, so their cards can
 * be decided and kept current like the others.
 */
export class ListApprovalsUseCase {
  constructor(
    private readonly deps: {
      pim: PimRoles & PimPolicies & PimApprovals;
      directory: Directory;
      approvers: ApproverResolver;
      trackedRequests: TrackedRequestRepository;
      clock: Clock;
    },
  ) {}

  async execute(actor: Actor): Promise<ApprovalView[]> {
    const pending = await this.deps.pim.listPendingApprovals(actor.delegated);
    const views: ApprovalView[] = [];
    for (const request of pending) {
      if (request.principalId === actor.userId) continue;
      const view = await this.viewOf(request);
      if (view && view.state === 'pending') views.push(view);
    }
    return views.sort((a, b) => a.requestedAt.toMillis() - b.requestedAt.toMillis());
  }

  private async viewOf(request: PimRequest): Promise<ApprovalView | undefined> {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const tracked = await this.deps.trackedRequests.get(request.id);
      const record = tracked && readApprovalRecord(tracked);
      if (tracked && record) return approvalView(tracked, record);
      const fresh = await this.recordFor(request);
      if (!tracked) {
        const names = await this.names(request);
        await this.deps.trackedRequests.insertIfAbsent({
          id: request.id,
          kind: request.kind,
          principalId: request.principalId,
          roleId: request.roleId,
          roleName: names.role,
          directoryScopeId: request.directoryScopeId,
          status: request.status,
          data: withApprovalRecord(
            {
              scopeName: request.directoryScopeId === '/' ? 'Whole directory' : request.directoryScopeId,
              justification: request.justification ?? null,
              ticket: request.ticket?.number ?? null,
              startAt:
                request.startAt && request.startAt > request.createdAt ? request.startAt.toISO() : null,
              endAt: null,
              requesterName: names.requester,
            },
            fresh,
          ),
        });
      } else {
        await this.deps.trackedRequests.compareAndSwap(tracked.id, tracked.version, {
          data: withApprovalRecord(tracked.data, fresh),
        });
      }
    }
    return undefined;
  }

  private async recordFor(request: PimRequest): Promise<ApprovalRecord> {
    const rules = await this.deps.pim
      .getActivationRules({ kind: request.kind, roleId: request.roleId })
      .catch(() => undefined);
    const approvers = rules ? await this.deps.approvers.resolve(rules.approvers).catch(() => []) : [];
    const duration =
      request.duration ??
      (request.endAt && request.startAt
        ? request.endAt.diff(request.startAt)
        : Duration.fromObject({ hours: 1 }));
    return {
      approvers,
      reasonRequired: rules?.approverJustificationRequired ?? true,
      duration: duration.toISO() ?? 'PT1H',
      requestedAt: request.createdAt.toUTC().toISO()!,
    };
  }

  private async names(request: PimRequest): Promise<{ requester: string; role: string }> {
    const [user] = await this.deps.directory.getUsers([request.principalId]).catch(() => []);
    let role = request.roleId;
    if (request.kind === 'directoryRole') {
      role =
        (await this.deps.pim.getRoleDefinition(request.roleId).catch(() => undefined))?.displayName ?? role;
    } else {
      const group = await this.deps.directory.getGroup(request.roleId).catch(() => undefined);
      const access = request.kind === 'groupOwner' ? 'owner' : 'member';
      role = `${group?.displayName ?? request.roleId} (${access})`;
    }
    return { requester: user?.displayName ?? request.principalId, role };
  }
}
