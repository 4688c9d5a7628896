/**
 * One deadline per request (gateway/request-deadline.ts): with a source that accepts
 * connections and never answers, an agent's request (record-access lookup, then the query)
 * answers within the subgraph timeout plus a small margin, over HTTP and over WebSocket, with
 * the other systems' data and one error naming the silent one; the agent gets no extra
 * record access from a lookup that did not answer.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const TIMEOUT_MS = 1500;
/** Scheduling, planning and the local subgraphs' own work on a busy 2-core machine. */
const MARGIN_MS = 1000;

const VIEW = /* GraphQL */ `
  query View {
    customers(first: 5) {
      nodes {
        id displayName recordAccess
        calls(first: 3) { totalCount }
        tickets(first: 3) { totalCount }
      }
    }
  }
`;
interface View {
  customers: { nodes: { id: string; displayName: string; recordAccess: string; calls: { totalCount: number } | null; tickets: { totalCount: number } | null }[] };
}
interface Result {
  data?: View | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function assertPartial(result: Result, silent: string, elapsed: number) {
  assert.ok(elapsed < TIMEOUT_MS + MARGIN_MS, `answered after ${Math.round(elapsed)} ms (deadline ${TIMEOUT_MS} ms)`);
  assert.equal(result.data?.customers.nodes.length, 5, JSON.stringify(result.errors));
  for (const customer of result.data!.customers.nodes) assert.ok(customer.displayName.length > 0);
  const unavailable = (result.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  assert.ok(unavailable.length >= 1, JSON.stringify(result.errors));
  assert.deepEqual([...new Set(unavailable.map((e) => e.extensions?.subgraph))], [silent], JSON.stringify(result.errors));
}

/**
 * The systems that answer, asked once as an admin before the timed requests: a cold process's
 * first query (module compilation, prepared statements) on a busy CI machine took longer than
 * the half deadline an agent's query has left after the lookup, and what these tests time is
 * the deadline, not a cold start.
 */
const WARM_CRM_AND_TICKETS = /* GraphQL */ `{ customers(first: 5) { nodes { id displayName tickets(first: 3) { totalCount } } } }`;
const WARM_CRM = /* GraphQL */ `{ customers(first: 5) { nodes { id displayName } } }`;

async function warmUp(stack: Stack, query: string): Promise<void> {
  const result = await stack.queryAs<{ customers: { nodes: unknown[] } }>('admin', query);
  assert.equal(result.data?.customers.nodes.length, 5, JSON.stringify(result.errors));
}

describe('an agent request with the call center hung', () => {
  let stack: Stack;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
    stack = await startStack({ customers: 40, subgraphTimeoutMs: TIMEOUT_MS, gatewayEnv: { SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: '1' }, subgraphUrls: { callcenter: silent.url } });
    await warmUp(stack, WARM_CRM_AND_TICKETS);
  });
  afterAll(async () => {
    await stack.close();
    await silent.close();
  });

  test('over HTTP: the lookup and the query share one deadline; CRM and tickets data arrive', async () => {
    const started = performance.now();
    const result = await stack.queryAs<View>('agent', VIEW, {}, { agentId: 'agt_001' });
    const elapsed = performance.now() - started;
    assert.equal(result.status, 200);
    assertPartial(result, 'callcenter', elapsed);
    for (const customer of result.data!.customers.nodes) {
      assert.equal(customer.calls, null);
      if (customer.recordAccess === 'FULL') assert.notEqual(customer.tickets, null);
    }
  });

  test('over WebSocket: each operation has its own deadline', async () => {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: await bearer('agent', { agentId: 'agt_001' }) } });
    try {
      for (let round = 0; round < 2; round += 1) {
        const started = performance.now();
        const result = await new Promise<Result>((resolve, reject) => {
          let last: Result = {};
          client.subscribe({ query: VIEW }, { next: (value) => (last = value as Result), error: reject, complete: () => resolve(last) });
        });
        const elapsed = performance.now() - started;
        // The first operation also waits for the connection's own lookup (half a deadline at most).
        assertPartial(result, 'callcenter', round === 0 ? elapsed - TIMEOUT_MS / 2 : elapsed);
      }
    } finally {
      await client.dispose();
    }
  });
});

describe('an agent request with the call center and the ticket system hung', () => {
  let stack: Stack;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
    stack = await startStack({ customers: 40, subgraphTimeoutMs: TIMEOUT_MS, subgraphUrls: { callcenter: silent.url, tickets: silent.url } });
    await warmUp(stack, WARM_CRM);
  });
  afterAll(async () => {
    await stack.close();
    await silent.close();
  });

  test('no lookup result means no extra access: only the own team in full, within the deadline', async () => {
    const started = performance.now();
    const result = await stack.queryAs<View>('agent', VIEW, {}, { agentId: 'agt_001', team: 'team-bj' });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < TIMEOUT_MS + MARGIN_MS, `answered after ${Math.round(elapsed)} ms`);
    const admin = await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null }[] } }>(
      '{ customers(first: 5) { nodes { id owner { team } } } }',
    );
    const teams = new Map(admin.data!.customers.nodes.map((c) => [c.id, c.owner?.team ?? null]));
    assert.ok([...teams.values()].some((team) => team !== 'team-bj'), 'the first customers include another team');
    for (const customer of result.data!.customers.nodes) {
      assert.equal(customer.recordAccess, teams.get(customer.id) === 'team-bj' ? 'FULL' : 'MINIMAL', customer.id);
      assert.equal(customer.calls, null);
      assert.equal(customer.tickets, null);
    }
    const subgraphs = new Set((result.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE').map((e) => e.extensions?.subgraph));
    assert.deepEqual([...subgraphs].sort(), ['callcenter', 'tickets']);
  });
});
