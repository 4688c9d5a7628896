/**
 * The console's routes on the gateway: `GET /console` (the page), `GET /console/app.js` and
 * `GET /console/app.css` (the esbuild bundle, see bundle.ts), all under a strict
 * Content-Security-Policy that allows nothing outside the gateway's own origin; and, in
 * development only, `GET /console/dev-identities` and `POST /console/dev-token` for the
 * sign-in screen (dev-sign-in.ts). Public routes: the console itself holds no data; every
 * GraphQL request it makes carries the signed-in user's token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicRoute, sendJson, type RouteSpec } from '../../subgraphs/shared/http.js';
import type { JwtConfig } from '../auth/jwt.js';
import { consoleBundle } from './bundle.js';
import { devSignInFor, type DevSignIn } from './dev-sign-in.js';

/**
 * Only the gateway's own origin: scripts and styles from the bundle, GraphQL over HTTP and
 * graphql-ws (`connect-src 'self'` covers ws:/wss: to the same host), no inline code.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONSOLE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-cache');
}

function asset(name: string): RouteSpec {
  return publicRoute(async (_req, res) => {
    const file = (await consoleBundle()).get(name);
    securityHeaders(res);
    if (!file) return sendJson(res, 404, { error: `No console file ${name}.` });
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length });
    res.end(file.body);
  });
}

export interface ConsoleRouteOptions {
  production: boolean;
  jwt: JwtConfig;
}

/** The routes to add to the gateway's HTTP handler (`createHttpHandler({ routes })`). */
export function consoleRoutes(options: ConsoleRouteOptions): Record<string, RouteSpec> {
  const page = asset('index.html');
  const routes: Record<string, RouteSpec> = {
    'GET /console': page,
    'GET /console/': page,
    'GET /console/app.js': asset('app.js'),
    'GET /console/app.css': asset('app.css'),
  };
  const devSignIn = devSignInFor(options.production, options.jwt);
  if (devSignIn) {
    routes['GET /console/dev-identities'] = publicRoute((req, res) => devIdentities(devSignIn, req, res));
    routes['POST /console/dev-token'] = publicRoute((req, res, body) => devToken(devSignIn, req, res, body));
  }
  return routes;
}

async function devIdentities(devSignIn: DevSignIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The agents come from the call center through this very gateway, as an admin: addressed by
  // the socket's own local address, never by the Host header (which the client chooses).
  const admin = await devSignIn.sign({ role: 'admin', subject: 'console-dev-sign-in', ttlSeconds: 60 });
  const address = req.socket.localAddress ?? '127.0.0.1';
  const self = `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}/graphql`;
  let agents: { id: string; name: string; team: string }[] = [];
  try {
    const response = await fetch(self, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query: '{ agents { id name team } }' }),
      signal: AbortSignal.timeout(5000),
    });
    const result = (await response.json()) as { data?: { agents?: typeof agents } | null };
    agents = result.data?.agents ?? [];
  } catch {
    // The call center is down: offer the fixed identities only.
  }
  sendJson(res, 200, { identities: devSignIn.identities(agents) });
}

async function devToken(devSignIn: DevSignIn, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    return sendJson(res, 415, { errors: [{ message: 'Send JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  }
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  }
  try {
    sendJson(res, 200, await devSignIn.sign(request as Parameters<DevSignIn['sign']>[0]));
  } catch (error) {
    sendJson(res, 400, { errors: [{ message: (error as Error).message, extensions: { code: 'BAD_USER_INPUT' } }] });
  }
}
