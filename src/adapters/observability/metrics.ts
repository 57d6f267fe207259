import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics exposed on GET /metrics. One registry per process (tests create their own).
 * Every label value comes from a closed set in label-sets.ts (never from a request body).
 */
export interface Metrics {
  registry: Registry;
  /** Activities processed, by activity type and outcome (ok, rejected, unauthorized, error). */
  turns: Counter<'type' | 'outcome'>;
  turnDuration: Histogram<'type'>;
  /** Activation requests, one per role asked for, by outcome. */
  activations: Counter<'outcome'>;
  /** Graph HTTP attempts, by operation and HTTP status. */
  graphCalls: Counter<'operation' | 'status'>;
  graphCallDuration: Histogram<'operation'>;
  /** Graph attempts repeated after a 429, 503, 504 or a dropped connection. */
  graphRetries: Counter<'operation'>;
  /** Scheduled reminders and notes picked up because they were due. */
  remindersDue: Counter<'kind'>;
  /** … handled to the end (messages accepted by Teams). */
  remindersSent: Counter<'kind'>;
  /** … picked up more than a minute after they were due. */
  remindersLate: Counter<'kind'>;
  /** Every proactive connector call, by outcome (sent, throttled, failed). */
  proactiveSends: Counter<'outcome'>;
  /** Proactive messages Teams refused or never answered. */
  proactiveSendFailures: Counter;
  /** Store calls that failed, by repository. */
  storeErrors: Counter<'repository'>;
}

export function createMetrics(options: { collectDefaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.collectDefaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'elevate_' });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({
      name: 'elevate_turns_total',
      help: 'Bot Framework activities processed, by activity type and outcome',
      labelNames: ['type', 'outcome'],
      registers,
    }),
    turnDuration: new Histogram({
      name: 'elevate_turn_duration_seconds',
      help: 'Time to process one incoming activity',
      labelNames: ['type'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    activations: new Counter({
      name: 'elevate_activations_total',
      help: 'Activation requests (one per role asked for), by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    graphCalls: new Counter({
      name: 'elevate_graph_calls_total',
      help: 'Microsoft Graph HTTP attempts, by operation and HTTP status',
      labelNames: ['operation', 'status'],
      registers,
    }),
    graphCallDuration: new Histogram({
      name: 'elevate_graph_call_duration_seconds',
      help: 'Latency of one Microsoft Graph HTTP attempt',
      labelNames: ['operation'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    graphRetries: new Counter({
      name: 'elevate_graph_retries_total',
      help: 'Microsoft Graph attempts repeated after 429, 503, 504 or a dropped connection',
      labelNames: ['operation'],
      registers,
    }),
    remindersDue: new Counter({
      name: 'elevate_reminders_due_total',
      help: 'Scheduled reminders and notes picked up because they were due, by kind',
      labelNames: ['kind'],
      registers,
    }),
    remindersSent: new Counter({
      name: 'elevate_reminders_sent_total',
      help: 'Scheduled reminders and notes handled to the end, by kind',
      labelNames: ['kind'],
      registers,
    }),
    remindersLate: new Counter({
      name: 'elevate_reminders_late_total',
      help: 'Scheduled reminders and notes picked up more than a minute after they were due, by kind',
      labelNames: ['kind'],
      registers,
    }),
    proactiveSends: new Counter({
      name: 'elevate_proactive_sends_total',
      help: 'Proactive messages sent to Teams, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    proactiveSendFailures: new Counter({
      name: 'elevate_proactive_send_failures_total',
      help: 'Proactive messages Teams refused or never answered',
      registers,
    }),
    storeErrors: new Counter({
      name: 'elevate_store_errors_total',
      help: 'Store (database) calls that failed, by repository',
      labelNames: ['repository'],
      registers,
    }),
  };
}
