/** The tickets subgraph's HTTP server over a ticket source; nothing happens until called. */
import { ChangeEventOutbox } from '../shared/change-events/outbox.js';
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

export function createTicketsServer(options: TicketsServerOptions): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'tickets',
    resolvers,
    context: async () => createContext(options.source),
    port: options.port,
    storeReady: () => options.source.database.ping(),
    // The change-event outbox, for the gateway's webhook dispatcher only.
    routes: changeEventRoutes(ChangeEventOutbox.in(options.source.database.db)),
    host: options.host,
  });
}
