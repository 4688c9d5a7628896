/**
 * Gateway configuration from environment variables (documented in the README).
 */
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../subgraphs/shared/database.js';
import { secret } from '../subgraphs/shared/secrets.js';
import type { JwtConfig } from './auth/jwt.js';
import { parseOrigins } from './http/cors.js';
import { gatewayDatabaseConfig } from './store/gateway-store.js';

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
}

/** Origins allowed by default outside production: a frontend dev server (Vite) on this machine. */
export const DEVELOPMENT_CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}.`);
  return parsed;
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
    subscriptions: {
      maxQueuedEvents: positiveInteger(env.SWITCHBOARD_WS_MAX_QUEUED_EVENTS, 256, 'SWITCHBOARD_WS_MAX_QUEUED_EVENTS'),
      maxBufferedBytes: positiveInteger(env.SWITCHBOARD_WS_MAX_BUFFERED_BYTES, 1 << 20, 'SWITCHBOARD_WS_MAX_BUFFERED_BYTES'),
    },
    corsOrigins: parseOrigins(env.SWITCHBOARD_CORS_ORIGINS ?? (production ? '' : DEVELOPMENT_CORS_ORIGINS)),
    ide: !production,
  };
}
