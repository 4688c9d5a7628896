/**
 * Creates the gateway: `@apollo/gateway` over the supergraph file, behind authentication
 * and field-level authorization, served by `@apollo/server` on one endpoint (`/graphql`),
 * with an open `GET /health`. No side effects until `startGateway` is called; `close()`
 * stops everything it started.
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createHttpHandler, listen, metricsRoute, publicRoute, sendJson } from '../subgraphs/shared/http.js';
import { accessRecordOf, observabilityPlugin } from '../subgraphs/shared/observability/access-log.js';
import { once } from '../subgraphs/shared/shutdown.js';
import { errorFormatter } from '../subgraphs/shared/format-error.js';
import { Authenticator } from './auth/authenticate.js';
import { JwtVerifier } from './auth/jwt.js';
import { RelatedCustomersLookup } from './auth/related-customers.js';
import { AuthorizingGateway } from './authz/authorizing-gateway.js';
import { DemandControl, readPersistedOperations } from './demand/demand-control.js';
import type { GatewayConfig } from './config.js';
import { ContextBuilder, requestIdOf, viewerOf, type GatewayContext } from './context.js';
import { auditDataSource } from './audit/audit-subgraph.js';
import { GatewayStore } from './store/gateway-store.js';
import { SubgraphClient } from './subgraph-client.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { UpstreamSubscriptions } from './subscriptions/upstream.js';
import { attachGatewayWs } from './subscriptions/ws-server.js';
import { SupergraphFile } from './supergraph-file.js';
import { applyGatewayTelemetrySetting, reportingPlugins } from './vendor-telemetry.js';
import { maxSelectionsRule } from './operation/limits.js';
import { consoleRoutes } from './console/serve.js';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  /** One client per subgraph, by name, with its request counter. */
  subgraphs: Map<string, SubgraphClient>;
  store: GatewayStore;
  /** The subgraph streams behind client subscriptions. */
  upstream: UpstreamSubscriptions;
  close(): Promise<void>;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const store = await GatewayStore.open(config.database);
  const subgraphs = new Map<string, SubgraphClient>();
  const subgraphUrls = new Map<string, string>();
  const contexts = new ContextBuilder(
    new Authenticator(new JwtVerifier(config.jwt), store, config.apiKeyCacheMs),
    new RelatedCustomersLookup((name) => subgraphUrls.get(name), config.subgraphTimeoutMs, config.relatedCustomersTtlMs),
  );
  let authorizing: AuthorizingGateway | null = null;
  applyGatewayTelemetrySetting(config.vendorTelemetry);
  const gateway = new ApolloGateway({
    supergraphSdl: new SupergraphFile(config.supergraphPath, (sdl) => authorizing!.prepareSupergraph(sdl)),
    buildService: ({ name, url }) => {
      if (name === 'audit') return auditDataSource(store);
      const resolvedUrl = config.subgraphUrls[name] ?? url ?? '';
      subgraphUrls.set(name, resolvedUrl);
      const client = new SubgraphClient({ name, url: resolvedUrl, timeoutMs: config.subgraphTimeoutMs });
      subgraphs.set(name, client);
      return client;
    },
  });
  const demand = new DemandControl(config.demand, readPersistedOperations(config.demand.persistedOperationsPath));
  authorizing = new AuthorizingGateway(gateway, { rejectUnauthorized: config.rejectUnauthorizedOperations, demand, store, viewerOf, requestIdOf });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: authorizing,
    formatError: errorFormatter(config.production),
    // Also Apollo's own switch for validation errors; the formatter covers variable coercion too.
    hideSchemaDetailsFromClientErrors: config.production,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.operationLimits.maxTokens },
    validationRules: [maxSelectionsRule(config.operationLimits.maxSelections)],
    plugins: [
      observabilityPlugin('gateway'),
      ...reportingPlugins<GatewayContext>(config.vendorTelemetry),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  const handler = createHttpHandler({
    apollo,
    service: 'gateway',
    context: (req) =>
      contexts.build({ authorization: header(req.headers.authorization), apiKey: header(req.headers['x-api-key']) }, accessRecordOf(req)?.requestId),
    routes: { 'GET /health': publicRoute((_req, res) => sendJson(res, 200, { status: 'ok' })), 'GET /metrics': metricsRoute, ...consoleRoutes(config) },
  });
  const listening = await listen(handler, config.port, config.host);
  const upstream = new UpstreamSubscriptions((name) => (subgraphUrls.get(name) ?? '').replace(/^http/, 'ws'));
  const websocket = attachGatewayWs({
    server: listening.server,
    apollo,
    contexts,
    authorizing,
    planner: new SubscriptionPlanner(gateway),
    upstream,
    apiSchema: () => authorizing?.apiSchema,
    maxQueuedEvents: config.subscriptions.maxQueuedEvents,
    maxBufferedBytes: config.subscriptions.maxBufferedBytes,
    rejectUnauthorized: config.rejectUnauthorizedOperations,
    hideSchemaDetails: config.production,
    operationLimits: config.operationLimits,
  });
  return {
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    subgraphs,
    store,
    upstream,
    // Safe to call twice: SIGINT from a terminal and SIGTERM from `npm start` both arrive.
    // Open HTTP requests finish (bounded drain) before Apollo, the subgraph clients and the store go.
    close: once(async () => {
      await websocket.close();
      await upstream.close();
      await listening.close();
      await apollo.stop();
      await Promise.all([...subgraphs.values()].map((client) => client.close()));
      await store.close();
    }),
  };
}
