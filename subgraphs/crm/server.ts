/** The CRM subgraph's HTTP server; nothing happens until `createCrmServer` is called. */
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
    storeReady: () => options.source.ping(),
    host: options.host,
  });
}
