/**
 * Rate limits per caller: each API key's service account and each user (the viewer's
 * `subject`) has two budgets per fixed window, the number of operations and their summed
 * estimated cost (demand control's `operationCost`, gateway/demand/). An operation over
 * either budget is refused whole with `RATE_LIMITED` (HTTP 429 with `Retry-After`).
 *
 * Counters live in this process (rate-limiter-flexible's `RateLimiterMemory`) or, with
 * `REDIS_URL`, in Redis (`RateLimiterRedis`), so several gateway instances share one budget
 * per caller. Redis being down never takes the gateway down: commands are not queued
 * (`enableOfflineQueue: false`, `rejectIfRedisNotReady`), and each decision Redis cannot
 * take is taken by an in-memory insurance limiter with the same budget (per instance).
 */
import type { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type IRateLimiterOptions, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { switchboardError } from '../schema/errors.js';
import type { Viewer } from '../schema/viewer.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';
import { rateLimitRejections, rateLimitStoreFallbacks } from '../subgraphs/shared/observability/metrics.js';

/** One caller's budgets per window; 0 is no budget of that kind. */
export interface Budget {
  /** Operations (queries, mutations, subscriptions started) per window. */
  operations: number;
  /** Summed estimated cost (gateway/demand/operation-cost.ts) per window. */
  cost: number;
}

export interface RateLimitConfig {
  /** The window, in seconds: a caller's counts start at its first operation and reset after this. */
  windowSeconds: number;
  /** The budget of each user (JWT subject). */
  user: Budget;
  /** The budget of each API key's service account. */
  service: Budget;
}

export type BudgetName = keyof Budget;

/** Why an operation was refused: which budget, its size, and when the caller may retry. */
export interface RateLimitRefusal {
  budget: BudgetName;
  /** The budget per window (operations or cost units). */
  limit: number;
  windowSeconds: number;
  /** Whole seconds until the window resets (at least 1): the `Retry-After` value. */
  retryAfterSeconds: number;
  /** For the cost budget: this operation's estimated cost. */
  cost?: number;
}

const BUDGETS: readonly BudgetName[] = ['operations', 'cost'];

/** The in-memory limiter that decides while Redis does not answer; counts each such decision. */
class InsuranceLimiter extends RateLimiterMemory {
  override consume(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    rateLimitStoreFallbacks.inc({ service: 'gateway' });
    return super.consume(key, points, options);
  }
}

export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  /** `redisUrl`: share the counters through Redis; `null` keeps them in this process. */
  constructor(
    private readonly config: RateLimitConfig,
    redisUrl: string | null,
  ) {
    const enabled = [config.user, config.service].some((budget) => budget.operations > 0 || budget.cost > 0);
    this.redis = enabled && redisUrl ? connect(redisUrl) : null;
    for (const kind of ['user', 'service'] as const) {
      for (const budget of BUDGETS) {
        const points = config[kind][budget];
        if (points <= 0) continue;
        const options: IRateLimiterOptions = { points, duration: config.windowSeconds, keyPrefix: `switchboard:rate:${kind}:${budget}` };
        const limiter = this.redis
          ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new InsuranceLimiter(options) })
          : new RateLimiterMemory(options);
        this.limiters.set(`${kind}:${budget}`, limiter);
      }
    }
  }

  /**
   * Counts one operation of estimated `cost` against `viewer`'s budgets. Resolves with the
   * refusal when a budget is used up (the operation must not run), else null. Never rejects:
   * a limiter that cannot decide at all admits the operation (and logs it).
   */
  async admit(viewer: Pick<Viewer, 'subject' | 'kind'>, cost: number): Promise<RateLimitRefusal | null> {
    for (const budget of BUDGETS) {
      const limiter = this.limiters.get(`${viewer.kind}:${budget}`);
      const points = budget === 'operations' ? 1 : Math.max(0, Math.ceil(cost));
      if (!limiter || points === 0) continue;
      try {
        await limiter.consume(viewer.subject, points);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          // Neither store could decide: let the operation through rather than fail it.
          loggerFor('gateway').error({ err: rejection, budget }, 'rate limit could not be checked; operation admitted');
          continue;
        }
        rateLimitRejections.inc({ service: 'gateway', budget, caller: viewer.kind });
        return {
          budget,
          limit: limiter.points,
          windowSeconds: this.config.windowSeconds,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          ...(budget === 'cost' ? { cost: points } : {}),
        };
      }
    }
    return null;
  }

  /**
   * Resolves once the Redis connection is ready (true), or fails (false: decisions are taken
   * in memory until it is back), or after `timeoutMs` (false); at once without Redis. The
   * gateway waits for it before serving, so it does not start out counting in memory.
   */
  connected(timeoutMs: number): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return Promise.resolve(true);
    if (redis.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        redis.off('ready', onReady);
        redis.off('error', onError);
        resolve(ready);
      };
      const onReady = () => done(true);
      const onError = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      redis.once('ready', onReady);
      redis.once('error', onError);
    });
  }

  close(): Promise<void> {
    return this.redis ? this.redis.quit().then(() => undefined, () => this.redis!.disconnect()) : Promise.resolve();
  }
}

function connect(url: string): Redis {
  const log = loggerFor('gateway');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: 'switchboard-gateway-rate-limit',
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('rate limits: Redis is back');
    down = false;
  });
  return redis;
}

/**
 * The `RATE_LIMITED` error for a refusal. With `http`, it carries the HTTP status 429 and
 * `Retry-After` header for Apollo Server to apply (leave it out over WebSocket).
 */
export function rateLimitedError(refusal: RateLimitRefusal, http: boolean): GraphQLError {
  const what =
    refusal.budget === 'operations'
      ? `more than ${refusal.limit} operations`
      : refusal.cost !== undefined && refusal.cost > refusal.limit
        ? `an operation of estimated cost ${refusal.cost}, above the whole budget of ${refusal.limit}`
        : `more than ${refusal.limit} in estimated cost`;
  const error = switchboardError(
    'RATE_LIMITED',
    `Rate limit reached: ${what} per ${refusal.windowSeconds} s for this API key or user. Retry after ${refusal.retryAfterSeconds} s.`,
    { budget: refusal.budget, limit: refusal.limit, windowSeconds: refusal.windowSeconds, retryAfterSeconds: refusal.retryAfterSeconds },
  );
  if (http) error.extensions.http = { status: 429, headers: new Map([['retry-after', String(refusal.retryAfterSeconds)]]) };
  return error;
}
