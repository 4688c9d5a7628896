/**
 * Gateway configuration from environment variables (declared in
 * subgraphs/shared/env/variables.ts, tabled in the README).
 */
import { LOOPBACK_NETWORKS } from '../subgraphs/shared/address-policy.js';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../subgraphs/shared/database.js';
import { readEnv } from '../subgraphs/shared/env/read.js';
import type { EnvValues } from '../subgraphs/shared/env/variables.js';
import { DEVELOPMENT_CORS_ORIGINS } from '../subgraphs/shared/env/variables.js';
import { secret } from '../subgraphs/shared/secrets.js';
import type { JwtConfig } from './auth/jwt.js';
import { parseOrigins } from './http/cors.js';
import { gatewayDatabaseConfig } from './store/gateway-store.js';
import type { OperationLimits } from './operation/limits.js';
import type { RateLimitConfig } from './rate-limit.js';
import type { BreakerConfig } from './subgraph-breaker.js';
import { privacySettings, type PrivacySettings } from './privacy/settings.js';

export interface GatewayConfig {
  port: number;
  host: string;
  /** The composed supergraph; reloaded when the file changes. */
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name; others use the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** How long one subgraph request may take before its fields are given up as unavailable. */
  subgraphTimeoutMs: number;
  /** Schema introspection; off in production unless enabled. */
  introspection: boolean;
  production: boolean;
  /** Let `@apollo/gateway` and `@apollo/server` call Apollo's services on their own (gateway/vendor-telemetry.ts); off by default. */
  vendorTelemetry: boolean;
  jwt: JwtConfig;
  /** Refuse a whole operation that selects an unauthorized field, instead of removing the field. */
  rejectUnauthorizedOperations: boolean;
  /** API keys and the audit trail. */
  database: DatabaseConfig;
  /** How long a verified API key is trusted before it is looked up again: a revocation takes effect within this time. */
  apiKeyCacheMs: number;
  /** How long an agent's related customers (active calls, open tickets) are reused before being looked up again. */
  relatedCustomersTtlMs: number;
  demand: {
    /** Highest estimated cost (list sizes times nesting) an operation may have. */
    maxCost: number;
    maxDepth: number;
    /** A manifest of trusted persisted operations with their own limits (see gateway/demand/). */
    persistedOperationsPath: string | null;
  };
  /** Size limits applied while parsing and validating, on HTTP and WebSocket alike (gateway/operation/limits.ts). */
  operationLimits: OperationLimits;
  /** Byte budgets of the in-process caches (subgraphs/shared/bounded-cache.ts), in bytes. */
  caches: {
    /** Operations as each set of scopes may run them (gateway/authz/authorize-operation.ts). */
    authorizationBytes: number;
    /** Parsed and validated operations (Apollo Server's document store). */
    documentsBytes: number;
    /** Query plans (`@apollo/gateway`'s plan store). */
    queryPlansBytes: number;
    /** Subscription plans (gateway/subscriptions/planner.ts). */
    subscriptionPlansBytes: number;
    /** Each per-caller cache: verified tokens, API keys, internal tokens, related customers. */
    callersBytes: number;
  };
  /** Redis (`REDIS_URL`) for state several gateway instances share: the rate-limit counters. `null`: in this process's memory. */
  redisUrl: string | null;
  /** Operations and estimated cost per window for each API key's service account and each user (gateway/rate-limit.ts). */
  rateLimit: RateLimitConfig;
  /** The circuit breaker in front of each subgraph (gateway/subgraph-breaker.ts). */
  breaker: BreakerConfig;
  subscriptions: {
    /** Events one client may have waiting before it is dropped (close 4520, docs/subscriptions.md). */
    maxQueuedEvents: number;
    /** Unsent bytes one socket may hold before it is dropped (close 4520). */
    maxBufferedBytes: number;
  };
  /**
   * Origins (`scheme://host[:port]`) whose browser pages may call the gateway, over HTTP and
   * WebSocket (gateway/http/cors.ts). Default: none in production, the usual local
   * development servers otherwise.
   */
  corsOrigins: string[];
  /** Serve the offline GraphiQL IDE at the GraphQL URL (development only; never in production). */
  ide: boolean;
  /** Outbound webhooks (gateway/webhooks/, docs/webhooks-out.md). */
  webhooks: WebhooksConfig;
  /** Data-subject requests: export links, erasure retries (gateway/privacy/settings.ts, docs/privacy.md). */
  privacy: PrivacySettings;
}

export interface WebhooksConfig {
  /** Run the dispatcher in this process (`SWITCHBOARD_WEBHOOKS`, default true); registration works either way. */
  dispatch: boolean;
  /** Only https endpoint URLs: in production unless `WEBHOOK_ALLOW_HTTP=true`. */
  httpsOnly: boolean;
  /** Networks beyond the public internet endpoints may be in (`WEBHOOK_ALLOWED_NETWORKS`; default loopback in development, none in production). */
  allowedNetworks: string[];
  pollIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  retryForMs: number;
  timeoutMs: number;
  concurrency: number;
}

