import { Duration, type DateTime } from 'luxon';
import type { Clock } from '../../../ports/clock';
import type { TrackedRequest, TrackedRequestRepository, WorkItem } from '../../../ports/stores';
import type { AuditLog } from '../../../ports/audit-log';
import { AuditActions, SYSTEM_ACTOR } from '../../../domain/audit/audit-actions';
import { canJudgeAbsence } from '../../reconcile/activation-snapshot';
import type { EndedHow, ReminderNotifier } from '../reminder-notifier';
import { done, retryAt, type WorkContext, type WorkHandler, type WorkOutcome } from '../work-handler';
import type { ActivationFacts } from '../work-items';
import { readActivationFacts } from '../work-items';
import { announcedSubject } from '../../channels/announce-subject';
import type { Directory } from '../../../ports/directory';
import type { PimGateway } from '../../../ports/pim-gateway';

/** Ending within this margin of the planned end counts as "expired as planned". */
const EXPIRY_MARGIN = Duration.fromObject({ seconds: 30 });

/**
 * Watches one activation: while PIM still lists it, checks again next pass (or at its end);
 * once it is gone, sends the "ended" note (expired, deactivated in Elevate, or ended elsewhere)
 * and moves the channel thread it was announced in to "ended". A role that is active again under
 * a new instance (Extend re-activated it) ends silently.
 */
export class ActivationEndedHandler implements WorkHandler {
  constructor(
    private readonly deps: {
      notifier: ReminderNotifier;
      audit: AuditLog;
      trackedRequests: TrackedRequestRepository;
      /** Role and group names for activations Elevate did not make (their announcements). */
      pim: Pick<PimGateway, 'getRoleDefinition'>;
      directory: Pick<Directory, 'getGroup'>;
      clock: Clock;
      recheckEvery: Duration;
    },
  ) {}

  async handle(item: WorkItem, { snapshot }: WorkContext): Promise<WorkOutcome> {
    const facts = readActivationFacts(item.key, item.payload);
    const now = this.deps.clock.now();
    const next = now.plus(this.deps.recheckEvery);
    if (!snapshot || !canJudgeAbsence(snapshot, facts)) {
      return retryAt(next, 'no fresh listing to judge by');
    }
    if (snapshot.active.has(facts.instanceId)) {
      return retryAt(facts.endAt > now && facts.endAt < next ? facts.endAt : next, 'still active');
    }
    // Another live instance of the same role for the same person: Extend re-activated it.
    const successor = snapshot.active.liveEndOf(facts);
    if (successor) {
      // Extended: the announcements show the new end; no "ended" note.
      if (successor.endAt) {
        const request = await announcedSubject(this.deps, facts);
        await this.deps.notifier.channelThread(
          {
            request,
            state: 'active',
            startedAt: facts.startAt,
            endsAt: successor.endAt,
            extended: true,
          },
          item.dueAt,
        );
      }
      return done('re-activated under a new instance (extended)');
    }

    const { how, endedAt } = await this.howItEnded(facts, snapshot.takenAt);
    const request = await announcedSubject(this.deps, facts);
    if (how !== 'deactivated') {
      // Elevate's own deactivations are audited where they happen; these it only observed.
      await this.deps.audit.record({
        actorId: SYSTEM_ACTOR,
        principalId: facts.principalId,
        role: { id: facts.roleId, name: request.roleName, kind: facts.kind },
        scope: { id: facts.directoryScopeId, name: scopeNameOf(request) },
        action: how === 'expired' ? AuditActions.activationExpired : AuditActions.activationDeactivated,
        outcome: 'succeeded',
        reason:
          how === 'expired'
            ? 'ended at its planned time'
            : 'ended outside Elevate (portal, PowerShell or an administrator)',
        details: { instanceId: facts.instanceId, endedAt: endedAt.toUTC().toISO() },
      });
    }
    await this.deps.notifier.channelThread(
      { request, state: 'ended', startedAt: facts.startAt, endedAt, how },
      item.dueAt,
    );
    if (how === 'deactivated') {
      // The person deactivated it in Elevate and the card they pressed already says so: one event, one message.
      return done('deactivated in Elevate; the answer card said so');
    }
    const delivery = await this.deps.notifier.activationEnded(facts, how, endedAt, item.dueAt);
    return done(delivery.kind === 'sent' ? `ended note sent (${how})` : `not sent: ${delivery.reason}`);
  }

  private async howItEnded(
    facts: ActivationFacts,
    seenGoneAt: DateTime,
  ): Promise<{ how: EndedHow; endedAt: DateTime }> {
    if (seenGoneAt >= facts.endAt.minus(EXPIRY_MARGIN)) return { how: 'expired', endedAt: facts.endAt };
    const recent = await this.deps.audit.list({
      userId: facts.principalId,
      since: facts.startAt ?? facts.observedAt,
      limit: 100,
    });
    const mine = recent.find(
      (entry) =>
        entry.action === AuditActions.activationDeactivated &&
        entry.outcome === 'succeeded' &&
        (entry.details.instanceId === facts.instanceId ||
          (entry.roleId === facts.roleId && entry.scopeId === facts.directoryScopeId)),
    );
    if (mine) return { how: 'deactivated', endedAt: mine.at };
    return { how: 'elsewhere', endedAt: seenGoneAt };
  }
}

/** The scope's display name as the request recorded it ('Directory' for the whole tenant). */
function scopeNameOf(request: TrackedRequest): string | undefined {
  if (typeof request.data.scopeName === 'string') return request.data.scopeName;
  return request.directoryScopeId === '/' ? 'Directory' : undefined;
}
