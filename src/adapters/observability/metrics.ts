import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics exposed on GET /metrics. One registry per process (tests create their own). */
export interface Metrics {
  registry: Registry;
  turns: Counter<'type' | 'outcome'>;
  turnDuration: Histogram<'type'>;
  graphCalls: Counter<'method' | 'status'>;
  proactiveSends: Counter<'outcome'>;
}

export function createMetrics(options: { collectDefaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.collectDefaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'elevate_' });
  return {
    registry,
    turns: new Counter({
      name: 'elevate_turns_total',
      help: 'Bot Framework activities processed, by activity type and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    turnDuration: new Histogram({
      name: 'elevate_turn_duration_seconds',
      help: 'Time to process one incoming activity',
      labelNames: ['type'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    graphCalls: new Counter({
      name: 'elevate_graph_calls_total',
      help: 'Microsoft Graph calls, by method and HTTP status',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
    proactiveSends: new Counter({
      name: 'elevate_proactive_sends_total',
      help: 'Proactive messages sent to Teams, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
