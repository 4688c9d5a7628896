/**
 * What a browser page meets at the gateway: CORS for an allowed and a refused origin
 * (preflight and actual request), CSRF prevention still on, the same origin check on the
 * WebSocket upgrade, and the development IDE (GraphiQL served from the package: no external
 * URL in the page or its assets). Production: no IDE, no cross-origin access by default.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, test } from 'vitest';
import WebSocket from 'ws';
import { gatewayConfig } from '../../gateway/config.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const ALLOWED = 'https://console.example.com';
const REFUSED = 'https://evil.example.net';

function preflight(stack: Stack, origin: string): Promise<Response> {
  return fetch(stack.gateway.graphqlUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, apollo-require-preflight' },
  });
}

async function post(stack: Stack, headers: Record<string, string>): Promise<Response> {
  return fetch(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await bearer('admin'), ...headers },
    body: JSON.stringify({ query: '{ queues { id } }' }),
  });
}

/** Opens a graphql-ws socket with `origin` (or none); resolves with the HTTP status of a refused upgrade, or 101. */
function upgrade(stack: Stack, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(stack.wsUrl, 'graphql-transport-ws', origin ? { origin } : {});
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

describe('browser access in development', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5, gatewayEnv: { SWITCHBOARD_CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` } });
  });
  afterAll(() => stack.close());

  test('a preflight from an allowed origin gets 204 with the methods and headers a GraphQL client sends', { timeout: 60_000 }, async () => {
    const response = await preflight(stack, ALLOWED);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    for (const name of ['authorization', 'x-api-key', 'content-type', 'apollo-require-preflight']) assert.ok(allowed.includes(name), name);
  });

  test('a preflight from another origin is refused, without CORS headers', { timeout: 60_000 }, async () => {
    const response = await preflight(stack, REFUSED);
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  test('the actual request from an allowed origin runs and may be read; from another origin nothing runs', { timeout: 60_000 }, async () => {
    const allowed = await post(stack, { origin: ALLOWED });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    assert.ok(((await allowed.json()) as { data: { queues: unknown[] } }).data.queues.length > 0);

    const refused = await post(stack, { origin: REFUSED });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const body = (await refused.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    assert.equal(body.data, undefined);
    assert.equal(body.errors[0]!.extensions.code, 'FORBIDDEN');
  });

  test('clients without Origin (servers, curl) and same-origin pages are unaffected', { timeout: 60_000 }, async () => {
    assert.equal((await post(stack, {})).status, 200);
    const sameOrigin = await post(stack, { origin: stack.gateway.url });
    assert.equal(sameOrigin.status, 200);
    assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null, 'same-origin needs no CORS header');
  });

  test('CSRF prevention stays on for allowed origins: a simple GET is refused', { timeout: 60_000 }, async () => {
    const url = `${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ queues { id } }')}`;
    const response = await fetch(url, { headers: { origin: ALLOWED, authorization: await bearer('admin') } });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /CSRF/i);
  });

  test('the WebSocket upgrade checks Origin against the same list', { timeout: 60_000 }, async () => {
    assert.equal(await upgrade(stack, ALLOWED), 101);
    assert.equal(await upgrade(stack, undefined), 101, 'non-browser clients send no Origin');
    assert.equal(await upgrade(stack, stack.gateway.url), 101, 'the IDE on the gateway itself');
    assert.equal(await upgrade(stack, REFUSED), 403);
  });

  test('the GraphQL URL in a browser is GraphiQL served from the package, with no external URL', { timeout: 60_000 }, async () => {
    const page = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /GraphiQL/);
    assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL: nothing from a CDN');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 5, 'the page loads its scripts and styles');
    for (const asset of assets) {
      assert.match(asset, /^\/ide\//);
      const response = await fetch(new URL(asset, stack.gateway.url));
      assert.equal(response.status, 200, asset);
      const text = await response.text();
      assert.ok(text.length > 100, asset);
      if (asset.endsWith('.css')) assert.doesNotMatch(text, /url\(\s*['"]?https?:/, 'fonts and images are inlined');
      if (asset.endsWith('.js')) assert.doesNotMatch(text, /<script[^>]+src=["']?https?:|import\s*\(\s*["']https?:/, `${asset} loads nothing from elsewhere`);
    }
    // GET queries and API clients still reach GraphQL.
    const query = await fetch(`${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ queues { id } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: await bearer('admin') },
    });
    assert.equal(query.status, 200);
  });

  test('the IDE and CORS read the request target as routing does: a path spelled another way is refused, not served', { timeout: 60_000 }, async () => {
    for (const path of ['//graphql', '/graphql%2F', '/ide/../graphql', '/%69de/graphiql.min.js']) {
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port: Number(new URL(stack.gateway.url).port), path, method: 'GET', headers: { accept: 'text/html', origin: ALLOWED } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
      assert.equal(status, 400, path);
    }
  });
});

describe('browser access in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5, gatewayEnv: { NODE_ENV: 'production', SWITCHBOARD_CORS_ORIGINS: '' } });
  });
  afterAll(() => stack.close());

  test('no IDE and no landing page from a CDN', { timeout: 60_000 }, async () => {
    const page = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    const text = await page.text();
    assert.doesNotMatch(text, /GraphiQL|apollo-server-landing-page|embeddable-sandbox/i);
    assert.equal((await fetch(`${stack.gateway.url}/ide/graphiql.min.js`)).status, 404);
  });

  test('no cross-origin access unless origins are configured', { timeout: 60_000 }, async () => {
    assert.equal((await preflight(stack, 'http://localhost:5173')).status, 403);
    assert.deepEqual(gatewayConfig({ NODE_ENV: 'production', SWITCHBOARD_JWT_SECRET: 'x'.repeat(32), SWITCHBOARD_INTERNAL_SECRET: 'y'.repeat(32), SWITCHBOARD_WEBHOOK_KEY: Buffer.alloc(32, 1).toString('base64') }).corsOrigins, []);
    assert.deepEqual(gatewayConfig({ SWITCHBOARD_JWT_SECRET: 'x'.repeat(32) }).corsOrigins, ['http://localhost:5173', 'http://127.0.0.1:5173']);
    assert.throws(() => gatewayConfig({ SWITCHBOARD_JWT_SECRET: 'x'.repeat(32), SWITCHBOARD_CORS_ORIGINS: 'https://a.example/path' }), /SWITCHBOARD_CORS_ORIGINS/);
  });
});
