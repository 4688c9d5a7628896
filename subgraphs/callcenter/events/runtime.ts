/**
 * Wires the live call events of one call-center instance: event store, pub/sub (in-memory
 * or Redis), subscriber hub, application pipeline, the webhook route and the resolvers.
 * `server.ts` creates one per server; `close()` stops it (and the pub/sub, if it made it).
 */
import { callEventsConfig, type CallEventsConfig } from '../../shared/config.js';
import type { Database } from '../../shared/database.js';
import { ownAuthRoute, type RouteSpec } from '../../shared/http.js';
import { openPubSub } from '../../shared/pubsub/open.js';
import type { PubSub } from '../../shared/pubsub/pubsub.js';
import { ctiWebhookRoute, CTI_WEBHOOK_PATH } from '../cti/webhook.js';
import type { CallCenterTables } from '../source/tables.js';
import { CallExpirySweep } from './call-expiry.js';
import { CallEventHub } from './hub.js';
import { CallEventPipeline, type PipelineOptions, type PipelineStats } from './pipeline.js';
import { callEventResolvers } from './resolvers.js';
import { SqlCallEventStore } from './sql-event-store.js';

export interface CallEventsOptions extends Partial<CallEventsConfig> {
  /** A pub/sub to use instead of opening one from `redisUrl` (not closed by `close()`). */
  pubsub?: PubSub;
  /** Id of this instance in Redis envelopes. */
  instanceId?: string;
  sweepIntervalMs?: number;
  /** How often silent calls are looked for and expired (ms); see `call-expiry.ts`. */
  expirySweepIntervalMs?: number;
  /** Called after each applied batch (the call-log outbox's hook, see `pipeline.ts`). */
  onApplied?: PipelineOptions['onApplied'];
}

export interface CallEventsRuntime {
  /** The CTI webhook: reachable without the internal token, it verifies its HMAC signature itself. */
  routes: Record<string, RouteSpec>;
  resolvers: ReturnType<typeof callEventResolvers>;
  hub: CallEventHub;
  pubsub: PubSub;
  /** Resolves when every accepted event has been applied and published. */
  idle(): Promise<void>;
  /** The silence expiry's sweep (runs periodically; `sweep()` runs it now). */
  expiry: CallExpirySweep;
  readonly stats: PipelineStats & { subscribers: number; slowConsumersDropped: number };
  close(): Promise<void>;
}

export function createCallEventsRuntime(database: Database<CallCenterTables>, options: CallEventsOptions = {}): CallEventsRuntime {
  // Secrets given in the options replace the environment's (no development-secret warning then).
  const env = options.webhookSecrets ? { ...process.env, CTI_WEBHOOK_SECRETS: options.webhookSecrets.join(',') } : process.env;
  const config: CallEventsConfig = { ...callEventsConfig(env), ...definedOnly(options) };
  const ownPubSub = options.pubsub === undefined;
  const pubsub = options.pubsub ?? openPubSub({ redisUrl: config.redisUrl, instanceId: options.instanceId });
  const store = new SqlCallEventStore(database);
  const hub = new CallEventHub(pubsub, config.subscriberBuffer);
  const pipeline = new CallEventPipeline({ store, pubsub, sweepIntervalMs: options.sweepIntervalMs, onApplied: options.onApplied });
  pipeline.start();
  const expiry = new CallExpirySweep({ store, pipeline, callSilenceMs: config.callSilenceMs, sweepIntervalMs: options.expirySweepIntervalMs });
  expiry.start();
  return {
    routes: {
      [`POST ${CTI_WEBHOOK_PATH}`]: ownAuthRoute(ctiWebhookRoute({ secrets: config.webhookSecrets, toleranceSeconds: config.webhookToleranceSeconds, pipeline })),
    },
    resolvers: callEventResolvers({ store, hub, catchUpWindowMs: config.catchUpWindowMs, callSilenceMs: config.callSilenceMs }),
    hub,
    pubsub,
    idle: () => pipeline.idle(),
    expiry,
    get stats() {
      return { ...pipeline.stats, subscribers: hub.subscriberCount, slowConsumersDropped: hub.slowConsumersDropped };
    },
    async close() {
      await expiry.close();
      await pipeline.close();
      hub.close();
      if (ownPubSub) await pubsub.close();
    },
  };
}

function definedOnly(options: CallEventsOptions): Partial<CallEventsConfig> {
  const out: Partial<CallEventsConfig> = {};
  if (options.webhookSecrets !== undefined) out.webhookSecrets = options.webhookSecrets;
  if (options.webhookToleranceSeconds !== undefined) out.webhookToleranceSeconds = options.webhookToleranceSeconds;
  if (options.catchUpWindowMs !== undefined) out.catchUpWindowMs = options.catchUpWindowMs;
  if (options.subscriberBuffer !== undefined) out.subscriberBuffer = options.subscriberBuffer;
  if (options.redisUrl !== undefined) out.redisUrl = options.redisUrl;
  if (options.callSilenceMs !== undefined) out.callSilenceMs = options.callSilenceMs;
  return out;
}
