/**
 * Creates one subgraph's HTTP server from its SDL in `schema/` and its resolvers:
 * GraphQL at `/graphql`, liveness at `GET /health`, readiness at `GET /health/ready`
 * (store reachable, not shutting down: readiness.ts), the state of its connector syncs at
 * `GET /health/sync` (sync/status-route.ts), plus any routes the subgraph adds.
 * Only the gateway may call it: every request needs a valid internal token (401 otherwise)
 * except the health checks and routes declared `own-auth` (the CTI webhook), decided on the one
 * parsed request target the routing uses too (`request-target.ts`, docs/authorization.md).
 * No side effects until called; `close()` frees the port.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { asKeyValueCache, boundedCache, documentBytes } from './bounded-cache.js';
import { createHttpHandler, listen, metricsRoute, publicRoute, sendJson, serveUpgrades, type Route, type RouteSpec } from './http.js';
import { observabilityPlugin } from './observability/access-log.js';
import { errorFormatter } from './format-error.js';
import { enforceFieldRules } from '../../schema/field-rules.js';
import { InternalTokenVerifier } from './internal-token.js';
import { once } from './shutdown.js';
import { PreparedOperations } from './prepared-operations.js';
import { envValue } from './env/read.js';
import type { SubgraphName } from './subgraph-names.js';
import { readinessRoute } from './readiness.js';
import { syncStatusRoute } from './sync/status-route.js';
import type { Viewer } from '../../schema/viewer.js';
import type { TraceCarrier } from './observability/tracing.js';

export type { SubgraphName } from './subgraph-names.js';

export function schemaPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../schema/${name}.graphql`, import.meta.url));
}

export function readSubgraphSdl(name: SubgraphName): string {
  return readFileSync(schemaPath(name), 'utf8');
}

/**
 * A subscription's context, where the resolver of each event leaves the event's trace
 * (webhook trace, acceptance time): sent to the gateway as the result's `extensions.trace`.
 */
export interface EventTraceHolder {
  eventTrace?: TraceCarrier;
}

/** What every subgraph context carries besides its own parts. */
export interface SubgraphBaseContext extends BaseContext {
  /** The caller, from the gateway's internal token. */
  viewer: Viewer;
}

export interface SubgraphServerOptions<TContext extends SubgraphBaseContext> {
  name: SubgraphName;
  // Resolver maps typed by codegen are structurally wider than Apollo's; checked there.
  resolvers: unknown;
  /** The subgraph's own context parts; the viewer is added by the server. */
  context: (req: IncomingMessage) => Promise<Omit<TContext, 'viewer'>>;
  port: number;
  host?: string;
  /** Extra routes by `METHOD /path`; a plain `Route` needs the internal token, see `RouteSpec`. */
  routes?: Record<string, Route | RouteSpec>;
  /** Also serve the schema (subscriptions included) over graphql-ws on the same port, path `/graphql`. */
  websocket?: WebSocketOptions<TContext>;
  /** Byte budget of parsed operations (Apollo Server's document store); default `SUBGRAPH_DOCUMENT_CACHE_MB` (16 MiB). */
  documentCacheBytes?: number;
  /** Resolves when the subgraph's store answers, rejects with the reason when not: the `store` check of `GET /health/ready`. */
  storeReady?: () => Promise<void>;
}

/** `SUBGRAPH_DOCUMENT_CACHE_MB` in bytes (default 16 MiB): every distinct plan fetch the gateway sends is a distinct document here. */
export function subgraphDocumentCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  return envValue('SUBGRAPH_DOCUMENT_CACHE_MB', env);
}

export interface RunningServer {
  name: string;
  /** Base URL, for example `http://127.0.0.1:4001`. */
  url: string;
  /** The GraphQL endpoint, `${url}/graphql`. */
  graphqlUrl: string;
  /** GraphQL requests served since start. */
  readonly requestCount: number;
  /** Of those, how many prepared operations answered without Apollo Server's pipeline (prepared-operations.ts). */
  readonly preparedCount: number;
  close(): Promise<void>;
}