function webhooksConfig(v: EnvValues, production: boolean): WebhooksConfig {
  return {
    dispatch: v.SWITCHBOARD_WEBHOOKS,
    httpsOnly: production && !v.WEBHOOK_ALLOW_HTTP,
    allowedNetworks: v.WEBHOOK_ALLOWED_NETWORKS ?? (production ? [] : [...LOOPBACK_NETWORKS]),
    pollIntervalMs: v.WEBHOOK_POLL_MS,
    retryBaseMs: v.WEBHOOK_RETRY_MIN_MS,
    retryMaxMs: v.WEBHOOK_RETRY_MAX_MS,
    retryForMs: v.WEBHOOK_RETRY_FOR_MS,
    timeoutMs: v.WEBHOOK_TIMEOUT_MS,
    concurrency: v.WEBHOOK_CONCURRENCY,
  };
}

export { DEVELOPMENT_CORS_ORIGINS };

/**
 * The gateway's configuration from the environment (each variable declared in
 * subgraphs/shared/env/variables.ts). Throws one `EnvError` naming every variable the gateway
 * reads that is wrong, or missing in production.
 */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const v = readEnv('gateway', env);
  const production = v.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = {};
  for (const [name, url] of [['crm', v.CRM_URL], ['callcenter', v.CALLCENTER_URL], ['tickets', v.TICKETS_URL]] as const) {
    if (url) subgraphUrls[name] = url;
  }
  const rateLimit: RateLimitConfig = {
    windowSeconds: v.SWITCHBOARD_RATE_LIMIT_WINDOW_SECONDS,
    user: { operations: v.SWITCHBOARD_RATE_LIMIT_OPERATIONS, cost: v.SWITCHBOARD_RATE_LIMIT_COST },
    service: {
      operations: v.SWITCHBOARD_RATE_LIMIT_SERVICE_OPERATIONS ?? v.SWITCHBOARD_RATE_LIMIT_OPERATIONS,
      cost: v.SWITCHBOARD_RATE_LIMIT_SERVICE_COST ?? v.SWITCHBOARD_RATE_LIMIT_COST,
    },
  };
  return {
    port: v.GATEWAY_PORT,
    host: v.GATEWAY_HOST,
    supergraphPath: v.SWITCHBOARD_SUPERGRAPH ?? fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
    subgraphUrls,
    subgraphTimeoutMs: v.SWITCHBOARD_SUBGRAPH_TIMEOUT_MS,
    introspection: v.SWITCHBOARD_INTROSPECTION ?? !production,
    production,
    vendorTelemetry: v.SWITCHBOARD_APOLLO_TELEMETRY,
    jwt: {
      jwksUrl: v.SWITCHBOARD_JWKS_URL ?? null,
      secret: v.SWITCHBOARD_JWKS_URL ? null : secret('SWITCHBOARD_JWT_SECRET', env),
      issuer: v.SWITCHBOARD_JWT_ISSUER,
      audience: v.SWITCHBOARD_JWT_AUDIENCE,
      clockToleranceSeconds: v.SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS,
      jwksCooldownMs: v.SWITCHBOARD_JWKS_COOLDOWN_MS,
    },
    rejectUnauthorizedOperations: v.SWITCHBOARD_REJECT_UNAUTHORIZED,
    database: gatewayDatabaseConfig(env),
    apiKeyCacheMs: v.SWITCHBOARD_API_KEY_CACHE_MS,
    relatedCustomersTtlMs: v.SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS,
    demand: {
      maxCost: v.SWITCHBOARD_MAX_COST,
      maxDepth: v.SWITCHBOARD_MAX_DEPTH,
      persistedOperationsPath: v.SWITCHBOARD_PERSISTED_OPERATIONS ?? null,
    },
    operationLimits: { maxTokens: v.SWITCHBOARD_MAX_TOKENS, maxSelections: v.SWITCHBOARD_MAX_SELECTIONS },
    caches: {
      authorizationBytes: v.SWITCHBOARD_AUTHORIZATION_CACHE_MB,
      documentsBytes: v.SWITCHBOARD_DOCUMENT_CACHE_MB,
      queryPlansBytes: v.SWITCHBOARD_QUERY_PLAN_CACHE_MB,
      subscriptionPlansBytes: v.SWITCHBOARD_SUBSCRIPTION_PLAN_CACHE_MB,
      callersBytes: v.SWITCHBOARD_CALLER_CACHE_MB,
    },
    redisUrl: v.REDIS_URL ?? null,
    rateLimit,
    breaker: {
      minRequests: v.SWITCHBOARD_BREAKER_MIN_REQUESTS,
      failurePercent: v.SWITCHBOARD_BREAKER_FAILURE_PERCENT,
      windowMs: v.SWITCHBOARD_BREAKER_WINDOW_MS,
      cooldownMs: v.SWITCHBOARD_BREAKER_COOLDOWN_MS,
    },
    subscriptions: {
      maxQueuedEvents: v.SWITCHBOARD_WS_MAX_QUEUED_EVENTS,
      maxBufferedBytes: v.SWITCHBOARD_WS_MAX_BUFFERED_BYTES,
    },
    corsOrigins: parseOrigins((v.SWITCHBOARD_CORS_ORIGINS ?? (production ? [] : DEVELOPMENT_CORS_ORIGINS.split(','))).join(',')),
    ide: !production,
    webhooks: webhooksConfig(v, production),
    privacy: privacySettings(env),
  };
}
