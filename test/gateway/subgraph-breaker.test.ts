/**
 * The circuit breaker per subgraph (gateway/subgraph-breaker.ts): a subgraph that stops
 * answering costs the first requests the full subgraph timeout; once the breaker opens,
 * requests get `SUBGRAPH_UNAVAILABLE` for it at once (the other subgraphs' data still
 * arrives); after the cool-down one probe goes through and, the subgraph being back, the
 * breaker closes. Its state is in `/metrics` and its transitions in the log.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createLogger, setRootLogger } from '../../subgraphs/shared/observability/logger.js';
import { startStack, type Stack } from '../support/stack.js';

const VIEW = /* GraphQL */ `
  query View($first: Int!) {
    customers(first: $first) {
      nodes {
        id displayName
        calls(first: 3) { totalCount }
      }
    }
  }
`;
interface View {
  customers: { nodes: { id: string; displayName: string; calls: { totalCount: number } | null }[] };
}

/**
 * A stand-in for the call center's address: passes requests on to the real subgraph, or,
 * while `hanging`, accepts them and never answers (a subgraph that is up but stuck).
 */
class Switch {
  hanging = false;
  target = '';
  private server: Server | null = null;
  private readonly held = new Set<Socket>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket: Socket) => {
      this.held.add(socket);
      socket.once('close', () => this.held.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.hanging) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'accept', 'authorization']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
    const answer = await fetch(this.target, { method: req.method, headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  async close(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const TIMEOUT_MS = 1000;
const COOLDOWN_MS = 1500;

describe('the circuit breaker in front of a subgraph', () => {
  let stack: Stack;
  const proxy = new Switch();
  const lines: Record<string, unknown>[] = [];

  async function breakerState(): Promise<number> {
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    const match = /^switchboard_subgraph_breaker_state\{service="gateway",subgraph="callcenter"\} (\d)$/m.exec(text);
    assert.ok(match, 'the breaker state of the call center is in /metrics');
    return Number(match[1]);
  }

  async function timedView(): Promise<{ elapsed: number; result: Awaited<ReturnType<Stack['query']>> & { data?: View | null } }> {
    const started = performance.now();
    const result = await stack.query<View>(VIEW, { first: 5 });
    return { elapsed: performance.now() - started, result };
  }

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    setRootLogger(createLogger({ level: 'info', destination: sink }));
    const address = await proxy.start();
    stack = await startStack({
      customers: 20,
      subgraphTimeoutMs: TIMEOUT_MS,
      subgraphUrls: { callcenter: address },
      gatewayEnv: { SWITCHBOARD_BREAKER_MIN_REQUESTS: '3', SWITCHBOARD_BREAKER_FAILURE_PERCENT: '50', SWITCHBOARD_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS) },
    });
    proxy.target = stack.callcenter.server.graphqlUrl;
  });
  afterAll(async () => {
    await stack?.close();
    await proxy.close();
    setRootLogger(createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }));
  });

  test('a stuck subgraph trips the breaker: later requests fail fast with SUBGRAPH_UNAVAILABLE, then a probe closes it once the subgraph is back', async () => {
    const healthy = await timedView();
    assert.equal(healthy.result.errors, undefined);
    assert.ok(healthy.result.data!.customers.nodes.every((customer) => customer.calls !== null));
    assert.equal(await breakerState(), 0, 'closed');

    proxy.hanging = true;
    // Until the breaker opens, each request waits for the subgraph timeout.
    let slow = 0;
    let fast: Awaited<ReturnType<typeof timedView>> | null = null;
    for (let i = 0; i < 6 && !fast; i++) {
      const attempt = await timedView();
      assert.equal(attempt.result.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.equal(attempt.result.errors?.[0]?.extensions?.subgraph, 'callcenter');
      if (attempt.elapsed >= TIMEOUT_MS * 0.9) slow += 1;
      else fast = attempt;
    }
    assert.ok(slow >= 2 && slow <= 3, `the breaker opened after 2 or 3 timed-out requests (minimum 3 requests in the window, over 50% failed), not ${slow}`);
    assert.ok(fast, 'a request failed fast once the breaker was open');
    assert.ok(fast.elapsed < TIMEOUT_MS / 2, `failing fast took ${Math.round(fast.elapsed)} ms, not the ${TIMEOUT_MS} ms timeout`);
    const error = fast.result.errors![0]!;
    assert.equal(error.extensions?.circuitBreaker, 'open');
    assert.match(error.message, /^The call center \(subgraph "callcenter"\) is unavailable: it kept failing \(last: no answer within 1000 ms\)/);
    assert.equal(fast.result.status, 200);
    assert.equal(fast.result.data!.customers.nodes.length, 5, 'the other subgraphs still answer');
    assert.ok(fast.result.data!.customers.nodes.every((customer) => customer.displayName.length > 0 && customer.calls === null));
    // Failing fast is still partial data a client can use: one error per nulled field, with its path.
    assert.deepEqual(
      fast.result.errors!.map((e) => (e as { path?: unknown[] }).path?.join('.')).sort(),
      [0, 1, 2, 3, 4].map((i) => `customers.nodes.${i}.calls`),
    );
    assert.equal(await breakerState(), 2, 'open');
    const again = await timedView();
    assert.ok(again.elapsed < TIMEOUT_MS / 2, 'still failing fast during the cool-down');

    proxy.hanging = false;
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 200));
    assert.equal(await breakerState(), 1, 'half-open after the cool-down');
    const probe = await timedView();
    assert.equal(probe.result.errors, undefined, 'the probe reached the subgraph');
    assert.ok(probe.result.data!.customers.nodes.every((customer) => customer.calls !== null));
    assert.equal(await breakerState(), 0, 'closed again');

    const transitions = lines.filter((line) => line.subgraph === 'callcenter' && typeof line.msg === 'string' && line.msg.includes('circuit breaker')).map((line) => line.msg);
    assert.deepEqual(
      transitions.map((msg) => /circuit breaker (\S+)/.exec(msg as string)![1]),
      ['open,', 'half-open,', 'closed,'],
      'each transition logged once',
    );
  });
});
