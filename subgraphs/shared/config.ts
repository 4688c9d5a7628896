/**
 * Configuration of one subgraph process, from environment variables (each declared in
 * env/variables.ts, tabled in the README): port, host, where its source system lives, the
 * demo seed size, and the call center's live events and call-log outbox.
 */
import { resolve } from 'node:path';
import type { DatabaseConfig } from './database.js';
import type { SubgraphName } from './subgraph-names.js';
import { envValue, readEnv } from './env/read.js';
import { loggerFor } from './observability/logger.js';

const log = loggerFor('config');

export { DEFAULT_PORTS } from './env/variables.js';

export interface SubgraphConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Customers to seed into an empty embedded store on first start (0: none). */
  seedCustomers: number;
}

/** The absolute directory of the embedded SQLite files and development secrets (`SWITCHBOARD_DATA_DIR`). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(envValue('SWITCHBOARD_DATA_DIR', env));
}

const PER_SUBGRAPH = {
  crm: { port: 'CRM_PORT', host: 'CRM_HOST', database: 'CRM_DATABASE_URL' },
  callcenter: { port: 'CALLCENTER_PORT', host: 'CALLCENTER_HOST', database: 'CALLCENTER_DATABASE_URL' },
  tickets: { port: 'TICKETS_PORT', host: 'TICKETS_HOST', database: 'TICKETS_DATABASE_URL' },
} as const;

/** Where a subgraph's store lives: PostgreSQL with `<NAME>_DATABASE_URL`, else `<data dir>/<name>.sqlite`. */
export function databaseConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = envValue(PER_SUBGRAPH[name].database, env);
  if (url) return { driver: 'postgres', url, schema: name };
  return { driver: 'sqlite', file: resolve(dataDir(env), `${name}.sqlite`) };
}

/**
 * One subgraph process's configuration. Throws one `EnvError` naming every variable the
 * subgraph reads that is wrong, or missing in production: each subgraph validates its whole
 * environment here, at start.
 */
export function subgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const v = readEnv(name, env);
  const names = PER_SUBGRAPH[name];
  return { port: v[names.port], host: v[names.host], database: databaseConfig(name, env), seedCustomers: v.SWITCHBOARD_SEED_CUSTOMERS };
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

/** The call center's live-event settings; throws an `EnvError` naming a wrong variable. */
export function callEventsConfig(env: NodeJS.ProcessEnv = process.env): CallEventsConfig {
  let webhookSecrets = envValue('CTI_WEBHOOK_SECRETS', env) ?? [];
  if (webhookSecrets.length === 0) {
    if (!warnedDevSecret) {
      warnedDevSecret = true;
      log.warn(`WARNING: CTI_WEBHOOK_SECRETS is not set; CTI webhooks are verified with the development secret "${DEV_CTI_WEBHOOK_SECRET}".`);
    }
    webhookSecrets = [DEV_CTI_WEBHOOK_SECRET];
  }
  return {
    webhookSecrets,
    webhookToleranceSeconds: envValue('CTI_WEBHOOK_TOLERANCE_SECONDS', env),
    catchUpWindowMs: envValue('CALL_EVENTS_CATCH_UP_MINUTES', env) * 60_000,
    subscriberBuffer: Math.floor(envValue('CALL_EVENTS_SUBSCRIBER_BUFFER', env)),
    redisUrl: envValue('REDIS_URL', env) ?? null,
    callSilenceMs: envValue('CALL_EXPIRY_SILENCE_SECONDS', env) * 1000,
  };
}

// ---------------------------------------------------------------------------------------
// Call-log outbox (ended calls → CRM timeline and callback tickets, through the gateway):
// see subgraphs/callcenter/README.md, "Call logging and callback tickets".

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

/** The call-log outbox's settings; throws an `EnvError` naming a wrong variable. */
export function callLogOutboxConfig(env: NodeJS.ProcessEnv = process.env): CallLogOutboxConfig {
  const dispositions = (envValue('CALLBACK_DISPOSITIONS', env) ?? []).map((d) => d.toUpperCase());
  const retryBaseMs = envValue('CALL_LOG_RETRY_MIN_SECONDS', env) * 1000;
  const retryMaxMs = envValue('CALL_LOG_RETRY_MAX_SECONDS', env) * 1000;
  if (retryMaxMs < retryBaseMs) throw new Error('CALL_LOG_RETRY_MAX_SECONDS must be at least CALL_LOG_RETRY_MIN_SECONDS.');
  return {
    gatewayUrl: envValue('SWITCHBOARD_GATEWAY_URL', env) ?? 'http://127.0.0.1:4000/graphql',
    apiKey: envValue('CALL_LOG_API_KEY', env) ?? null,
    callbackDispositions: dispositions,
    callbackQueues: envValue('CALLBACK_QUEUES', env) ?? [],
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
  /** How long an accepted hand-off grants its agent access to its customer (`HANDOFF_RECORD_ACCESS_HOURS`, 8 h). */
  recordAccessMs: number;
}

export function handoffConfig(env: NodeJS.ProcessEnv = process.env): HandoffConfig {
  return {
    timeoutMs: envValue('HANDOFF_TIMEOUT_SECONDS', env) * 1000,
    sweepIntervalMs: envValue('HANDOFF_SWEEP_SECONDS', env) * 1000,
    recordAccessMs: envValue('HANDOFF_RECORD_ACCESS_HOURS', env) * 3_600_000,
  };
}
