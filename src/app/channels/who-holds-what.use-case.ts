import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { ActiveAssignment, PimGateway } from '../../ports/pim-gateway';
import type { TrackedRequest, TrackedRequestRepository } from '../../ports/stores';
import { resolveTenantRoles } from './tenant-roles';
import { isAwaitingApproval, RequestStatuses } from '../../domain/activation/request-status';

/** At most this many rows on a board (a bound on what one request reads and draws). */
export const MAX_BOARD_ROWS = 1000;

export interface BoardRow {
  kind: RoleKind;
  roleId: string;
  roleName: string;
  directoryScopeId: string;
  holderId: string;
  holderName: string;
  state: 'active' | 'pending';
  since?: DateTime;
  until?: DateTime;
  ticket?: string;
  justification?: string;
}

export interface Board {
  takenAt: DateTime;
  /** The role asked about (`who has <role>`), if any. */
  role?: string;
  /** Grouped by role name, then by end time. */
  rows: BoardRow[];
  /** True when there were more than MAX_BOARD_ROWS. */
  truncated: boolean;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/**
 * The "who holds what" board: every active privileged role in the tenant (app-only reads: PIM
 * activations made anywhere), and requests Elevate knows to be pending approval, with the ticket
 * and justification Elevate recorded for them.
 */
export class WhoHoldsWhatUseCase {
  constructor(
    private readonly deps: {
      pim: Pick<PimGateway, 'listActivatedAssignments' | 'listRoleDefinitions'>;
      directory: Pick<Directory, 'getUsers' | 'getGroups'>;
      trackedRequests: Pick<TrackedRequestRepository, 'listByStatus'>;
      clock: Clock;
    },
  ) {}

  async execute(input: { role?: string } = {}): Promise<Board> {
    const only = input.role ? (await resolveTenantRoles(this.deps.pim, [input.role]))[0] : undefined;
    const active: ActiveAssignment[] = [];
    for (const kind of ['directoryRole', 'groupMember'] as const) {
      active.push(...(await this.deps.pim.listActivatedAssignments(kind)));
    }
    const tracked = await this.deps.trackedRequests.listByStatus([
      RequestStatuses.Provisioned,
      RequestStatuses.Granted,
      RequestStatuses.PendingApproval,
    ]);
    const definitions = new Map(
      (await this.deps.pim.listRoleDefinitions()).map((d) => [d.id, d.displayName]),
    );
    const groupIds = [...new Set(active.filter((a) => a.kind !== 'directoryRole').map((a) => a.roleId))];
    const groups = new Map((await this.deps.directory.getGroups(groupIds)).map((g) => [g.id, g.displayName]));
    const roleName = (kind: RoleKind, roleId: string) =>
      kind === 'directoryRole'
        ? (definitions.get(roleId) ?? 'Unknown role')
        : `${groups.get(roleId) ?? 'Group'} (${kind === 'groupOwner' ? 'owner' : 'member'})`;

    const rows: BoardRow[] = active
      .filter((a) => a.assignmentType === 'Activated')
      .map((a) => {
        const request = requestFor(tracked, a);
        return {
          kind: a.kind,
          roleId: a.roleId,
          roleName: roleName(a.kind, a.roleId),
          directoryScopeId: a.directoryScopeId,
          holderId: a.principalId,
          holderName: '',
          state: 'active' as const,
          since: a.startDateTime,
          until: a.endDateTime,
          ticket: str(request?.data.ticket),
          justification: str(request?.data.justification),
        };
      });
    for (const request of tracked.filter((r) => isAwaitingApproval(r.status))) {
      rows.push({
        kind: request.kind,
        roleId: request.roleId,
        roleName: request.roleName,
        directoryScopeId: request.directoryScopeId,
        holderId: request.principalId,
        holderName: str(request.data.requesterName) ?? '',
        state: 'pending',
        ticket: str(request.data.ticket),
        justification: str(request.data.justification),
      });
    }
    const wanted = only ? rows.filter((r) => r.roleId === only.roleId) : rows;
    const names = new Map(
      (await this.deps.directory.getUsers([...new Set(wanted.map((r) => r.holderId))])).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    for (const row of wanted) row.holderName = names.get(row.holderId) ?? (row.holderName || 'Unknown user');
    wanted.sort(
      (a, b) =>
        a.roleName.localeCompare(b.roleName) ||
        (a.state === b.state ? 0 : a.state === 'active' ? -1 : 1) ||
        (a.until?.toMillis() ?? Infinity) - (b.until?.toMillis() ?? Infinity) ||
        a.holderName.localeCompare(b.holderName),
    );
    return {
      takenAt: this.deps.clock.now(),
      role: only?.roleName,
      rows: wanted.slice(0, MAX_BOARD_ROWS),
      truncated: wanted.length > MAX_BOARD_ROWS,
    };
  }
}

/** The tracked request behind an activation (same person, role, scope; live), newest first. */
function requestFor(tracked: TrackedRequest[], a: ActiveAssignment): TrackedRequest | undefined {
  return tracked
    .filter(
      (r) =>
        !isAwaitingApproval(r.status) &&
        r.principalId === a.principalId &&
        r.roleId === a.roleId &&
        r.directoryScopeId === a.directoryScopeId,
    )
    .sort((x, y) => y.createdAt.toMillis() - x.createdAt.toMillis())[0];
}
