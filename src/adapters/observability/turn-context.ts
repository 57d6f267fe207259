import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What identifies one turn (one incoming activity, one step-up page, one scheduler pass) in logs
 * and at Microsoft Graph. Every log line written while a turn runs carries these fields (the
 * logger's mixin reads them), and every Graph call made during the turn sends `clientRequestId`
 * as its `client-request-id` header, so one id finds the turn in our logs and in Graph's.
 */
export interface TurnFields {
  /** Sent to Graph as client-request-id; shown as the error card's reference. A GUID. */
  clientRequestId: string;
  activityId?: string;
  conversationId?: string;
  /** The sender's Entra object id, once the activity is authenticated. */
  userObjectId?: string;
}

const storage = new AsyncLocalStorage<TurnFields>();

/** Runs `fn` as one turn. Fields not given are left out; a fresh client-request-id is made. */
export function runInTurn<T>(fields: Omit<TurnFields, 'clientRequestId'>, fn: () => T): T {
  return storage.run({ clientRequestId: randomUUID() }, () => {
    annotateTurn(fields);
    return fn();
  });
}

/** The running turn's fields, or undefined outside a turn (start-up, timers not started by a turn). */
export function currentTurn(): Readonly<TurnFields> | undefined {
  return storage.getStore();
}

/**
 * Adds what is known once the activity is authenticated (activity, conversation and sender ids)
 * to the running turn. Does nothing outside a turn.
 */
export function annotateTurn(fields: Omit<TurnFields, 'clientRequestId'>): void {
  const turn = storage.getStore();
  if (!turn) return;
  for (const [key, value] of Object.entries(fields) as [keyof TurnFields, string | undefined][]) {
    if (typeof value === 'string' && value) turn[key] = value.slice(0, 200);
  }
}
