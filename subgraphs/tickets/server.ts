/** The tickets subgraph's HTTP server over a ticket source; nothing happens until called. */
import { LiveRecords } from '../shared/change-events/live.js';
import { once } from '../shared/shutdown.js';
import { changeEventRoutes } from '../shared/change-events/routes.js';
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { createContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import type { TicketsSource } from './source/port.js';

export interface TicketsServerOptions {
  source: TicketsSource;
  port: number;
  host?: string;
}

export async function createTicketsServer(options: TicketsServerOptions): Promise<RunningServer> {
  const live = LiveRecords.open('tickets:updated');
  const server = await startSubgraphServer({
    name: 'tickets',
    resolvers,
    context: async () => createContext(options.source, live),
    // Subscriptions (`ticketUpdated`) over graphql-ws on the same port and path.
    websocket: { context: (connection) => createContext(options.source, live, connection) },
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
