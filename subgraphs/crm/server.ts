/** The CRM subgraph's HTTP server; nothing happens until `createCrmServer` is called. */
import { LiveRecords } from '../shared/change-events/live.js';
import { once } from '../shared/shutdown.js';
import { changeEventRoutes } from '../shared/change-events/routes.js';
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { createCrmContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { engagementOf } from './source/engagement-of.js';
import { statusMapsFromEnv } from './source/lead-status.js';
import type { CrmSource } from './source/port.js';

export interface CrmServerOptions {
  source: CrmSource;
  port: number;
  host?: string;
}

export async function createCrmServer(options: CrmServerOptions): Promise<RunningServer> {
  // Read once: a malformed status map stops the start.
  const statusMaps = statusMapsFromEnv();
  const engagement = engagementOf(options.source);
  const live = LiveRecords.open('customers:updated');
  const server = await startSubgraphServer({
    name: 'crm',
    resolvers,
    context: async () => createCrmContext(options.source, live, statusMaps, engagement),
    // Subscriptions (`customerUpdated`) over graphql-ws on the same port and path.
    websocket: { context: (connection) => createCrmContext(options.source, live, statusMaps, engagement, connection) },
    port: options.port,
    storeReady: () => options.source.ping(),
    // The change-event outbox (embedded stores only), for the gateway's webhook dispatcher.
    routes: options.source.changeEvents ? changeEventRoutes(options.source.changeEvents) : {},
    host: options.host,
  });
  return {
    name: server.name,
    url: server.url,
    graphqlUrl: server.graphqlUrl,
    get requestCount() {
      return server.requestCount;
    },
    get preparedCount() {
      return server.preparedCount;
    },
    close: once(async () => {
      await server.close();
      await live.close();
    }),
  };
}
