/**
 * Gateway configuration from environment variables (documented in the README).
 */
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../subgraphs/shared/database.js';
import { mib } from '../subgraphs/shared/bounded-cache.js';
import { secret } from '../subgraphs/shared/secrets.js';
import type { JwtConfig } from './auth/jwt.js';
import { parseOrigins } from './http/cors.js';
import { gatewayDatabaseConfig } from './store/gateway-store.js';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './operation/limits.js';
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
  /** Data-subject requests: export links, erasure retries (gateway/privacy/settings.ts, docs/privacy.md). */
  privacy: PrivacySettings;
}

/** A size in MiB from the environment (fractions allowed), in bytes. */
function mebibytes(value: string | undefined, fallbackMib: number, name: string): number {
  if (value === undefined || value === '') return mib(fallbackMib);
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number of MiB, got ${JSON.stringify(value)}.`);
  return mib(parsed);
}

/** Origins allowed by default outside production: a frontend dev server (Vite) on this machine. */
export const DEVELOPMENT_CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}.`);
  return parsed;
}

function atLeastOne(value: string | undefined, fallback: number, name: string): number {
  const parsed = positiveInteger(value, fallback, name);
  if (parsed === 0) throw new Error(`${name} must be at least 1, got ${JSON.stringify(value)}.`);
  return parsed;
}

function percent(value: string | undefined, fallback: number, name: string): number {
  const parsed = positiveInteger(value, fallback, name);
  if (parsed > 100) throw new Error(`${name} must be a percentage from 0 to 100, got ${JSON.stringify(value)}.`);
  return parsed;
}

