/**
 * A circuit breaker (opossum) in front of each subgraph's data source. While a subgraph keeps
 * failing, requests to it stop costing the full subgraph timeout: once at least
 * `minRequests` requests were sent within the rolling `windowMs` and more than
 * `failurePercent` of them failed, the breaker opens and every request to that subgraph is
 * answered at once with `SUBGRAPH_UNAVAILABLE` (the query plan goes on with the other
 * subgraphs, as for any unavailable subgraph). After `cooldownMs` it is half-open: the next
 * request is sent as a probe; its success closes the breaker, its failure opens it again for
 * another cool-down. The state is the gauge `switchboard_subgraph_breaker_state` (0 closed,
 * 1 half-open, 2 open) and every transition is logged.
 *
 * It guards the sending of each fetch inside SubgraphClient (`SubgraphGuard`): a failure is
 * what sending throws (down, too slow, no usable GraphQL answer); a GraphQL response with
 * errors is an answer, not a failure. A request not sent because the breaker is open fails
 * like any unavailable subgraph, so the client still gets one error per field with its path.
 */
import CircuitBreaker from 'opossum';
import type { GraphQLError } from 'graphql';
import { switchboardError } from '../schema/errors.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';
import { BREAKER_STATE, subgraphBreakerRejections, subgraphBreakerState } from '../subgraphs/shared/observability/metrics.js';

export interface BreakerConfig {
  /** Requests within the window before the breaker may open at all. */
  minRequests: number;
  /** Opens when more than this percentage of the window's requests failed; 100 turns the breaker off. */
  failurePercent: number;
  /** The rolling window over which requests and failures are counted (ms). */
  windowMs: number;
  /** How long an open breaker fails fast before it lets a probe through (ms). */
  cooldownMs: number;
}

export type BreakerState = keyof typeof BREAKER_STATE;

/**
 * What SubgraphClient runs each fetch's sending through: resolves with what `send` resolves
 * with, or throws what it throws, or (not sending) throws the error `unavailable` makes.
 */
export interface SubgraphGuard {
  run<T>(send: () => Promise<T>, unavailable: (error: GraphQLError) => Error): Promise<T>;
}

/** A breaker for subgraph `name`, or `null` when the configuration turns breakers off. */
export function breakerFor(name: string, config: BreakerConfig): SubgraphBreaker | null {
  return config.failurePercent >= 100 ? null : new SubgraphBreaker(name, config);
}

/** What SubgraphClient says about an unavailable subgraph: "<who> is unavailable: <reason>. Its fields …". */
const UNAVAILABLE_MESSAGE = /^(.*?) is unavailable: (.*?)\. Its fields are missing from this response\.$/s;

export class SubgraphBreaker implements SubgraphGuard {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private lastFailure: unknown = null;

  constructor(
    readonly name: string,
    private readonly config: BreakerConfig,
  ) {
    const log = loggerFor('gateway');
    this.breaker = new CircuitBreaker((send: () => Promise<unknown>) => send(), {
      name,
      // The data source bounds each request itself (the subgraph timeout).
      timeout: false,
      errorThresholdPercentage: config.failurePercent,
      volumeThreshold: config.minRequests,
      resetTimeout: config.cooldownMs,
      rollingCountTimeout: config.windowMs,
      rollingCountBuckets: config.windowMs % 10 === 0 ? 10 : 1,
      // Nothing reads the breaker's latency percentiles; kept, every call records its latency and
      // every failure sorts all those of the window (opossum's `stats`), which cost the gateway
      // 2-3% of its CPU when a subgraph timed out under load.
      rollingPercentilesEnabled: false,
    });
    this.breaker.on('failure', (error: unknown) => (this.lastFailure = error));
    this.breaker.on('reject', () => subgraphBreakerRejections.inc({ service: 'gateway', subgraph: name }));
    this.breaker.on('open', () => {
      subgraphBreakerState.set({ service: 'gateway', subgraph: name }, BREAKER_STATE.open);
      log.warn({ subgraph: name, cooldownMs: config.cooldownMs, reason: reasonOf(this.lastFailure) }, `subgraph ${name}: circuit breaker open, failing fast for ${config.cooldownMs} ms`);
    });
    this.breaker.on('halfOpen', () => {
      subgraphBreakerState.set({ service: 'gateway', subgraph: name }, BREAKER_STATE.halfOpen);
      log.info({ service: 'gateway', subgraph: name }, `subgraph ${name}: circuit breaker half-open, the next request is a probe`);
    });
    this.breaker.on('close', () => {
      subgraphBreakerState.set({ service: 'gateway', subgraph: name }, BREAKER_STATE.closed);
      log.info({ service: 'gateway', subgraph: name }, `subgraph ${name}: circuit breaker closed, requests pass again`);
    });
    subgraphBreakerState.set({ service: 'gateway', subgraph: name }, BREAKER_STATE.closed);
  }

  /** `closed` (requests pass), `halfOpen` (one probe may pass) or `open` (failing fast). */
  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    return this.breaker.halfOpen ? 'halfOpen' : 'closed';
  }

  async run<T>(send: () => Promise<T>, unavailable: (error: GraphQLError) => Error): Promise<T> {
    try {
      return (await this.breaker.fire(send)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw unavailable(this.failFast());
      throw error;
    }
  }

  /** Stops the breaker's timers; later requests fail. */
  close(): void {
    this.breaker.shutdown();
  }

  /** The `SUBGRAPH_UNAVAILABLE` error of a request not sent: SubgraphClient's shape, with the breaker's reason. */
  private failFast(): GraphQLError {
    const match = this.lastFailure instanceof Error ? UNAVAILABLE_MESSAGE.exec(this.lastFailure.message) : null;
    const who = match?.[1] ?? `The subgraph "${this.name}"`;
    const last = match?.[2] ?? reasonOf(this.lastFailure);
    const retryAfterSeconds = Math.ceil(this.config.cooldownMs / 1000);
    return switchboardError(
      'SUBGRAPH_UNAVAILABLE',
      `${who} is unavailable: it kept failing (last: ${last}), so it is not asked again for up to ${retryAfterSeconds} s. Its fields are missing from this response.`,
      { subgraph: this.name, circuitBreaker: 'open' },
    );
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === null ? 'unknown' : String(error);
}
