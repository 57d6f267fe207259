import type { DateTime } from 'luxon';
import type { WorkItem } from '../../ports/stores';
import type { ActivationSnapshot } from '../reconcile/activation-snapshot';

/** How handling one work item ended: finished (sent, or nothing to send), or try again at `at`. */
export type WorkOutcome = { type: 'done'; note: string } | { type: 'retry'; at: DateTime; note: string };

export interface WorkContext {
  /** What PIM listed in this pass (undefined when the pass could not list). */
  snapshot?: ActivationSnapshot;
}

/** Handles one kind of work item. Throwing means "failed, retry later with backoff". */
export interface WorkHandler {
  /** Items of this kind are independent (one message to one person): several may run at once. */
  readonly concurrent?: boolean;
  handle(item: WorkItem, context: WorkContext): Promise<WorkOutcome>;
}

export const done = (note: string): WorkOutcome => ({ type: 'done', note });
export const retryAt = (at: DateTime, note: string): WorkOutcome => ({ type: 'retry', at, note });
