/**
 * Serves an Apollo Server on plain `node:http`, with a few extra routes (health checks,
 * webhooks). Used by every subgraph and by the gateway, so request handling, body limits
 * and error responses are the same everywhere.
 *
 * Every request is read once (`parseRequestTarget`): the access decision and the routing
 * both use that one parsed path. With a `guard` (the subgraphs' internal token), every
 * request needs it — the GraphQL endpoint, the extra routes and unknown paths alike —
 * except routes declared `public` (health) or `own-auth` (webhooks that verify their own
 * signature): deny by default.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { parseRequestTarget, type RequestTarget } from './request-target.js';

export const MAX_BODY_BYTES = 1_000_000;

export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

/**
 * Who may call a route: `guarded` (the server's guard decides; the default for a plain
 * `Route`), `public` (anyone: liveness), `own-auth` (anyone reaches it; the route verifies
 * its caller itself, for example an HMAC signature).
 */
export type RouteAccess = 'guarded' | 'public' | 'own-auth';

/** A route with its access declared. */
export interface RouteSpec {
  access: RouteAccess;
  handle: Route;
}

/** A route reachable without the server's guard: liveness checks. */
export const publicRoute = (handle: Route): RouteSpec => ({ access: 'public', handle });
/** A route reachable without the server's guard because it authenticates its caller itself. */
export const ownAuthRoute = (handle: Route): RouteSpec => ({ access: 'own-auth', handle });

/**
 * Decides whether a request may go on; when not, it has answered it (for example 401) and
 * returns false. Called with the one parsed target, before the body is read.
 */
export type Guard = (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => Promise<boolean>;

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Extra routes by `METHOD /path`, for example `GET /health`. A plain `Route` is guarded. */
  routes?: Record<string, Route | RouteSpec>;
  graphqlPath?: string;
  /** When set, every request except `public` and `own-auth` routes must pass it (deny by default). */
  guard?: Guard;
}

/** The answer to a request target that `parseRequestTarget` refused: 400, with the reason. */
export function refuseTarget(res: ServerResponse, reason: string): void {
  sendJson(res, 400, { errors: [{ message: `Bad request target: ${reason}.`, extensions: { code: 'BAD_REQUEST' } }] });
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
  const routes = new Map(Object.entries(options.routes ?? {}).map(([key, route]) => [key, typeof route === 'function' ? { access: 'guarded' as const, handle: route } : route]));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = parseRequestTarget(req);
    if (!target.ok) {
      refuseTarget(res, target.reason);
      return;
    }
    const route = routes.get(`${req.method} ${target.path}`);
    if (options.guard && (route === undefined || route.access === 'guarded') && !(await options.guard(req, res, target))) return;
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    if (route) {
      await route.handle(req, res, body);
      return;
    }
    if (target.path !== graphqlPath) {
      sendJson(res, 404, { error: `No route for ${req.method} ${target.path}.` });
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
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: target.search, body: parsedBody },
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

/** Answers an upgrade request that is not taken over by a WebSocket server, and drops the socket. */
function refuseUpgrade(socket: Duplex, status: 400 | 404, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  socket.end(
    `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Not Found'}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** What `serveUpgrades` needs of a WebSocket server (`ws`'s `WebSocketServer` created with `noServer: true`). */
export interface UpgradeTarget {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, done: (client: unknown) => void): void;
  emit(event: 'connection', client: unknown, req: IncomingMessage): boolean;
}

/**
 * Routes WebSocket upgrades on `server` with the same reading of the request target as
 * HTTP requests: a refused target gets 400, any path but `path` 404, and only `path` is
 * handed to `wss` (which authenticates the connection itself, in `connectionParams`).
 */
export function serveUpgrades(server: Server, wss: UpgradeTarget, path = '/graphql'): void {
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = parseRequestTarget(req);
    if (!target.ok) return refuseUpgrade(socket, 400, `Bad request target: ${target.reason}.`);
    if (target.path !== path) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${target.path}.`);
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
  });
}