/** The rate-limit settings; a budget of 0 is no budget, so all four at 0 turn rate limiting off. */
function rateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  const operations = positiveInteger(env.SWITCHBOARD_RATE_LIMIT_OPERATIONS, 6000, 'SWITCHBOARD_RATE_LIMIT_OPERATIONS');
  const cost = positiveInteger(env.SWITCHBOARD_RATE_LIMIT_COST, 5_000_000, 'SWITCHBOARD_RATE_LIMIT_COST');
  const windowSeconds = atLeastOne(env.SWITCHBOARD_RATE_LIMIT_WINDOW_SECONDS, 60, 'SWITCHBOARD_RATE_LIMIT_WINDOW_SECONDS');
  return {
    windowSeconds,
    user: { operations, cost },
    service: {
      operations: positiveInteger(env.SWITCHBOARD_RATE_LIMIT_SERVICE_OPERATIONS, operations, 'SWITCHBOARD_RATE_LIMIT_SERVICE_OPERATIONS'),
      cost: positiveInteger(env.SWITCHBOARD_RATE_LIMIT_SERVICE_COST, cost, 'SWITCHBOARD_RATE_LIMIT_SERVICE_COST'),
    },
  };
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = {};
  for (const name of ['crm', 'callcenter', 'tickets']) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    port: positiveInteger(env.GATEWAY_PORT, 4000, 'GATEWAY_PORT'),
    host: env.GATEWAY_HOST ?? '127.0.0.1',
    supergraphPath: env.SWITCHBOARD_SUPERGRAPH ?? fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
    subgraphUrls,
    subgraphTimeoutMs: positiveInteger(env.SWITCHBOARD_SUBGRAPH_TIMEOUT_MS, 3000, 'SWITCHBOARD_SUBGRAPH_TIMEOUT_MS'),
    introspection: env.SWITCHBOARD_INTROSPECTION ? env.SWITCHBOARD_INTROSPECTION === 'true' : !production,
    production,
    vendorTelemetry: env.SWITCHBOARD_APOLLO_TELEMETRY === 'true',
    jwt: {
      jwksUrl: env.SWITCHBOARD_JWKS_URL || null,
      secret: env.SWITCHBOARD_JWKS_URL ? null : secret('SWITCHBOARD_JWT_SECRET', env),
      issuer: env.SWITCHBOARD_JWT_ISSUER ?? 'switchboard-dev',
      audience: env.SWITCHBOARD_JWT_AUDIENCE ?? 'switchboard',
      clockToleranceSeconds: positiveInteger(env.SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS, 30, 'SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS'),
      jwksCooldownMs: positiveInteger(env.SWITCHBOARD_JWKS_COOLDOWN_MS, 30_000, 'SWITCHBOARD_JWKS_COOLDOWN_MS'),
    },
    rejectUnauthorizedOperations: env.SWITCHBOARD_REJECT_UNAUTHORIZED === 'true',
    database: gatewayDatabaseConfig(env),
    apiKeyCacheMs: positiveInteger(env.SWITCHBOARD_API_KEY_CACHE_MS, 30_000, 'SWITCHBOARD_API_KEY_CACHE_MS'),
    relatedCustomersTtlMs: positiveInteger(env.SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS, 5000, 'SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS'),
    demand: {
      maxCost: positiveInteger(env.SWITCHBOARD_MAX_COST, 20_000, 'SWITCHBOARD_MAX_COST'),
      maxDepth: positiveInteger(env.SWITCHBOARD_MAX_DEPTH, 15, 'SWITCHBOARD_MAX_DEPTH'),
      persistedOperationsPath: env.SWITCHBOARD_PERSISTED_OPERATIONS || null,
    },
    operationLimits: {
      maxTokens: positiveInteger(env.SWITCHBOARD_MAX_TOKENS, DEFAULT_OPERATION_LIMITS.maxTokens, 'SWITCHBOARD_MAX_TOKENS'),
      maxSelections: positiveInteger(env.SWITCHBOARD_MAX_SELECTIONS, DEFAULT_OPERATION_LIMITS.maxSelections, 'SWITCHBOARD_MAX_SELECTIONS'),
    },
    caches: {
      authorizationBytes: mebibytes(env.SWITCHBOARD_AUTHORIZATION_CACHE_MB, 16, 'SWITCHBOARD_AUTHORIZATION_CACHE_MB'),
      documentsBytes: mebibytes(env.SWITCHBOARD_DOCUMENT_CACHE_MB, 32, 'SWITCHBOARD_DOCUMENT_CACHE_MB'),
      queryPlansBytes: mebibytes(env.SWITCHBOARD_QUERY_PLAN_CACHE_MB, 32, 'SWITCHBOARD_QUERY_PLAN_CACHE_MB'),
      subscriptionPlansBytes: mebibytes(env.SWITCHBOARD_SUBSCRIPTION_PLAN_CACHE_MB, 8, 'SWITCHBOARD_SUBSCRIPTION_PLAN_CACHE_MB'),
      callersBytes: mebibytes(env.SWITCHBOARD_CALLER_CACHE_MB, 8, 'SWITCHBOARD_CALLER_CACHE_MB'),
    },
    redisUrl: env.REDIS_URL || null,
    rateLimit: rateLimitConfig(env),
    breaker: {
      minRequests: positiveInteger(env.SWITCHBOARD_BREAKER_MIN_REQUESTS, 5, 'SWITCHBOARD_BREAKER_MIN_REQUESTS'),
      failurePercent: percent(env.SWITCHBOARD_BREAKER_FAILURE_PERCENT, 50, 'SWITCHBOARD_BREAKER_FAILURE_PERCENT'),
      windowMs: atLeastOne(env.SWITCHBOARD_BREAKER_WINDOW_MS, 10_000, 'SWITCHBOARD_BREAKER_WINDOW_MS'),
      cooldownMs: positiveInteger(env.SWITCHBOARD_BREAKER_COOLDOWN_MS, 5000, 'SWITCHBOARD_BREAKER_COOLDOWN_MS'),
    },
    subscriptions: {
      maxQueuedEvents: positiveInteger(env.SWITCHBOARD_WS_MAX_QUEUED_EVENTS, 256, 'SWITCHBOARD_WS_MAX_QUEUED_EVENTS'),
      maxBufferedBytes: positiveInteger(env.SWITCHBOARD_WS_MAX_BUFFERED_BYTES, 1 << 20, 'SWITCHBOARD_WS_MAX_BUFFERED_BYTES'),
    },
    corsOrigins: parseOrigins(env.SWITCHBOARD_CORS_ORIGINS ?? (production ? '' : DEVELOPMENT_CORS_ORIGINS)),
    ide: !production,
    privacy: privacySettings(env),
  };
}
