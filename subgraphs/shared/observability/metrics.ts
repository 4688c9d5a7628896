/**
 * Prometheus metrics (prom-client) for the gateway and every subgraph, served as text at
 * `GET /metrics` by each process (with `SWITCHBOARD_WORKERS` above 1: by each worker, for all
 * the service's workers together, see `useClusterMetrics`). One registry per process; every series carries `service`
 * (gateway, crm, callcenter, tickets) so that several parts in one process (tests,
 * `npm start`'s launcher) stay apart. Names follow Prometheus' conventions: `_total` for
 * counters, `_seconds` for durations, base units only.
 *
 * Label values that clients choose (operation names) are bounded: past
 * `MAX_OPERATION_NAMES` distinct names, further ones are counted as `other`, so a client
 * cannot grow the registry without end.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });

/** Latency buckets in seconds, 1 ms to 10 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'switchboard_http_requests_total',
  help: 'HTTP requests answered, by route and status code.',
  labelNames: ['service', 'route', 'method', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'switchboard_http_request_duration_seconds',
  help: 'Time from request received to response finished.',
  labelNames: ['service', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlOperations = new Counter({
  name: 'switchboard_graphql_operations_total',
  help: 'GraphQL operations executed, by operation name and outcome (ok, partial, error).',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'switchboard_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code.',
  labelNames: ['service', 'code'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'switchboard_graphql_operation_duration_seconds',
  help: 'GraphQL operation time, by operation name.',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const subgraphFetches = new Histogram({
  name: 'switchboard_subgraph_fetch_duration_seconds',
  help: 'Gateway to subgraph requests, by subgraph and outcome (ok, unavailable).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const websocketConnections = new Gauge({
  name: 'switchboard_websocket_connections',
  help: 'Open graphql-ws connections.',
  labelNames: ['service'] as const,
  registers: [registry],
});

export const activeSubscriptions = new Gauge({
  name: 'switchboard_subscriptions',
  help: 'Running subscriptions.',
  labelNames: ['service'] as const,
  registers: [registry],
});

export const ctiWebhookRejections = new Counter({
  name: 'switchboard_cti_webhook_rejections_total',
  help: 'CTI webhook requests refused with a 4xx answer, by reason (see subgraphs/callcenter/cti/metrics.ts).',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const rateLimitRejections = new Counter({
  name: 'switchboard_rate_limit_rejections_total',
  help: 'Operations refused with RATE_LIMITED, by budget (operations, cost) and caller kind (user, service).',
  labelNames: ['service', 'budget', 'caller'] as const,
  registers: [registry],
});

export const rateLimitStoreFallbacks = new Counter({
  name: 'switchboard_rate_limit_store_fallbacks_total',
  help: 'Rate-limit decisions taken by the in-memory fallback because Redis did not answer.',
  labelNames: ['service'] as const,
  registers: [registry],
});

/** `switchboard_subgraph_breaker_state` values. */
export const BREAKER_STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

export const subgraphBreakerState = new Gauge({
  name: 'switchboard_subgraph_breaker_state',
  help: "Each subgraph's circuit breaker: 0 closed (requests pass), 1 half-open (a probe is allowed), 2 open (failing fast).",
  labelNames: ['service', 'subgraph'] as const,
  registers: [registry],
  // Each cluster worker has its own breakers: the scrape shows the worst (not a sum of states).
  aggregator: 'max',
});

export const subgraphBreakerRejections = new Counter({
  name: 'switchboard_subgraph_breaker_rejections_total',
  help: 'Subgraph requests not sent because the breaker was open (answered SUBGRAPH_UNAVAILABLE at once).',
  labelNames: ['service', 'subgraph'] as const,
  registers: [registry],
});

/** Most distinct operation names kept as label values; the rest count as `other`. */
export const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

/** The label value for a client-chosen operation name: itself, `anonymous`, or `other` past the bound. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

let clusterMetrics: (() => Promise<string>) | null = null;

/**
 * In a cluster worker (`../cluster.ts`): `collect` gives the metrics of every worker of the
 * service, aggregated by the primary (prom-client's `AggregatorRegistry`); `GET /metrics` then
 * serves those instead of this process's alone.
 */
export function useClusterMetrics(collect: () => Promise<string>): void {
  clusterMetrics = collect;
}

/**
 * The exposition text and its content type, for `GET /metrics`: this process's registry, or
 * in a cluster worker every worker's (same content type). Rejects when the primary does not answer.
 */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: clusterMetrics ? await clusterMetrics() : await registry.metrics() };
}

/** Screen-pop delivery buckets in seconds, 5 ms to 30 s. */
const DELIVERY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const screenPopDelivery = new Histogram({
  name: 'switchboard_screen_pop_delivery_seconds',
  help: 'From the CTI webhook accepted by the call center to the screen-pop frame sent on the WebSocket by the gateway (wall clocks of both processes).',
  labelNames: ['service'] as const,
  buckets: DELIVERY_BUCKETS,
  registers: [registry],
});
