import type { DateTime, Duration } from 'luxon';
import type { JsonObject } from './stores';

/** Persistence port for durable scheduled work (leased, insert-if-absent). */
// ---------------------------------------------------------------------------------------------
// durable scheduled work
// ---------------------------------------------------------------------------------------------

export const WORK_ITEM_STATUSES = ['pending', 'claimed', 'done', 'cancelled'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export interface WorkItem {
  /** Unique key, e.g. 'reminder:<instanceId>:<endIso>'; makes scheduling idempotent. */
  key: string;
  kind: string;
  dueAt: DateTime;
  payload: JsonObject;
  status: WorkItemStatus;
  leaseOwner: string | null;
  leaseUntil: DateTime | null;
  /** How many times it has been claimed. */
  attempts: number;
  doneAt: DateTime | null;
}

export interface NewWorkItem {
  key: string;
  kind: string;
  dueAt: DateTime;
  payload: JsonObject;
}

export interface WorkItemRepository {
  /** Returns false (and changes nothing) when an item with that key exists, whatever its status. */
  scheduleIfAbsent(item: NewWorkItem): Promise<boolean>;
  /** Many at once (a few statements, not one round trip each); returns how many were new. */
  scheduleAllIfAbsent(items: readonly NewWorkItem[]): Promise<number>;
  /**
   * scheduleAllIfAbsent, and an item that exists and is still pending is made due earlier (never
   * later) when the new `dueAt` is before its own. Returns how many were inserted or made due earlier.
   */
  scheduleAllOrBringForward(items: readonly NewWorkItem[]): Promise<number>;
  /**
   * Atomically claims up to `limit` items that are pending and due (`dueAt <= now`) or claimed
   * with an expired lease (`leaseUntil <= now`), oldest `dueAt` first. Each claimed item gets
   * `status 'claimed'`, `leaseOwner = owner`, `leaseUntil = now + leaseDuration`, `attempts + 1`.
   * No item is handed to two claimers while its lease runs. With `kinds`, only items of those kinds.
   */
  claimDue(
    now: DateTime,
    owner: string,
    leaseDuration: Duration,
    limit: number,
    kinds?: readonly string[],
  ): Promise<WorkItem[]>;
  /** Marks a claimed item done. Only its current lease owner can; returns false otherwise. */
  complete(key: string, owner: string): Promise<boolean>;
  /** Gives a claimed item back as pending, due again at `retryAt`. Only the lease owner can. */
  release(key: string, owner: string, retryAt: DateTime): Promise<boolean>;
  /** Cancels a pending or claimed item. Returns false if it is unknown, done or already cancelled. */
  cancel(key: string): Promise<boolean>;
  get(key: string): Promise<WorkItem | null>;
}
