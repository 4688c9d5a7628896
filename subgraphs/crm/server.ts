/** The CRM subgraph's HTTP server; nothing happens until `createCrmServer` is called. */
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { createCrmContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { SqlEngagementStore } from './source/engagement-store.js';
import { statusMapsFromEnv } from './source/lead-status.js';
import type { CrmSource } from './source/port.js';

export interface CrmServerOptions {
  source: CrmSource;
  port: number;
  host?: string;
}

export function createCrmServer(options: CrmServerOptions): Promise<RunningServer> {
  // Read once: a malformed status map stops the start.
  const statusMaps = statusMapsFromEnv();
  const engagement = new SqlEngagementStore(options.source.database);
  return startSubgraphServer({
    name: 'crm',
    resolvers,
    context: async () => createCrmContext(options.source, statusMaps, engagement),
    port: options.port,
    storeReady: () => options.source.database.ping(),
    host: options.host,
  });
}
