import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { ActiveAssignment, EligibilityInstance } from '../../ports/pim-gateway';
import type { GraphHttp } from './graph-http';
import { kindOfAccess, toActiveAssignment, toEligibilityInstance, type RawInstance } from './graph-mappers';
import { graphPaths } from './graph-paths';

/** Tenant-wide reads with the app-only token, for the reconciler (reminders, portal activations). */
export class TenantWideReads {
  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
  ) {}

  async listActivatedAssignments(kind: RoleKind): Promise<ActiveAssignment[]> {
    const raw = await this.http.getAll<RawInstance>({
      path: graphPaths.assignmentInstances(kind),
      query: { $filter: `assignmentType eq '${kind === 'directoryRole' ? 'Activated' : 'activated'}'` },
      token: await this.appToken(),
      operation: 'read',
    });
    return raw
      .map((item) => toActiveAssignment(item, kind === 'directoryRole' ? kind : kindOfAccess(item.accessId)))
      .filter((item) => item.assignmentType === 'Activated');
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
}
