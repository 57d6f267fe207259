import { AuditActions, SYSTEM_ACTOR } from '../../domain/audit/audit-actions';
import type { AuditLog } from '../../ports/audit-log';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { TrackedRequest, TrackedRequestRepository, WorkItem } from '../../ports/stores';
import { findAnnouncedRequest } from '../channels/announce-subject';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';
import { readActivationFacts, type ActivationFacts } from '../reminders/work-items';

/**
 * Once per activation the reconciler saw (one leased work item per instance, so once whatever the
 * number of passes or instances): when Elevate did not make it (the Entra portal, PowerShell,
 * another tool), the audit trail gets one `activation.observed` entry. Activated instances are
 * self-activations, so the person holding it is also the one who activated it.
 *
 * One Elevate's request made but that did not start at once (it waited for approval, or for the
 * start the user asked for) gets its `activation.activated` entry here, by the reconciler that
 * saw it start: the request's own turn recorded only "requested" or "scheduled".
 */
export class ActivationObservedHandler implements WorkHandler {
  readonly concurrent = true;

  constructor(
    private readonly deps: {
      audit: Pick<AuditLog, 'record' | 'list'>;
      trackedRequests: Pick<TrackedRequestRepository, 'listForPrincipal'>;
      pim: Pick<PimGateway, 'getRoleDefinition'>;
      directory: Pick<Directory, 'getGroup' | 'getUsers'>;
    },
  ) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const facts = readActivationFacts(item.key, item.payload);
    const request = await findAnnouncedRequest(this.deps.trackedRequests, facts);
    // A request taken on by the reconciler (pending, made elsewhere) is tracked but not Elevate's.
    if (request && request.data.source !== 'outsideElevate') return this.startedFrom(request, facts);
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

  /** Elevate's request became active later than it was made (approved, or its start came): audited once. */
  private async startedFrom(request: TrackedRequest, facts: ActivationFacts): Promise<WorkOutcome> {
    const recent = await this.deps.audit.list({
      userId: request.principalId,
      since: request.createdAt,
      order: 'oldest',
      limit: 500,
    });
    if (recent.some((e) => e.action === AuditActions.activationActivated && e.requestId === request.id)) {
      return done('made in Elevate, activated at once');
    }
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const scheduled = text(request.data.scheduledFor) !== undefined;
    await this.deps.audit.record({
      action: AuditActions.activationActivated,
      outcome: 'succeeded',
      actorId: SYSTEM_ACTOR,
      principalId: request.principalId,
      principalName: text(request.data.requesterName),
      role: { id: request.roleId, name: request.roleName, kind: request.kind },
      scope: { id: request.directoryScopeId, name: text(request.data.scopeName) },
      requestId: request.id,
      justification: text(request.data.justification),
      ticket: text(request.data.ticket),
      conversationId: request.originConversationId ?? undefined,
      reason: scheduled ? 'its scheduled start came' : 'active after approval',
      details: {
        instanceId: facts.instanceId,
        startAt: facts.startAt?.toUTC().toISO() ?? null,
        endAt: facts.endAt.toUTC().toISO(),
      },
    });
    return done('made in Elevate, became active later: audited');
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
