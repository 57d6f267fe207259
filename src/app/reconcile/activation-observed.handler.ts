import { AuditActions } from '../../domain/audit/audit-actions';
import type { AuditLog } from '../../ports/audit-log';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { TrackedRequestRepository, WorkItem } from '../../ports/stores';
import { findAnnouncedRequest } from '../channels/announce-subject';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';
import { readActivationFacts, type ActivationFacts } from '../reminders/work-items';

/**
 * Once per activation the reconciler saw (one leased work item per instance, so once whatever the
 * number of passes or instances): when Elevate did not make it (the Entra portal, PowerShell,
 * another tool), the audit trail gets one `activation.observed` entry. Activated instances are
 * self-activations, so the person holding it is also the one who activated it.
 */
export class ActivationObservedHandler implements WorkHandler {
  readonly concurrent = true;

  constructor(
    private readonly deps: {
      audit: AuditLog;
      trackedRequests: Pick<TrackedRequestRepository, 'listForPrincipal'>;
      pim: Pick<PimGateway, 'getRoleDefinition'>;
      directory: Pick<Directory, 'getGroup' | 'getUsers'>;
    },
  ) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const facts = readActivationFacts(item.key, item.payload);
    const request = await findAnnouncedRequest(this.deps.trackedRequests, facts);
    // A request taken on by the reconciler (pending, made elsewhere) is tracked but not Elevate's.
    if (request && request.data.source !== 'outsideElevate') return done('made in Elevate');
    const [person] = await this.deps.directory.getUsers([facts.principalId]).catch(() => []);
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    await this.deps.audit.record({
      action: AuditActions.activationObserved,
      outcome: 'succeeded',
      actorId: facts.principalId,
      actorName: person?.displayName,
      principalId: facts.principalId,
      principalName: person?.displayName,
      role: { id: facts.roleId, name: await this.roleName(facts), kind: facts.kind },
      scope: {
        id: facts.directoryScopeId,
        name: facts.directoryScopeId === '/' ? 'Directory' : undefined,
      },
      requestId: request?.id,
      justification: text(request?.data.justification),
      ticket: text(request?.data.ticket),
      reason: 'activated outside Elevate (Entra portal, PowerShell or another tool)',
      details: {
        instanceId: facts.instanceId,
        startAt: facts.startAt?.toUTC().toISO() ?? null,
        endAt: facts.endAt.toUTC().toISO(),
        seenAt: facts.observedAt.toUTC().toISO(),
      },
    });
    return done('activation made outside Elevate audited');
  }

  /** The role's or group's display name; absent when it cannot be read (the entry keeps the id). */
  private async roleName(facts: ActivationFacts): Promise<string | undefined> {
    if (facts.kind === 'directoryRole') {
      return (await this.deps.pim.getRoleDefinition(facts.roleId).catch(() => undefined))?.displayName;
    }
    const group = await this.deps.directory.getGroup(facts.roleId).catch(() => undefined);
    return group && `${group.displayName} (${facts.kind === 'groupOwner' ? 'owner' : 'member'})`;
  }
}
