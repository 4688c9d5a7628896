/** The CRM subgraph's HTTP server; nothing happens until `createCrmServer` is called. */
import { ChangeEventOutbox } from '../shared/change-events/outbox.js';
import { changeEventRoutes } from '../shared/change-events/routes.js';
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { createCrmContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import type { CrmSource } from './source/port.js';

export interface CrmServerOptions {
  source: CrmSource;
  port: number;
  host?: string;
}

export function createCrmServer(options: CrmServerOptions): Promise<RunningServer> {
  return startSubgraphServer({
    name: 'crm',
    resolvers,
    context: async () => createCrmContext(options.source),
    port: options.port,
    storeReady: () => options.source.database.ping(),
    // The change-event outbox, for the gateway's webhook dispatcher only.
    routes: changeEventRoutes(ChangeEventOutbox.in(options.source.database.db)),
    host: options.host,
  });
}
