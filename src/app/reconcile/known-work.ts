import type { NewWorkItem } from '../../ports/stores';
import { WorkKinds } from '../reminders/work-items';

/** Entries each generation holds at most (about 5 MB of keys). */
const DEFAULT_LIMIT = 50_000;

/**
 * The work items this process knows the store already has, so a reconcile pass need not send
 * them again: any item's key (scheduling is insert-if-absent, and stored items are never
 * rewritten), and for an expiry reminder the due time it was stored with (a reminder goes to the
 * store again only to be made due earlier).
 *
 * Two generations: what this pass met, and what the pass before met. An item one pass does not
 * meet is forgotten at the end of the next, so activations that ended leave no keys behind. Each
 * generation stops growing at its limit: a tenant with more work than that a pass is spared its
 * first items every pass (Graph lists in a stable order), and the memory stays flat. (A single set
 * cleared whenever it filled spared nothing at that size, since each pass met its keys again only
 * after they had been cleared, and every clearing left a generation of strings for the garbage
 * collector: 25-30 MB of the million-activation sweep's peak RSS.)
 */
export class KnownWork {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** A pass begins: what the last pass met becomes the older generation. */
  startPass(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The items the store may not have yet, in their order; items already known are carried into this pass. */
  unknown(items: readonly NewWorkItem[]): NewWorkItem[] {
    return items.filter((item) => {
      const due = this.current.get(item.key) ?? this.carried(item.key);
      if (due === undefined) return true;
      return item.kind === WorkKinds.expiryReminder && item.dueAt.toMillis() < due;
    });
  }

  /** These items are in the store now (inserted, already there, or made due earlier). */
  remember(items: readonly NewWorkItem[]): void {
    for (const item of items) {
      const due = item.kind === WorkKinds.expiryReminder ? item.dueAt.toMillis() : -Infinity;
      if (this.current.has(item.key) || this.current.size < this.limit) this.current.set(item.key, due);
    }
  }

  /** Entries held, both generations (for tests and bounds). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private carried(key: string): number | undefined {
    const due = this.previous.get(key);
    if (due !== undefined && this.current.size < this.limit) this.current.set(key, due);
    return due;
  }
}