export async function startSubgraphServer<TContext extends SubgraphBaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  type SchemaModule = Parameters<typeof buildSubgraphSchema>[0] & { typeDefs: unknown };
  const sdl = parse(readSubgraphSdl(options.name));
  const schema = enforceFieldRules(buildSubgraphSchema({ typeDefs: sdl, resolvers: options.resolvers } as SchemaModule), sdl);
  const internalTokens = new InternalTokenVerifier();
  const viewers = new WeakMap<IncomingMessage, Viewer>();
  const formatError = errorFormatter(envValue('NODE_ENV') === 'production');
  const includeStacktrace = envValue('NODE_ENV') === 'development';
  const documentCacheBytes = options.documentCacheBytes ?? subgraphDocumentCacheBytes();
  const contextOf = async (req: IncomingMessage) => ({ ...(await options.context(req)), viewer: viewers.get(req)! }) as TContext;
  // The gateway's operations, once Apollo Server has accepted them, run without its per-request pipeline.
  const prepared = new PreparedOperations<TContext>({
    schema,
    service: options.name,
    maxBytes: documentCacheBytes,
    formatError,
    includeStacktrace,
    context: async (req, access) => Object.assign(await contextOf(req), { accessLog: access }),
  });
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    hideSchemaDetailsFromClientErrors: envValue('NODE_ENV') === 'production',
    includeStacktraceInErrorResponses: includeStacktrace,
    // Subgraphs are called by the gateway only, never by browsers.
    csrfPrevention: false,
    documentStore: asKeyValueCache(boundedCache<DocumentNode>({ maxBytes: documentCacheBytes, sizeOf: documentBytes })),
    // Traces for Apollo's hosted reporting: not used, and not free on every request. No
    // reporting to Apollo either, whatever APOLLO_* variables the environment holds.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // No cache hints are declared, yet the implicit cache-control plugin hooks every field
      // of every row (about 13% of the call center's CPU on a 50-customer list). Its one
      // visible effect is kept: answers are never stored by a cache on the way.
      ApolloServerPluginCacheControlDisabled(),
      { requestDidStart: async () => ({ willSendResponse: async ({ response }) => void response.http.headers.set('cache-control', 'no-store') }) },
      observabilityPlugin(options.name),
      prepared.plugin(),
    ],
  });
  await apollo.start();
  let requestCount = 0;
  let draining = false;
  const handler = createHttpHandler({
    apollo,
    service: options.name,
    context: contextOf,
    prepared,
    routes: {
      'GET /health': publicRoute((_req, res) => sendJson(res, 200, { status: 'ok', subgraph: options.name })),
      'GET /health/ready': readinessRoute({ checks: options.storeReady ? { store: options.storeReady } : {}, draining: () => draining }),
      'GET /metrics': metricsRoute,
      // The incremental syncs of a connector's copy (lag, errors); empty for embedded stores.
      'GET /health/sync': syncStatusRoute(options.name),
      ...options.routes,
    },
    guard: async (req, res, target) => {
      if (target.path === '/graphql') requestCount += 1;
      const viewer = await internalTokens.verify(req.headers.authorization);
      if (!viewer) {
        sendJson(res, 401, {
          errors: [{ message: 'This subgraph only answers the gateway: a valid internal token is required.', extensions: { code: 'UNAUTHENTICATED' } }],
        });
        return false;
      }
      viewers.set(req, viewer);
      return true;
    },
  });
  const listening = await listen(handler, options.port, options.host);
  const websocket = options.websocket ? attachGraphqlWs(listening.server, schema, internalTokens, options.websocket) : null;
  return {
    name: options.name,
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    get requestCount() {
      return requestCount;
    },
    get preparedCount() {
      return prepared.served;
    },
    // WebSockets first (they are no HTTP requests to drain), then HTTP drains, then Apollo.
    close: once(async () => {
      draining = true;
      await websocket?.close();
      await listening.close();
      await apollo.stop();
    }),
  };
}

// ---------------------------------------------------------------------------------------
// graphql-ws on the same HTTP server and path (`/graphql`), same schema: how the
// call-center subgraph serves `Subscription`. Like HTTP, only the gateway may connect:
// `connectionParams.authorization` must carry a valid internal token (else graphql-ws
// closes the socket with 4403 Forbidden); the viewer goes into every operation's context.

export interface WebSocketConnection {
  connectionParams: Readonly<Record<string, unknown>> | undefined;
  request: IncomingMessage;
  viewer: Viewer;
  /** Closes this connection (all its subscriptions) with a WebSocket close code. */
  close(code: number, reason: string): void;
}

export interface WebSocketOptions<TContext> {
  /** Builds the context of one subscription (or query) operation on a connection. */
  context(connection: WebSocketConnection): Promise<Omit<TContext, 'viewer'>> | Omit<TContext, 'viewer'>;
}

/** How long closing waits for clients to answer the close handshake before cutting them off. */
const CLOSE_GRACE_MS = 500;

export function attachGraphqlWs<TContext>(
  server: Server,
  schema: GraphQLSchema,
  tokens: InternalTokenVerifier,
  options: WebSocketOptions<TContext>,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true });
  serveUpgrades(server, wss, '/graphql');
  const viewers = new WeakMap<WebSocket, Viewer>();
  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        const viewer = await tokens.verify(typeof authorization === 'string' ? authorization : undefined);
        if (!viewer) return false;
        viewers.set(ctx.extra.socket, viewer);
        return true;
      },
      async context(ctx) {
        const socket = ctx.extra.socket;
        const viewer = viewers.get(socket);
        if (!viewer) throw new Error('graphql-ws: operation on an unauthenticated connection');
        const own = await options.context({
          connectionParams: ctx.connectionParams,
          request: ctx.extra.request,
          viewer,
          close: (code, reason) => socket.close(code, reason),
        });
        // The same object (not a copy): the subgraph may have registered it (e.g. to close the connection).
        return Object.assign(own, { viewer });
      },
      // Each event's trace goes on with its result (the resolver has just run on this context).
      onNext(_ctx, _id, _payload, args, result) {
        const holder = args.contextValue as EventTraceHolder;
        const carried = holder.eventTrace;
        if (!carried) return;
        holder.eventTrace = undefined;
        return { ...result, extensions: { ...result.extensions, trace: carried } };
      },
    },
    wss,
  );
  return {
    close: once(async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      const deadline = Date.now() + CLOSE_GRACE_MS;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
    }),
  };
}
