/**
 * Creates one subgraph's HTTP server from its SDL in `schema/` and its resolvers:
 * GraphQL at `/graphql`, liveness at `GET /health`, plus any routes the subgraph adds.
 * No side effects until called; `close()` frees the port.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createHttpHandler, listen, sendJson, type Route } from './http.js';
import { formatError } from './format-error.js';

export type SubgraphName = 'crm' | 'callcenter' | 'tickets';

export function schemaPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../schema/${name}.graphql`, import.meta.url));
}

export function readSubgraphSdl(name: SubgraphName): string {
  return readFileSync(schemaPath(name), 'utf8');
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: SubgraphName;
  // Resolver maps typed by codegen are structurally wider than Apollo's; checked there.
  resolvers: unknown;
  context: (req: IncomingMessage) => Promise<TContext>;
  port: number;
  host?: string;
  routes?: Record<string, Route>;
}

export interface RunningServer {
  name: string;
  /** Base URL, for example `http://127.0.0.1:4001`. */
  url: string;
  /** The GraphQL endpoint, `${url}/graphql`. */
  graphqlUrl: string;
  /** GraphQL requests served since start. */
  readonly requestCount: number;
  close(): Promise<void>;
}

export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  type SchemaModule = Parameters<typeof buildSubgraphSchema>[0] & { typeDefs: unknown };
  const schema = buildSubgraphSchema({
    typeDefs: parse(readSubgraphSdl(options.name)),
    resolvers: options.resolvers,
  } as SchemaModule);
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    // Subgraphs are called by the gateway only, never by browsers.
    csrfPrevention: false,
    // Traces for Apollo's hosted reporting: not used, and not free on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  let requestCount = 0;
  const handler = createHttpHandler({
    apollo,
    context: options.context,
    routes: {
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: options.name }),
      ...options.routes,
    },
  });
  const listening = await listen(async (req, res) => {
    if (req.url?.startsWith('/graphql')) requestCount += 1;
    await handler(req, res);
  }, options.port, options.host);
  return {
    name: options.name,
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    get requestCount() {
      return requestCount;
    },
    async close() {
      await listening.close();
      await apollo.stop();
    },
  };
}
