/**
 * A source system that is down or hangs: the caller still gets every other system's data,
 * plus an error naming the missing subgraph on each field it did not fill, quickly and with HTTP 200, never a 500 or a hang.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

const VIEW = /* GraphQL */ `
  query View($first: Int!) {
    customers(first: $first) {
      nodes {
        id displayName
        calls(first: 3) { totalCount }
        tickets(first: 3) { totalCount }
      }
    }
  }
`;
interface View {
  customers: { nodes: { id: string; displayName: string; calls: { totalCount: number } | null; tickets: { totalCount: number } | null }[] };
}

describe('a subgraph that is down', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 50 });
    await stack.callcenter.server.close();
  });
  afterAll(() => stack.close());

  test('yields CRM and ticket data plus an error naming the call center', async () => {
    const { status, data, errors } = await stack.query<View>(VIEW, { first: 10 });
    assert.equal(status, 200);
    assert.equal(data!.customers.nodes.length, 10);
    for (const customer of data!.customers.nodes) {
      assert.ok(customer.displayName.length > 0);
      assert.equal(customer.calls, null);
      assert.notEqual(customer.tickets, null);
    }
    // One error per nulled field, at its path (test/gateway/partial-data.test.ts has every failure kind).
    assert.deepEqual(errors?.map((error) => error.path), data!.customers.nodes.map((_, i) => ['customers', 'nodes', i, 'calls']));
    for (const error of errors!) {
      assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.equal(error.extensions?.subgraph, 'callcenter');
      assert.match(error.message, /call center/);
    }
  });
});

describe('a subgraph that never answers', () => {
  let stack: Stack;
  let silent: Server;
  const sockets = new Set<Socket>();
  const timeoutMs = 400;
  beforeAll(async () => {
    // Accepts connections and never says a word: the worst kind of slow source.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    stack = await startStack({ customers: 30, subgraphTimeoutMs: timeoutMs, subgraphUrls: { tickets: `http://127.0.0.1:${port}/graphql` } });
  });
  afterAll(async () => {
    await stack.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  test('is given up after the timeout; the rest of the data arrives', async () => {
    const started = performance.now();
    const { status, data, errors } = await stack.query<View>(VIEW, { first: 5 });
    const elapsed = performance.now() - started;
    assert.equal(status, 200);
    assert.equal(data!.customers.nodes.length, 5);
    assert.ok(data!.customers.nodes.every((c) => c.tickets === null && c.calls !== null));
    assert.deepEqual(errors?.map((error) => error.path), data!.customers.nodes.map((_, i) => ['customers', 'nodes', i, 'tickets']));
    for (const error of errors!) {
      assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.equal(error.extensions?.subgraph, 'tickets');
      assert.match(error.message, new RegExp(`no answer within ${timeoutMs} ms`));
    }
    assert.ok(elapsed < timeoutMs * 10, `answered after ${Math.round(elapsed)} ms`);
  });
});
