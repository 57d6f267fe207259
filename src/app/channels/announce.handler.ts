import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { PimGateway } from '../../ports/pim-gateway';
import type { TrackedRequestRepository, WorkItem } from '../../ports/stores';
import type { ReminderNotifier } from '../reminders/reminder-notifier';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';
import { readActivationFacts } from '../reminders/work-items';
import { announcedSubject } from './announce-subject';
import { isAwaitingApproval } from '../../domain/activation/request-status';

/**
 * Announces a request or activation in the conversations subscribed to its role (and its own
 * thread): a pending request (`payload.requestId`), or an activation the reconciler saw (activation
 * facts; made in Elevate, the portal, PowerShell or another chat). One leased work item per
 * subject, so several instances announce it once; later changes update the same cards.
 */
export class AnnounceHandler implements WorkHandler {
  constructor(
    private readonly deps: {
      trackedRequests: TrackedRequestRepository;
      pim: Pick<PimGateway, 'getRoleDefinition'>;
      directory: Pick<Directory, 'getGroup'>;
      notifier: Pick<ReminderNotifier, 'channelThread'>;
      clock: Clock;
    },
  ) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const requestId = item.payload.requestId;
    if (typeof requestId === 'string') {
      const tracked = await this.deps.trackedRequests.get(requestId);
      if (!tracked || !isAwaitingApproval(tracked.status)) return done('no longer pending');
      const delivery = await this.deps.notifier.channelThread(
        { request: tracked, state: 'pending' },
        item.dueAt,
      );
      return done(
        delivery.kind === 'sent' ? 'pending request announced' : `not announced: ${delivery.reason}`,
      );
    }
    const facts = readActivationFacts(item.key, item.payload);
    const now = this.deps.clock.now();
    if (facts.endAt <= now) return done('ended before it could be announced');
    const request = await announcedSubject(this.deps, facts);
    const delivery = await this.deps.notifier.channelThread(
      {
        request,
        state: facts.startAt && facts.startAt > now ? 'scheduled' : 'active',
        startedAt: facts.startAt,
        endsAt: facts.endAt,
      },
      item.dueAt,
    );
    return done(delivery.kind === 'sent' ? 'activation announced' : `not announced: ${delivery.reason}`);
  }
}
