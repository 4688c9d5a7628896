/** The call-center subgraph's HTTP server (no side effects until called). */
import type { Database } from '../shared/database.js';
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { once } from '../shared/shutdown.js';
import { createCallCenterContext, type CallCenterContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import type { CallCenterSource } from './source/port.js';
import type { CallCenterTables } from './source/tables.js';
// Live call events: webhook, subscriptions, catch-up (subgraphs/callcenter/events/).
import { attachConnectionCloser } from './events/resolvers.js';
import { retentionIntervalSeconds, retentionPeriods, scheduleRetention } from '../shared/privacy/retention.js';
import { callCenterRetentionTasks } from './privacy/retention.js';
import type { CallCenterPrivacyTables } from './privacy/tables.js';
import type { Kysely } from 'kysely';
import { createCallEventsRuntime, type CallEventsOptions, type CallEventsRuntime } from './events/runtime.js';
// Call-log outbox: ended calls → CRM timeline and callback tickets (subgraphs/callcenter/outbox/).
import { createCallLogOutbox, type CallLogOutboxOptions, type CallLogOutboxRuntime } from './outbox/runtime.js';
// Bot hand-offs: routed like calls, announced on the call-event stream (subgraphs/callcenter/handoffs/).
import { createHandoffRuntime, type HandoffOptions, type HandoffRuntime } from './handoffs/runtime.js';

export interface CallCenterServerOptions {
  /** The store; its database also holds the CTI event tables. */
  source: CallCenterSource & { readonly database: Database<CallCenterTables> };
  port: number;
  host?: string;
  /** Live call events: webhook secrets, pub/sub, buffers (defaults from the environment, see README). */
  callEvents?: CallEventsOptions;
  /** Call-log outbox: callback rule, gateway URL, API key, dispatcher tuning (defaults from the environment, see README). */
  outbox?: CallLogOutboxOptions;
  /** Bot hand-offs: timeout and sweep interval (defaults from `HANDOFF_TIMEOUT_SECONDS`, `HANDOFF_SWEEP_SECONDS`). */
  handoffs?: Omit<HandoffOptions, 'pubsub'>;
}

export interface RunningCallCenter extends RunningServer {
  callEvents: CallEventsRuntime;
  outbox: CallLogOutboxRuntime;
  handoffs: HandoffRuntime;
}

export async function createCallCenterServer(options: CallCenterServerOptions): Promise<RunningCallCenter> {
  const outbox = createCallLogOutbox(options.source.database, options.outbox);
  const callEvents = createCallEventsRuntime(options.source.database, { ...options.callEvents, onApplied: outbox.onApplied });
  // Hand-off events travel on the call-event topic, to the same subscribers as screen-pops.
  const handoffs = createHandoffRuntime(options.source.database, { ...options.handoffs, pubsub: callEvents.pubsub });
  let server: RunningServer;
  try {
    server = await startSubgraphServer<CallCenterContext>({
      name: 'callcenter',
      resolvers: {
        ...resolvers,
        Query: { ...resolvers.Query, ...callEvents.resolvers.Query, ...outbox.resolvers.Query, ...handoffs.resolvers.Query },
        Mutation: { ...resolvers.Mutation, ...handoffs.resolvers.Mutation },
        Handoff: handoffs.resolvers.Handoff,
        Subscription: callEvents.resolvers.Subscription,
      },
      context: async () => createCallCenterContext(options.source),
      websocket: {
        context: (connection) => attachConnectionCloser(createCallCenterContext(options.source), connection.close),
      },
      routes: callEvents.routes,
      port: options.port,
      storeReady: () => options.source.database.ping(),
      host: options.host,
    });
  } catch (error) {
    await handoffs.close();
    await callEvents.close();
    await outbox.close();
    throw error;
  }
  const closeHttp = server.close;
  // Retention of call events and recording references (docs/privacy.md).
  const retention = scheduleRetention(
    'callcenter',
    callCenterRetentionTasks(options.source.database.db as unknown as Kysely<CallCenterPrivacyTables>, retentionPeriods()),
    retentionIntervalSeconds(),
  );
  return Object.assign(server, {
    callEvents,
    outbox,
    handoffs,
    close: once(async () => {
      await closeHttp();
      await retention.close();
      await handoffs.close();
      await callEvents.close();
      await outbox.close();
    }),
  });
}
