import { Duration } from 'luxon';
import type { Clock } from '../../../ports/clock';
import type { WorkItem } from '../../../ports/stores';
import { canJudgeAbsence } from '../../reconcile/activation-snapshot';
import type { ReminderLead } from '../reminder-lead';
import type { ReminderNotifier } from '../reminder-notifier';
import { done, retryAt, type WorkContext, type WorkHandler, type WorkOutcome } from '../work-handler';
import { readActivationFacts } from '../work-items';

/** A reminder this close to the end is no longer worth sending. */
const TOO_LATE = Duration.fromObject({ seconds: 30 });

/** Sends the "ends in 10 minutes" reminder, honouring the user's current setting. */
export class ExpiryReminderHandler implements WorkHandler {
  readonly concurrent = true;

  constructor(
    private readonly deps: {
      notifier: ReminderNotifier;
      reminderLead: ReminderLead;
      clock: Clock;
      tenantId: string;
    },
  ) {}

  async handle(item: WorkItem, { snapshot }: WorkContext): Promise<WorkOutcome> {
    const facts = readActivationFacts(item.key, item.payload);
    const now = this.deps.clock.now();
    if (now >= facts.endAt.minus(TOO_LATE)) return done('activation ended before the reminder was due');
    if (canJudgeAbsence(snapshot, facts) && !snapshot?.active.has(facts.instanceId)) {
      return done('activation is gone; no reminder');
    }
    const lead = await this.deps.reminderLead.forUser(this.deps.tenantId, facts.principalId);
    if (lead === null) return done('reminders are off for this user');
    const wanted = facts.endAt.minus(lead);
    if (wanted > now.plus({ seconds: 1 })) return retryAt(wanted, 'the user asked for a shorter lead');
    const delivery = await this.deps.notifier.expiryReminder(facts, item.dueAt);
    return done(delivery.kind === 'sent' ? 'reminder sent' : `not sent: ${delivery.reason}`);
  }
}
