/**
 * Creates the gateway: `@apollo/gateway` over the supergraph file, behind authentication
 * and field-level authorization, served by `@apollo/server` on one endpoint (`/graphql`),
 * with open `GET /health` (liveness) and `GET /health/ready` (readiness: supergraph loaded,
 * store answering, not shutting down). Per-caller rate limits (rate-limit.ts) and a circuit
 * breaker per subgraph (subgraph-breaker.ts) protect it and the subgraphs. No side effects
 * until `startGateway` is called; `close()` stops everything it started.
 */
import { addressPolicy } from '../subgraphs/shared/address-policy.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';
import { FieldCipher, WEBHOOK_KEYS } from '../subgraphs/shared/field-cipher.js';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { QueryPlan } from '@apollo/query-planner';
import type { DocumentNode } from 'graphql';
import { asKeyValueCache, boundedCache, documentBytes, objectBytes } from '../subgraphs/shared/bounded-cache.js';
import { createHttpHandler, listen, metricsRoute, publicRoute, sendJson } from '../subgraphs/shared/http.js';
import { accessRecordOf, observabilityPlugin } from '../subgraphs/shared/observability/access-log.js';
import { once } from '../subgraphs/shared/shutdown.js';
import { errorFormatter, hideSchemaDetailsPlugin } from '../subgraphs/shared/format-error.js';
import { Authenticator } from './auth/authenticate.js';
import { JwtVerifier } from './auth/jwt.js';
import { RelatedCustomersLookup } from './auth/related-customers.js';
import { AuthorizingGateway } from './authz/authorizing-gateway.js';
import { DemandControl, readPersistedOperations } from './demand/demand-control.js';
import type { GatewayConfig } from './config.js';
import { ContextBuilder, deadlineOf, requestIdOf, viewerOf, type GatewayContext } from './context.js';
import { auditDataSource } from './audit/audit-subgraph.js';
import { PrivacyService } from './privacy/service.js';
import { Reconciler } from './reconciliation/reconciler.js';
import { CrossSystemReporter } from './cross-reports/reporter.js';
import { GatewayStore } from './store/gateway-store.js';
import { CHANGE_EVENT_SOURCES } from '../subgraphs/shared/change-events/registry.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { ChangeEventFeed } from './webhooks/event-feed.js';
import { WebhookStore } from './webhooks/webhook-store.js';
import type { WebhookTables } from './webhooks/tables.js';
import type { Kysely } from 'kysely';
import { webhooksDataSource } from './webhooks/webhooks-subgraph.js';
import { SubgraphClient } from './subgraph-client.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { UpstreamSubscriptions } from './subscriptions/upstream.js';
import { attachGatewayWs } from './subscriptions/ws-server.js';
import { SupergraphFile } from './supergraph-file.js';
import { CorsPolicy } from './http/cors.js';
import { GraphiqlIde } from './http/ide.js';
import { applyGatewayTelemetrySetting, reportingPlugins } from './vendor-telemetry.js';
import { maxSelectionsRule } from './operation/limits.js';
import { RateLimiter } from './rate-limit.js';
import { breakerFor, type SubgraphBreaker } from './subgraph-breaker.js';
import { readinessRoute } from '../subgraphs/shared/readiness.js';
import { consoleRoutes } from './console/serve.js';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  /** One client per subgraph, by name, with its request counter. */
  subgraphs: Map<string, SubgraphClient>;
  store: GatewayStore;
  /** Outbound webhook endpoints and deliveries. */
  webhooks: WebhookStore;
  /** The subgraph streams behind client subscriptions. */
  upstream: UpstreamSubscriptions;
  close(): Promise<void>;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const log = loggerFor('gateway');

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const store = await GatewayStore.open(config.database);
  const subgraphs = new Map<string, SubgraphClient>();
  const subgraphUrls = new Map<string, string>();
  const webhookStore = new WebhookStore(store.database.db as unknown as Kysely<WebhookTables>, FieldCipher.fromEnv(process.env, WEBHOOK_KEYS));
  // Secrets from before sealing existed, or under a rotated-out key, are sealed under the current key.
  const resealed = await webhookStore.sealSecrets();
  if (resealed > 0) log.info(`webhooks: sealed ${resealed} endpoint secret(s) under the current SWITCHBOARD_WEBHOOK_KEY`);
  const endpointRules = { httpsOnly: config.webhooks.httpsOnly, addressPolicy: addressPolicy(config.webhooks.allowedNetworks) };
  // Outbound webhooks: read from each system's change-event outbox by the gateway (which may call every subgraph), sent from here.
  const dispatcher = config.webhooks.dispatch
    ? new WebhookDispatcher(
        webhookStore,
        CHANGE_EVENT_SOURCES.map((source) => new ChangeEventFeed(source, () => subgraphUrls.get(source), config.subgraphTimeoutMs)),
        { ...config.webhooks, addressPolicy: endpointRules.addressPolicy },
      )
    : null;
  const breakers = new Map<string, SubgraphBreaker>();
  let draining = false;
  const contexts = new ContextBuilder(
    new Authenticator(new JwtVerifier(config.jwt, config.caches.callersBytes), store, config.apiKeyCacheMs, config.caches.callersBytes),
    new RelatedCustomersLookup((name) => subgraphUrls.get(name), config.subgraphTimeoutMs, config.relatedCustomersTtlMs, config.caches.callersBytes),
    config.subgraphTimeoutMs,
    config.caches.callersBytes,
  );
  let authorizing: AuthorizingGateway | null = null;
  let listeningUrl = `http://localhost:${config.port}`;
  // Data-subject requests (docs/privacy.md): each system's part through its own graph fields.
  const privacy = new PrivacyService(store, (name) => subgraphUrls.get(name) ?? config.subgraphUrls[name], config.subgraphTimeoutMs, () => listeningUrl, config.privacy);
  // Reconciliation (docs/reporting.md): each system's part through its own admin-only field.
  const reconciler = new Reconciler((name) => subgraphUrls.get(name) ?? config.subgraphUrls[name], config.subgraphTimeoutMs);
  // Contact reasons by tier, churn journeys (docs/reporting.md): each system's part through its own reports:read field.
  const crossReports = new CrossSystemReporter((name) => subgraphUrls.get(name) ?? config.subgraphUrls[name], config.subgraphTimeoutMs);
  applyGatewayTelemetrySetting(config.vendorTelemetry);
  const gateway = new ApolloGateway({
    // Plans by operation: bounded by bytes like every cache keyed by client input.
    queryPlannerConfig: { cache: asKeyValueCache(boundedCache<QueryPlan>({ maxBytes: config.caches.queryPlansBytes, sizeOf: objectBytes })) },
    supergraphSdl: new SupergraphFile(config.supergraphPath, (sdl) => authorizing!.prepareSupergraph(sdl)),
    buildService: ({ name, url }) => {
      if (name === 'audit') return auditDataSource(store, privacy, reconciler, crossReports);
      if (name === 'webhooks') return webhooksDataSource(webhookStore, { rules: endpointRules, retryForMs: config.webhooks.retryForMs, onReplay: () => dispatcher?.kickSend() });
      const resolvedUrl = config.subgraphUrls[name] ?? url ?? '';
      subgraphUrls.set(name, resolvedUrl);
      const breaker = breakerFor(name, config.breaker);
      if (breaker) breakers.set(name, breaker);
      const client = new SubgraphClient({ name, url: resolvedUrl, timeoutMs: config.subgraphTimeoutMs, guard: breaker });
      subgraphs.set(name, client);
      return client;
    },
  });
  const demand = new DemandControl(config.demand, readPersistedOperations(config.demand.persistedOperationsPath));
  const rateLimiter = new RateLimiter(config.rateLimit, config.redisUrl);
  authorizing = new AuthorizingGateway(gateway, {
    rejectUnauthorized: config.rejectUnauthorizedOperations,
    demand,
    rateLimiter,
    store,
    viewerOf,
    requestIdOf,
    deadlineOf,
    authorizationCacheBytes: config.caches.authorizationBytes,
    preparedOperationBytes: config.caches.queryPlansBytes,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: authorizing,
    formatError: errorFormatter(config.production),
    // Also Apollo's own switch for validation errors; the formatter covers variable coercion too.
    hideSchemaDetailsFromClientErrors: config.production,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    csrfPrevention: true,
    documentStore: asKeyValueCache(boundedCache<DocumentNode>({ maxBytes: config.caches.documentsBytes, sizeOf: documentBytes })),
    parseOptions: { maxTokens: config.operationLimits.maxTokens },
    validationRules: [maxSelectionsRule(config.operationLimits.maxSelections)],
    plugins: [
      observabilityPlugin('gateway'),
      ...(config.production ? [hideSchemaDetailsPlugin()] : []),
      ...reportingPlugins<GatewayContext>(config.vendorTelemetry),
      // Apollo's landing page loads Sandbox from a CDN; development gets the offline GraphiQL instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  await rateLimiter.connected(2000);
  const cors = new CorsPolicy(config.corsOrigins);
  const ide = config.ide ? new GraphiqlIde() : null;
  dispatcher?.start();
  const handler = createHttpHandler({
    apollo,
    service: 'gateway',
    front: [(req, res) => cors.handle(req, res), ...(ide ? [ide.handle.bind(ide)] : [])],
    context: (req) =>
      contexts.build({ authorization: header(req.headers.authorization), apiKey: header(req.headers['x-api-key']) }, accessRecordOf(req)?.requestId),
    routes: {
      'GET /health': publicRoute((_req, res) => sendJson(res, 200, { status: 'ok' })),
      'GET /health/ready': readinessRoute({
        checks: {
          supergraph: () => {
            if (!authorizing?.apiSchema) throw new Error('no supergraph loaded');
          },
          store: () => store.database.ping(),
        },
        draining: () => draining,
      }),
      'GET /metrics': metricsRoute,
      ...consoleRoutes(config),
      ...privacy.routes(),
    },
  });
  const listening = await listen(handler, config.port, config.host);
  listeningUrl = listening.url;
  privacy.start();
  const upstream = new UpstreamSubscriptions((name) => (subgraphUrls.get(name) ?? '').replace(/^http/, 'ws'));
  const websocket = attachGatewayWs({
    server: listening.server,
    apollo,
    contexts,
    authorizing,
    planner: new SubscriptionPlanner(gateway, config.caches.subscriptionPlansBytes),
    upstream,
    apiSchema: () => authorizing?.apiSchema,
    maxQueuedEvents: config.subscriptions.maxQueuedEvents,
    maxBufferedBytes: config.subscriptions.maxBufferedBytes,
    rejectUnauthorized: config.rejectUnauthorizedOperations,
    hideSchemaDetails: config.production,
    operationLimits: config.operationLimits,
    allowOrigin: (origin, host) => cors.judge(origin, host) !== 'refused',
  });
  return {
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    subgraphs,
    store,
    webhooks: webhookStore,
    upstream,
    // Safe to call twice: SIGINT from a terminal and SIGTERM from `npm start` both arrive.
    // Open HTTP requests finish (bounded drain) before Apollo, the subgraph clients and the store go.
    close: once(async () => {
      draining = true;
      await dispatcher?.close();
      await privacy.close();
      await websocket.close();
      await upstream.close();
      await listening.close();
      await apollo.stop();
      for (const breaker of breakers.values()) breaker.close();
      await Promise.all([...subgraphs.values()].map((client) => client.close()));
      await rateLimiter.close();
      await store.close();
    }),
  };
}
