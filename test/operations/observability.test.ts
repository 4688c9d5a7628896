/**
 * What an operator reads: one JSON access line per request (request id in and out,
 * operation, status, error codes) with no token, phone number or national ID in any line,
 * and Prometheus metrics at `GET /metrics` on the gateway and on every subgraph.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createLogger, setRootLogger } from '../../subgraphs/shared/observability/logger.js';
import { scrubText } from '../../subgraphs/shared/observability/scrub.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

/** The value once `find` returns one (within 10 s: the suite may run on a busy machine), else undefined. */
async function eventually<T>(find: () => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const found = await find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('scrubbing log text', () => {
  const cases: [string, string][] = [
    ['caller +8613800138000 rang', 'caller [phone] rang'],
    ['caller +86 138 0013 8000 rang', 'caller [phone] rang'],
    ['number 13800138000 unknown', 'number [number] unknown'],
    ['typed １３８００１３８０００', 'typed [number]'],
    ['office 010-6552-9988 or (010) 6552-9988', 'office [phone] or [phone]'],
    ['id 11010519491231002X on file', 'id [national-id] on file'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [token]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'token [token]'],
    ['key sbk_live_1234abcd', 'key [api-key]'],
    ['request 43331062-8e2a-45e0-8edf-98c84d1732a7 done', 'request 43331062-8e2a-45e0-8edf-98c84d1732a7 done'],
    ['trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7', 'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7'],
    ['request 43331062-8e2a-45e0-8edf-98c84d1732a7 from 13800138000', 'request 43331062-8e2a-45e0-8edf-98c84d1732a7 from [number]'],
    ['at 2026-11-30T12:35:00.123Z took 1234 ms', 'at 2026-11-30T12:35:00.123Z took 1234 ms'],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.equal(scrubText(input), expected));
  }
});

describe('logs and metrics of a running stack', () => {
  let stack: Stack;
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          raw.push(line);
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    setRootLogger(createLogger({ level: 'info', destination: sink }));
    stack = await startStack({ customers: 20 });
  });
  afterAll(async () => {
    await stack?.close();
    setRootLogger(createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }));
  });

  test('one access line per request, with the request id sent and echoed, the operation and the status', async () => {
    const response = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-observe-1', authorization: await bearer('admin') },
      body: JSON.stringify({ query: 'query CountCustomers { customers(first: 1) { totalCount } }' }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-request-id'), 'req-observe-1');
    await response.json();
    // The line is written when the server has finished the response, which may be just after the client read it.
    const line = await eventually(() => lines.find((l) => l.requestId === 'req-observe-1' && l.service === 'gateway'));
    assert.ok(line, raw.join('\n'));
    assert.equal(line.msg, 'request');
    assert.equal(line.level, 'info');
    assert.equal(line.operation, 'CountCustomers');
    assert.equal(line.status, 200);
    assert.equal(line.route, 'POST /graphql');
    assert.equal(typeof line.durationMs, 'number');
    const unauthenticated = await fetch(stack.gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces' }, body: '{"query":"{ __typename }"}' });
    assert.equal(unauthenticated.status, 401);
    await unauthenticated.text();
    const generated = unauthenticated.headers.get('x-request-id')!;
    assert.match(generated, /^[0-9a-f-]{36}$/);
    assert.ok(await eventually(() => lines.find((l) => l.requestId === generated && l.status === 401)), raw.join('\n'));
  });

  test('error codes are on the access line; phone numbers, tokens and national ids are in no line', async () => {
    const token = await bearer('admin');
    const phone = '+8613800138000';
    const customer = (await stack.query<{ customers: { nodes: { id: string; nationalId: string | null }[] } }>('{ customers(first: 5) { nodes { id nationalId } } }')).data!.customers.nodes.find(
      (c) => c.nationalId,
    );
    await stack.query('query Identify($p: String!) { identifyCaller(phone: $p) { status } }', { p: phone }, { authorization: token, 'x-request-id': 'req-observe-2' });
    await stack.query('query Bad($p: String!) { identifyCaller(phone: $p) { status } }', { p: '138-0013-8000x' }, { authorization: token, 'x-request-id': 'req-observe-3' });
    await stack.query('{ nope }', {}, { authorization: token, 'x-request-id': 'req-observe-4' });
    const bad = await eventually(() => lines.find((l) => l.requestId === 'req-observe-4'));
    assert.ok(bad, raw.join('\n'));
    assert.deepEqual(bad.errorCodes, ['GRAPHQL_VALIDATION_FAILED']);
    const all = raw.join('\n');
    assert.ok(!all.includes('13800138000'), 'no phone number');
    assert.ok(!all.includes(token.slice(7, 40)), 'no token');
    assert.ok(customer?.nationalId, 'a seeded customer with a national id was read');
    assert.ok(!all.includes(customer.nationalId), 'no national id');
  });

  test('GET /metrics on the gateway and every subgraph shows requests, operations, errors and the process', async () => {
    await stack.query('query Warm { customers(first: 1) { nodes { id calls(first: 1) { totalCount } tickets(first: 1) { totalCount } } } }');
    for (const [service, url] of [
      ['gateway', stack.gateway.url],
      ['crm', stack.crm.server.url],
      ['callcenter', stack.callcenter.server.url],
      ['tickets', stack.tickets.server.url],
    ] as const) {
      const response = await fetch(`${url}/metrics`);
      assert.equal(response.status, 200, service);
      assert.match(response.headers.get('content-type') ?? '', /text\/plain/);
      const text = await response.text();
      assert.match(text, new RegExp(`switchboard_graphql_operations_total\\{service="${service}",operation="[^"]+",outcome="ok"\\} [1-9]`), service);
      assert.match(text, new RegExp(`switchboard_http_requests_total\\{service="${service}",route="POST /graphql",method="POST",status="200"\\} [1-9]`), service);
      assert.match(text, /switchboard_process_resident_memory_bytes \d+/);
      assert.match(text, /switchboard_nodejs_eventloop_lag_p99_seconds [\d.e-]+/);
    }
    const gateway = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    assert.match(gateway, /switchboard_graphql_errors_total\{service="gateway",code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    assert.match(gateway, /switchboard_graphql_operations_total\{service="gateway",operation="Warm",outcome="ok"\} 1/);
  });
  test('/metrics counts open WebSocket connections and running subscriptions on the gateway', async () => {
    const gauge = async (name: string) => {
      const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      return Number(new RegExp(`^${name}\\{service="gateway"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    };
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: await bearer('admin') }, onNonLazyError: () => undefined });
    const stop = client.subscribe({ query: 'subscription { callEvents { type } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    try {
      assert.equal(await eventually(async () => ((await gauge('switchboard_subscriptions')) === 1 ? true : undefined)), true, 'one subscription running');
      assert.equal(await gauge('switchboard_websocket_connections'), 1);
    } finally {
      stop();
      await client.dispose();
    }
    assert.equal(await eventually(async () => ((await gauge('switchboard_websocket_connections')) === 0 ? true : undefined)), true, 'the connection is gone');
    assert.equal(await gauge('switchboard_subscriptions'), 0);
  });
});
