/** The call-center subgraph's HTTP server (no side effects until called). */
import { startSubgraphServer, type RunningServer } from '../shared/subgraph-server.js';
import { createCallCenterContext, type CallCenterContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import type { CallCenterSource } from './source/port.js';

export interface CallCenterServerOptions {
  source: CallCenterSource;
  port: number;
  host?: string;
}

export function createCallCenterServer(options: CallCenterServerOptions): Promise<RunningServer> {
  return startSubgraphServer<CallCenterContext>({
    name: 'callcenter',
    resolvers,
    context: async () => createCallCenterContext(options.source),
    port: options.port,
    host: options.host,
  });
}
