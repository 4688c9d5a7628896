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
import { once, shutdownDrainMs } from './shutdown.js';
import { observeRequest, type AccessRecord } from './observability/access-log.js';
import { loggerFor } from './observability/logger.js';
import { metricsText } from './observability/metrics.js';
import { WORKER_HEADER, workerHeaderValue } from './cluster.js';
import { extractContext, inSpan, SpanKind } from './observability/tracing.js';

const log = loggerFor('http');

export const MAX_BODY_BYTES = 1_000_000;

/**
 * An extra route. `tooLarge`, when set, answers a request whose body exceeds
 * `MAX_BODY_BYTES` (instead of the GraphQL-shaped 413), so a route keeps one error shape.
 */
export type Route = ((req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>) & {
  tooLarge?: (req: IncomingMessage, res: ServerResponse) => void;
};

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
  /** Who serves (`gateway`, `crm`, …): the `service` of access lines and metrics. */
  service?: string;
  /**
   * Handlers that may answer a request before routing (CORS preflights and refusals, the
   * GraphQL IDE page): run in order on the one reading of the request target, inside the
   * access log. Each returns true when it answered the request.
   */
  front?: ((req: IncomingMessage, res: ServerResponse, target: RequestTarget) => boolean)[];
  /** A path that may answer GraphQL requests before Apollo Server: the subgraphs' prepared operations. */
  prepared?: PreparedPath;
}

/** What `createHttpHandler` asks of a path answering GraphQL requests before Apollo Server (prepared-operations.ts). */
export interface PreparedPath {
  /** Answers the request (its parsed JSON body) and resolves true, or resolves false having written nothing. */
  serve(req: IncomingMessage, res: ServerResponse, body: unknown, access: AccessRecord): Promise<boolean>;
  /** Told of every complete answer Apollo Server gave: the request's `accept` header, the status and content type. */
  answered(accept: string | undefined, status: number, contentType: string | undefined): void;
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

/**
 * `GET /metrics`: this process's Prometheus metrics (observability/metrics.ts). Public: it
 * holds counts and timings only; serve it on a private interface.
 */
export const metricsRoute: RouteSpec = publicRoute(async (_req, res) => {
  const { contentType, body } = await metricsText();
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
});

export function createHttpHandler<TContext extends BaseContext>(options: HttpOptions<TContext>) {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const routes = new Map(Object.entries(options.routes ?? {}).map(([key, route]) => [key, typeof route === 'function' ? { access: 'guarded' as const, handle: route } : route]));
  const service = options.service ?? 'http';
  // In a cluster worker, every response names the process that answered it.
  const worker = workerHeaderValue();
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (worker) res.setHeader(WORKER_HEADER, worker);
    const target = parseRequestTarget(req);
    const routeKey = target.ok ? `${req.method} ${target.path}` : '';
    const label = routes.has(routeKey) ? routeKey : target.ok && target.path === graphqlPath ? `${req.method} ${graphqlPath}` : 'other';
    // A server span per request, continuing the caller's W3C traceparent (a no-op without tracing).
    await inSpan(label === 'other' ? `${req.method}` : label, { kind: SpanKind.SERVER, parent: extractContext(req.headers), attributes: { 'service.part': service } }, async (span) => {
      await handle(req, res, target, routeKey, label);
      span.setAttribute('http.response.status_code', res.statusCode);
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, target: ReturnType<typeof parseRequestTarget>, routeKey: string, label: string): Promise<void> {
    const access = observeRequest(service, loggerFor(service), req, res, label);
    if (!target.ok) {
      refuseTarget(res, target.reason);
      return;
    }
    if (options.front?.some((handle) => handle(req, res, target))) return;
    const route = routes.get(routeKey);
    if (options.guard && (route === undefined || route.access === 'guarded') && !(await options.guard(req, res, target))) return;
    const body = await readBody(req);
    if (body === null) {
      const tooLarge = route?.handle.tooLarge;
      if (tooLarge) return tooLarge(req, res);
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
    let parsedBody: unknown = undefined;
    if (body.length > 0 && (req.headers['content-type'] ?? '').includes('json')) {
      try {
        parsedBody = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    if (options.prepared && parsedBody !== undefined && (await options.prepared.serve(req, res, parsedBody, access))) return;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: target.search, body: parsedBody },
      context: async () => Object.assign(await options.context(req), { accessLog: access }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      options.prepared?.answered(headers.get('accept'), res.statusCode, response.headers.get('content-type'));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
  return serve;
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets open requests finish (at most `drainMs`, then cuts
   * them off), closes idle keep-alive connections, and resolves once every socket is gone.
   * Safe to call twice, also concurrently. WebSocket servers on it are closed first by their owners.
   */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** How long open requests may take to finish once `close()` was called (ms); default `SWITCHBOARD_SHUTDOWN_DRAIN_MS`. */
  drainMs?: number;
}

/** Listens on `port` (0 for an ephemeral one) and resolves with the base URL. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host = '127.0.0.1',
  options: ListenOptions = {},
): Promise<Listening> {
  const drainMs = options.drainMs ?? shutdownDrainMs();
  const open = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let closing = false;
  let drained: (() => void) | null = null;
  const server = createServer((req, res) => {
    open.add(res);
    // Draining: answer, then let the client open its next request elsewhere.
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      open.delete(res);
      if (!closing) return;
      setImmediate(() => server.closeIdleConnections());
      if (open.size === 0) drained?.();
    });
    handler(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
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
    close: once(async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
      if (open.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          drained = resolve;
          timer = setTimeout(resolve, drainMs);
        });
        clearTimeout(timer);
        if (open.size > 0) log.error(`${open.size} request(s) still open after ${drainMs} ms of draining: cut off`);
      }
      server.closeAllConnections();
      // Whatever is left (sockets no longer owned by the HTTP server, e.g. upgraded ones) goes too.
      for (const socket of sockets) socket.destroy();
      await closed;
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
