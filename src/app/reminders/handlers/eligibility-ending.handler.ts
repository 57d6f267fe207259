import type { Clock } from '../../../ports/clock';
import type { WorkItem } from '../../../ports/stores';
import type { ReminderNotifier } from '../reminder-notifier';
import { done, type WorkHandler, type WorkOutcome } from '../work-handler';
import { readEligibilityFacts } from '../work-items';

/** "Your eligibility for X ends in N days" with Request extension (selfExtend). */
export class EligibilityEndingHandler implements WorkHandler {
  constructor(private readonly deps: { notifier: ReminderNotifier; clock: Clock }) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const facts = readEligibilityFacts(item.key, item.payload);
    if (this.deps.clock.now() >= facts.endAt) return done('eligibility already ended');
    const delivery = await this.deps.notifier.eligibilityEnding(facts, item.dueAt);
    return done(delivery.kind === 'sent' ? 'eligibility reminder sent' : `not sent: ${delivery.reason}`);
  }
}
