/**
 * Creates the gateway: `@apollo/gateway` over the supergraph file, served by
 * `@apollo/server` on one endpoint (`/graphql`), with `GET /health`. No side effects until
 * `startGateway` is called; `close()` stops everything it started.
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createHttpHandler, listen, sendJson } from '../subgraphs/shared/http.js';
import { formatError } from '../subgraphs/shared/format-error.js';
import type { GatewayConfig } from './config.js';
import { createGatewayContext, type GatewayContext } from './context.js';
import { SubgraphClient } from './subgraph-client.js';
import { SupergraphFile } from './supergraph-file.js';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  /** One client per subgraph, by name, with its request counter. */
  subgraphs: Map<string, SubgraphClient>;
  close(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const subgraphs = new Map<string, SubgraphClient>();
  const gateway = new ApolloGateway({
    supergraphSdl: new SupergraphFile(config.supergraphPath),
    buildService: ({ name, url }) => {
      const client = new SubgraphClient({ name, url: config.subgraphUrls[name] ?? url ?? '', timeoutMs: config.subgraphTimeoutMs });
      subgraphs.set(name, client);
      return client;
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    csrfPrevention: true,
    plugins: config.production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    context: createGatewayContext,
    routes: { 'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }) },
  });
  const listening = await listen(handler, config.port, config.host);
  return {
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    subgraphs,
    async close() {
      await listening.close();
      await apollo.stop();
    },
  };
}
