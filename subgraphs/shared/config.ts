/**
 * Configuration of one subgraph process, from environment variables (documented in the
 * README): port, host, where its source system lives, and the demo seed size.
 */
import { resolve } from 'node:path';
import type { DatabaseConfig } from './database.js';
import type { SubgraphName } from './subgraph-server.js';
import { loggerFor } from './observability/logger.js';

const log = loggerFor('config');

export const DEFAULT_PORTS: Record<SubgraphName, number> = { crm: 4001, callcenter: 4002, tickets: 4003 };

export interface SubgraphConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Customers to seed into an empty embedded store on first start (0: none). */
  seedCustomers: number;
}

function envName(name: SubgraphName, key: string): string {
  return `${name.toUpperCase()}_${key}`;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SWITCHBOARD_DATA_DIR ?? 'data');
}

export function databaseConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env[envName(name, 'DATABASE_URL')];
  if (url) return { driver: 'postgres', url, schema: name };
  return { driver: 'sqlite', file: resolve(dataDir(env), `${name}.sqlite`) };
}

export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const port = Number(env[envName(name, 'PORT')] ?? DEFAULT_PORTS[name]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${envName(name, 'PORT')} must be a port number.`);
  const seedCustomers = Number(env.SWITCHBOARD_SEED_CUSTOMERS ?? 1000);
  if (!Number.isInteger(seedCustomers) || seedCustomers < 0) throw new Error('SWITCHBOARD_SEED_CUSTOMERS must be a whole number.');
  return { port, host: env[envName(name, 'HOST')] ?? '127.0.0.1', database: databaseConfig(name, env), seedCustomers };
}

// ---------------------------------------------------------------------------------------
// Live call events (CTI webhooks, pub/sub, subscriptions): see docs/cti-webhooks.md.

/** The development webhook secret used when `CTI_WEBHOOK_SECRETS` is unset (never in production). */
export const DEV_CTI_WEBHOOK_SECRET = 'switchboard-dev-cti-secret';

export interface CallEventsConfig {
  /** Accepted HMAC secrets, newest first; two at once during a rotation. */
  webhookSecrets: string[];
  /** Largest accepted clock difference of a signed webhook, in seconds. */
  webhookToleranceSeconds: number;
  /** How far back `callEventsSince` replays, in milliseconds. */
  catchUpWindowMs: number;
  /** Events buffered per subscriber before it is dropped as a slow consumer. */
  subscriberBuffer: number;
  /** Redis for pub/sub between instances; `null`: in-process. */
  redisUrl: string | null;
  /**
   * A call not ended after this long without any event (ms, `CALL_EXPIRY_SILENCE_SECONDS`,
   * default 4 h) is ended as EXPIRED and stops counting as active at once (`events/call-expiry.ts`).
   */
  callSilenceMs: number;
}

let warnedDevSecret = false;

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

export function callEventsConfig(env: NodeJS.ProcessEnv = process.env): CallEventsConfig {
  let webhookSecrets = (env.CTI_WEBHOOK_SECRETS ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (webhookSecrets.length === 0) {
    if (env.NODE_ENV === 'production') throw new Error('CTI_WEBHOOK_SECRETS must be set in production.');
    if (!warnedDevSecret) {
      warnedDevSecret = true;
      log.warn(`WARNING: CTI_WEBHOOK_SECRETS is not set; CTI webhooks are verified with the development secret "${DEV_CTI_WEBHOOK_SECRET}".`);
    }
    webhookSecrets = [DEV_CTI_WEBHOOK_SECRET];
  }
  return {
    webhookSecrets,
    webhookToleranceSeconds: positiveNumber(env, 'CTI_WEBHOOK_TOLERANCE_SECONDS', 300),
    catchUpWindowMs: positiveNumber(env, 'CALL_EVENTS_CATCH_UP_MINUTES', 15) * 60_000,
    subscriberBuffer: Math.floor(positiveNumber(env, 'CALL_EVENTS_SUBSCRIBER_BUFFER', 1000)),
    redisUrl: env.REDIS_URL || null,
    callSilenceMs: positiveNumber(env, 'CALL_EXPIRY_SILENCE_SECONDS', 4 * 3600) * 1000,
  };
}

// ---------------------------------------------------------------------------------------
// Call-log outbox (ended calls → CRM timeline and callback tickets, through the gateway):
// see subgraphs/callcenter/README.md, "Call logging and callback tickets".

/** The dispositions that make a callback ticket when `CALLBACK_DISPOSITIONS` is unset. */
export const DEFAULT_CALLBACK_DISPOSITIONS = ['MISSED', 'ABANDONED'] as const;

export interface CallLogOutboxConfig {
  /** The gateway's GraphQL endpoint the dispatcher calls. */
  gatewayUrl: string;
  /** The service account's API key (`sbk_…`); `null`: no dispatcher runs (the backlog still grows). */
  apiKey: string | null;
  /** Dispositions of inbound calls that get a callback ticket (empty: none). */
  callbackDispositions: string[];
  /** Queues whose calls get callback tickets; empty: all queues (and calls without a queue). */
  callbackQueues: string[];
  /** First retry delay and the cap of the exponential backoff, in milliseconds. */
  retryBaseMs: number;
  retryMaxMs: number;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export function callLogOutboxConfig(env: NodeJS.ProcessEnv = process.env): CallLogOutboxConfig {
  const dispositions = env.CALLBACK_DISPOSITIONS === undefined ? [...DEFAULT_CALLBACK_DISPOSITIONS] : list(env.CALLBACK_DISPOSITIONS).map((d) => d.toUpperCase());
  const known = ['ANSWERED', 'ABANDONED', 'MISSED', 'TRANSFERRED', 'VOICEMAIL', 'EXPIRED'];
  const unknown = dispositions.filter((d) => !known.includes(d));
  if (unknown.length > 0) throw new Error(`CALLBACK_DISPOSITIONS: unknown dispositions ${unknown.join(', ')} (known: ${known.join(', ')}).`);
  const retryBaseMs = positiveNumber(env, 'CALL_LOG_RETRY_MIN_SECONDS', 1) * 1000;
  const retryMaxMs = positiveNumber(env, 'CALL_LOG_RETRY_MAX_SECONDS', 300) * 1000;
  if (retryMaxMs < retryBaseMs) throw new Error('CALL_LOG_RETRY_MAX_SECONDS must be at least CALL_LOG_RETRY_MIN_SECONDS.');
  return {
    gatewayUrl: env.SWITCHBOARD_GATEWAY_URL || 'http://127.0.0.1:4000/graphql',
    apiKey: env.CALL_LOG_API_KEY || null,
    callbackDispositions: dispositions,
    callbackQueues: list(env.CALLBACK_QUEUES),
    retryBaseMs,
    retryMaxMs,
  };
}

// ---------------------------------------------------------------------------------------
// Bot hand-offs (subgraphs/callcenter/handoffs/, docs/bots.md).

export interface HandoffConfig {
  /** How long a hand-off waits for an agent before it falls back to a ticket (`HANDOFF_TIMEOUT_SECONDS`, 120). */
  timeoutMs: number;
  /** How often due hand-offs are looked for (`HANDOFF_SWEEP_SECONDS`, 5). */
  sweepIntervalMs: number;
}

export function handoffConfig(env: NodeJS.ProcessEnv = process.env): HandoffConfig {
  return {
    timeoutMs: positiveNumber(env, 'HANDOFF_TIMEOUT_SECONDS', 120) * 1000,
    sweepIntervalMs: positiveNumber(env, 'HANDOFF_SWEEP_SECONDS', 5) * 1000,
  };
}
