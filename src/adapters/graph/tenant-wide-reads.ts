import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type {
  ActiveAssignment,
  EligibilityInstance,
  PimRequest,
  PimTenantReads,
} from '../../ports/pim-gateway';
import type { GraphHttp } from './graph-http';
import {
  kindOfAccess,
  toActiveAssignment,
  toEligibilityInstance,
  toPimRequest,
  type RawInstance,
  type RawScheduleRequest,
} from './graph-mappers';
import { graphPaths } from './graph-paths';

/** Tenant-wide reads with the app-only token, for the reconciler (reminders, portal activations). */
export class TenantWideReads implements PimTenantReads {
  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
  ) {}

  async listActivatedAssignments(kind: RoleKind): Promise<ActiveAssignment[]> {
    const all: ActiveAssignment[] = [];
    for await (const page of this.activatedAssignmentPages(kind)) all.push(...page);
    return all;
  }

  /** Every page of activated instances as it arrives (no page limit): the reconciler's sweep. */
  async *activatedAssignmentPages(kind: RoleKind): AsyncGenerator<ActiveAssignment[]> {
    const pages = this.http.pages<RawInstance>({
      path: graphPaths.assignmentInstances(kind),
      query: { $filter: `assignmentType eq '${kind === 'directoryRole' ? 'Activated' : 'activated'}'` },
      token: await this.appToken(),
      operation: 'read',
    });
    for await (const raw of pages) {
      yield raw
        .map((item) =>
          toActiveAssignment(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)),
        )
        .filter((item) => item.assignmentType === 'Activated');
    }
  }

  async listEligibilitiesEndingBefore(before: DateTime): Promise<EligibilityInstance[]> {
    const raw = await this.http.getAll<RawInstance>({
      path: graphPaths.eligibilityInstances('directoryRole'),
      token: await this.appToken(),
      operation: 'read',
    });
    return raw
      .map((item) => toEligibilityInstance(item, 'directoryRole'))
      .filter((item) => item.endDateTime !== undefined && item.endDateTime < before);
  }

  /**
   * Activation requests waiting for approval, made anywhere (portal, PowerShell, Elevate). Graph
   * refuses status filters on the Entra-role request list (REFERENCE §1.1), so both lists are
   * filtered here.
   */
  async listPendingActivationRequests(kind: RoleKind): Promise<PimRequest[]> {
    const raw = await this.http.getAll<RawScheduleRequest>({
      path: graphPaths.assignmentRequests(kind),
      token: await this.appToken(),
      operation: 'read',
    });
    return raw
      .filter((item) => item.status === 'PendingApproval')
      .map((item) => toPimRequest(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)))
      .filter((request) => request.action === 'selfActivate');
  }
}
