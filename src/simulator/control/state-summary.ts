import type { Target } from '../pim/pim-types';
import type { TenantState } from '../pim/tenant-state';

/** What is going on in the tenant right now (for demos and debugging). */
export function stateSummary(state: TenantState) {
  state.tick();
  const name = (id: string) => state.user(id)?.displayName ?? state.group(id)?.displayName ?? id;
  const targetName = (t: Target) =>
    t.type === 'role'
      ? `${state.roleDefinitions.find((r) => r.id === t.roleDefinitionId)?.displayName ?? t.roleDefinitionId} @ ${t.directoryScopeId ?? t.appScopeId}`
      : `${t.accessId} of ${name(t.groupId)}`;
  return {
    now: state.clock.now().toISO(),
    activeAssignments: state.activeSchedules('assignment').map((s) => ({
      principal: name(s.principalId),
      principalId: s.principalId,
      target: targetName(s.target),
      assignmentType: s.assignmentType,
      start: s.start.toISO(),
      end: s.end?.toISO() ?? null,
    })),
    pendingRequests: [...state.requests.values()]
      .filter((r) => ['PendingApproval', 'Granted', 'PendingAdminDecision'].includes(r.status))
      .map((r) => ({
        id: r.id,
        status: r.status,
        principal: name(r.principalId),
        target: targetName(r.target),
        approvers: r.approval?.approverIds.map(name) ?? [],
        expiresAt: r.approval?.expiresAt.toISO() ?? null,
      })),
    eligibilities: state.activeSchedules('eligibility').length,
    requests: state.requests.size,
  };
}
