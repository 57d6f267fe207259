import type { Duration } from 'luxon';
import type { WorkObserver } from '../../app/reminders/dispatch-due-work.use-case';
import type { Store } from '../../ports/stores';
import type { GraphCallObserver } from '../graph/graph-http';
import {
  ACTIVATION_OUTCOMES,
  GRAPH_OPERATIONS,
  GRAPH_STATUSES,
  PROACTIVE_OUTCOMES,
  WORK_KINDS,
  closedLabel,
} from './label-sets';
import type { Metrics } from './metrics';

/** A reminder picked up later than this after its due time counts as late. */
export const LATE_AFTER_MS = 60_000;

export function graphCallMetrics(metrics: Metrics): GraphCallObserver {
  return {
    attempt(operation, status, durationMs) {
      const op = closedLabel(GRAPH_OPERATIONS, operation);
      metrics.graphCalls.inc({
        operation: op,
        status: status === undefined ? 'network' : closedLabel(GRAPH_STATUSES, String(status)),
      });
      metrics.graphCallDuration.observe({ operation: op }, durationMs / 1000);
    },
    retry(operation) {
      metrics.graphRetries.inc({ operation: closedLabel(GRAPH_OPERATIONS, operation) });
    },
  };
}

export function reminderMetrics(metrics: Metrics): WorkObserver {
  return {
    due(kind: string, lateBy: Duration) {
      const label = { kind: closedLabel(WORK_KINDS, kind) };
      metrics.remindersDue.inc(label);
      if (lateBy.toMillis() > LATE_AFTER_MS) metrics.remindersLate.inc(label);
    },
    done(kind: string) {
      metrics.remindersSent.inc({ kind: closedLabel(WORK_KINDS, kind) });
    },
  };
}

export function countProactiveSend(metrics: Metrics, outcome: string): void {
  const label = closedLabel(PROACTIVE_OUTCOMES, outcome);
  metrics.proactiveSends.inc({ outcome: label });
  if (label === 'failed') metrics.proactiveSendFailures.inc();
}

export function countActivation(metrics: Metrics, outcome: string): void {
  metrics.activations.inc({ outcome: closedLabel(ACTIVATION_OUTCOMES, outcome) });
}

const REPOSITORIES = [
  'conversations',
  'users',
  'audit',
  'settings',
  'tokenCache',
  'oneTimeKeys',
  'cardCopies',
  'trackedRequests',
  'workItems',
] as const;

/**
 * The store with every repository call that rejects counted in elevate_store_errors_total
 * (by repository; the label comes from the fixed list above). Errors pass through unchanged.
 */
export function meteredStore(store: Store, metrics: Metrics): Store {
  const wrapped: Store = Object.create(store) as Store;
  const target = wrapped as unknown as Record<string, unknown>;
  for (const name of REPOSITORIES) {
    const repository = store[name] as unknown as Record<string, unknown> | undefined;
    if (repository) target[name] = countRejections(repository, name, metrics);
  }
  target.ping = () =>
    store.ping().catch((error: unknown) => {
      metrics.storeErrors.inc({ repository: 'ping' });
      throw error;
    });
  return wrapped;
}

function countRejections<T extends Record<string, unknown>>(
  repository: T,
  name: string,
  metrics: Metrics,
): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            metrics.storeErrors.inc({ repository: name });
            throw error;
          });
        }
        return result;
      };
    },
  });
}
