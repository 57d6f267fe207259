import { Duration } from 'luxon';
import type { Clock } from '../../../ports/clock';
import type { WorkItem } from '../../../ports/stores';
import type { ReminderNotifier } from '../reminder-notifier';
import { done, retryAt, type WorkHandler, type WorkOutcome } from '../work-handler';
import { readEligibilityFacts } from '../work-items';

/** How long to wait before trying an eligibility reminder again for a user Elevate cannot reach. */
const RETRY_UNREACHABLE = Duration.fromObject({ hours: 12 });

/** "Your eligibility for X ends in N days" with Request extension (selfExtend). */
export class EligibilityEndingHandler implements WorkHandler {
  readonly concurrent = true;

  constructor(private readonly deps: { notifier: ReminderNotifier; clock: Clock }) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const facts = readEligibilityFacts(item.key, item.payload);
    if (this.deps.clock.now() >= facts.endAt) return done('eligibility already ended');
    const delivery = await this.deps.notifier.eligibilityEnding(facts, item.dueAt);
    if (delivery.kind === 'sent') return done('eligibility reminder sent');
    // Days remain: a user who installs Elevate in the meantime still gets it.
    const again = this.deps.clock.now().plus(RETRY_UNREACHABLE);
    if (again < facts.endAt) return retryAt(again, `not sent yet: ${delivery.reason}`);
    return done(`not sent: ${delivery.reason}`);
  }
}
