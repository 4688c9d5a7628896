/**
 * Serves an Apollo Server on plain `node:http`, with a few extra routes (health checks,
 * webhooks). Used by every subgraph and by the gateway, so request handling, body limits
 * and error responses are the same everywhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export const MAX_BODY_BYTES = 1_000_000;

/**
 * An extra route. `tooLarge`, when set, answers a request whose body exceeds
 * `MAX_BODY_BYTES` (instead of the GraphQL-shaped 413), so a route keeps one error shape.
 */
export type Route = ((req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>) & {
  tooLarge?: (req: IncomingMessage, res: ServerResponse) => void;
};

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Extra routes by `METHOD /path`, for example `GET /health`. */
  routes?: Record<string, Route>;
  graphqlPath?: string;
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function createHttpHandler<TContext extends BaseContext>(options: HttpOptions<TContext>) {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const routes = options.routes ?? {};
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    if (body === null) {
      const tooLarge = routes[`${req.method} ${url.pathname}`]?.tooLarge;
      if (tooLarge) return tooLarge(req, res);
      sendJson(res, 413, { errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    const route = routes[`${req.method} ${url.pathname}`];
    if (route) {
      await route(req, res, body);
      return;
    }
    if (url.pathname !== graphqlPath) {
      sendJson(res, 404, { error: `No route for ${req.method} ${url.pathname}.` });
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = undefined;
    if (body.length > 0 && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsedBody = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
      context: () => options.context(req),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0 for an ephemeral one) and resolves with the base URL. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number, host = '127.0.0.1'): Promise<Listening> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
