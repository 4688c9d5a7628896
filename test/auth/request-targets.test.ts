/**
 * Access is decided on the same reading of the request target as the routing: a subgraph
 * answers no GraphQL (and no other route but its health check and its self-authenticating
 * webhook) without the gateway's internal token, whatever form the request line takes.
 * Raw request lines over a socket, against the real servers.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { rawRequest } from '../support/raw-http.js';
import { internalHeaders } from '../support/viewers.js';

/** What an attacker asks each subgraph for: a record's contents through `_entities`. */
const ENTITY_QUERIES: Record<'crm' | 'callcenter' | 'tickets', { query: string; variables: Record<string, unknown> }> = {
  tickets: { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id subject } } }', variables: { r: [{ __typename: 'Ticket', id: 'tkt_000001' }] } },
  crm: { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id displayName } } }', variables: { r: [{ __typename: 'Customer', id: 'cus_000001' }] } },
  callcenter: { query: '{ _service { sdl } agents { id name } }', variables: {} },
};

const port = (url: string) => Number(new URL(url).port);

describe('request targets: one reading for access and routing', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 20 });
  });
  afterAll(() => stack.close());

  for (const name of ['crm', 'callcenter', 'tickets'] as const) {
    describe(`the ${name} subgraph`, () => {
      const body = JSON.stringify(ENTITY_QUERIES[name]);
      const json = { 'content-type': 'application/json' };
      const subgraph = () => stack[name].server;

      /** Each form of the request line, and the status it must get without a token. */
      const forms: [string, (p: number) => string, number][] = [
        ['origin-form', () => '/graphql', 401],
        ['origin-form with a query string', () => '/graphql?x=1', 401],
        ['absolute-form naming this server', (p) => `http://127.0.0.1:${p}/graphql`, 401],
        ['absolute-form with a query string', (p) => `http://127.0.0.1:${p}/graphql?x=1`, 401],
        ['absolute-form in upper case', (p) => `HTTP://127.0.0.1:${p}/graphql`, 401],
        ['absolute-form naming another host', () => 'http://internal.example:80/graphql', 400],
        ['https absolute-form', (p) => `https://127.0.0.1:${p}/graphql`, 401],
        ['an empty segment (//graphql)', () => '//graphql', 400],
        ['absolute-form with //graphql', (p) => `http://127.0.0.1:${p}//graphql`, 400],
        ['a trailing slash (/graphql/)', () => '/graphql/', 401],
        ['another case (/GraphQL)', () => '/GraphQL', 401],
        ['percent-encoded letters (/%67raphql)', () => '/%67raphql', 400],
        ['an encoded slash (/%2Fgraphql)', () => '/%2Fgraphql', 400],
        ['an encoded slash, lower case (/graphql%2f)', () => '/graphql%2f', 400],
        ['dot segments (/./graphql)', () => '/./graphql', 400],
        ['dot-dot segments (/health/../graphql)', () => '/health/../graphql', 400],
        ['a backslash (/\\graphql)', () => '/\\graphql', 400],
        ['asterisk-form', () => '*', 400],
        ['authority-form', (p) => `127.0.0.1:${p}`, 400],
        ['an unknown path', () => '/admin', 401],
      ];
      for (const [label, target, status] of forms) {
        test(`${label}: ${status}, no data, without a token`, async () => {
          const response = await rawRequest(port(subgraph().url), 'POST', target(port(subgraph().url)), json, body);
          assert.equal(response.status, status, response.body);
          assert.doesNotMatch(response.body, /"data"/);
          assert.doesNotMatch(response.body, /tkt_000001|cus_000001|_service|"name"/);
        });
      }

      test('GET with the operation in the query string, absolute-form: 401', async () => {
        const search = new URLSearchParams({ query: ENTITY_QUERIES[name].query, variables: JSON.stringify(ENTITY_QUERIES[name].variables) });
        const response = await rawRequest(port(subgraph().url), 'GET', `http://127.0.0.1:${port(subgraph().url)}/graphql?${search}`, { 'apollo-require-preflight': 'true' });
        assert.equal(response.status, 401);
        assert.doesNotMatch(response.body, /"data"/);
      });

      test('with the internal token, absolute-form reaches the same endpoint as origin-form', async () => {
        const headers = { ...json, ...(await internalHeaders()) };
        const origin = await rawRequest(port(subgraph().url), 'POST', '/graphql', headers, body);
        const absolute = await rawRequest(port(subgraph().url), 'POST', `http://127.0.0.1:${port(subgraph().url)}/graphql`, headers, body);
        assert.equal(origin.status, 200, origin.body);
        assert.equal(absolute.status, 200, absolute.body);
        assert.deepEqual(JSON.parse(absolute.body), JSON.parse(origin.body));
        assert.ok((JSON.parse(origin.body) as { data?: unknown }).data);
      });

      test('with the internal token, a path that is no route is 404', async () => {
        const response = await rawRequest(port(subgraph().url), 'POST', '/graphql/', { ...json, ...(await internalHeaders()) }, body);
        assert.equal(response.status, 404);
      });

      test('GET /health is open, in either form', async () => {
        for (const target of ['/health', `http://127.0.0.1:${port(subgraph().url)}/health`]) {
          const response = await rawRequest(port(subgraph().url), 'GET', target);
          assert.equal(response.status, 200, `${target}: ${response.body}`);
        }
        assert.equal((await rawRequest(port(subgraph().url), 'GET', '/health/')).status, 401);
        assert.equal((await rawRequest(port(subgraph().url), 'POST', '/health')).status, 401);
      });
    });
  }

  test('the CTI webhook checks its own signature in every form, and nothing else is open on its path', async () => {
    const p = port(stack.callcenter.server.url);
    for (const target of ['/webhooks/cti', `http://127.0.0.1:${p}/webhooks/cti`]) {
      const response = await rawRequest(p, 'POST', target, { 'content-type': 'application/json' }, '{"events":[]}');
      assert.equal(response.status, 401, response.body);
      assert.match(response.body, /SIGNATURE|signature/);
    }
    assert.equal((await rawRequest(p, 'GET', '/webhooks/cti')).status, 401);
    assert.equal((await rawRequest(p, 'POST', '/webhooks//cti', { 'content-type': 'application/json' }, '{}')).status, 400);
  });

  test('WebSocket upgrades on the call center follow the same reading', async () => {
    const p = port(stack.callcenter.server.url);
    const upgrade = { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-protocol': 'graphql-transport-ws' };
    assert.equal((await rawRequest(p, 'GET', '/graphql', upgrade)).status, 101);
    assert.equal((await rawRequest(p, 'GET', `http://127.0.0.1:${p}/graphql`, upgrade)).status, 101);
    assert.equal((await rawRequest(p, 'GET', '//graphql', upgrade)).status, 400);
    assert.equal((await rawRequest(p, 'GET', '/%67raphql', upgrade)).status, 400);
    assert.equal((await rawRequest(p, 'GET', 'http://elsewhere.example/graphql', upgrade)).status, 400);
    assert.equal((await rawRequest(p, 'GET', '/graphql/', upgrade)).status, 404);
    assert.equal((await rawRequest(p, 'GET', '/health', upgrade)).status, 404);
  });

  test('the gateway reads targets the same way', async () => {
    const p = port(stack.gateway.url);
    const body = JSON.stringify({ query: '{ queues { id } }' });
    const json = { 'content-type': 'application/json' };
    assert.equal((await rawRequest(p, 'POST', `http://127.0.0.1:${p}/graphql`, json, body)).status, 401);
    assert.equal((await rawRequest(p, 'POST', '//graphql', json, body)).status, 400);
    assert.equal((await rawRequest(p, 'POST', '/%67raphql', json, body)).status, 400);
    assert.equal((await rawRequest(p, 'POST', 'http://elsewhere.example/graphql', json, body)).status, 400);
    assert.equal((await rawRequest(p, 'POST', '/graphql/', json, body)).status, 404);
    assert.equal((await rawRequest(p, 'GET', `http://127.0.0.1:${p}/health`)).status, 200);
  });
});
