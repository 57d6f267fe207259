import type { ReminderNotifier } from '../reminders/reminder-notifier';
import type { WorkItem } from '../../ports/stores';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';

/** Redraws a subscribed conversation's board (one leased work item per change, so one instance edits it). */
export class BoardRefreshHandler implements WorkHandler {
  constructor(private readonly deps: { notifier: Pick<ReminderNotifier, 'refreshBoard'> }) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const conversationId = item.payload.conversationId;
    if (typeof conversationId !== 'string' || !this.deps.notifier.refreshBoard)
      return done('nothing to redraw');
    const delivery = await this.deps.notifier.refreshBoard(conversationId, item.dueAt);
    return done(delivery.kind === 'sent' ? 'board redrawn' : `not redrawn: ${delivery.reason}`);
  }
}
