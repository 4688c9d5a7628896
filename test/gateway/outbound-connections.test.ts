/**
 * Nothing leaves the building unasked: starting the gateway, serving requests and stopping
 * it opens connections to its configured subgraphs only. No vendor telemetry, no cloud
 * metadata probes, no usage or schema reporting — even with Apollo's variables
 * (`APOLLO_KEY`, `APOLLO_GRAPH_REF`) in the environment, unless
 * the operator sets `SWITCHBOARD_APOLLO_TELEMETRY=true`.
 *
 * Every TCP connection attempt of this process is observed at `net.Socket#connect`
 * (HTTP, HTTPS, undici and fetch all go through it); attempts to anything but loopback are
 * recorded and refused, so nothing really leaves while the test runs.
 */
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

interface Attempt {
  host: string;
  port: number | string | undefined;
}

const attempts: Attempt[] = [];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);
const originalConnect = Socket.prototype.connect;

function observeConnections(): void {
  Socket.prototype.connect = function connect(this: Socket, ...args: unknown[]) {
    // Node passes either (options[, cb]), (port[, host][, cb]) or its own normalised [options, cb] array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let attempt: Attempt;
    if (typeof first === 'object' && first !== null) {
      const options = first as { host?: string; port?: number | string; path?: string };
      attempt = options.path ? { host: `unix:${options.path}`, port: undefined } : { host: options.host ?? 'localhost', port: options.port };
    } else {
      attempt = { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first as number | string };
    }
    attempts.push(attempt);
    if (!LOOPBACK.has(attempt.host) && !attempt.host.startsWith('unix:')) {
      process.nextTick(() => this.destroy(new Error(`outbound connection to ${attempt.host}:${String(attempt.port)} refused by the test`)));
      return this;
    }
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
}

const APOLLO_ENV = { APOLLO_KEY: 'service:switchboard-test:not-a-real-key', APOLLO_GRAPH_REF: 'switchboard-test@current' };

describe('outbound connections of the gateway', () => {
  let stack: Stack;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    for (const [name, value] of Object.entries(APOLLO_ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    observeConnections();
    stack = await startStack({ customers: 10 });
  });
  afterAll(async () => {
    Socket.prototype.connect = originalConnect;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('start, queries, a failed login, a subscription-free shutdown: only the configured subgraphs and the gateway itself are dialled', async () => {
    const ports = new Set([stack.gateway.url, stack.crm.server.url, stack.callcenter.server.url, stack.tickets.server.url].map((url) => Number(new URL(url).port)));
    const { data, errors } = await stack.queryAs<{ customers: { nodes: { id: string; tickets: unknown; calls: unknown }[] } }>(
      'agent',
      '{ customers(first: 3) { nodes { id tickets(first: 1) { totalCount } calls(first: 1) { totalCount } } } }',
    );
    assert.ok(data?.customers.nodes.length, JSON.stringify(errors));
    assert.equal((await stack.query('{ queues { id } }', {}, {})).status, 401);
    // Resource detectors and exporters run in the background: give them time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stack.close();
    await new Promise((resolve) => setTimeout(resolve, 500));

    const outside = attempts.filter((a) => !LOOPBACK.has(a.host) && !a.host.startsWith('unix:'));
    assert.deepEqual(outside, [], `connections attempted outside: ${outside.map((a) => `${a.host}:${String(a.port)}`).join(', ')}`);
    const unexpected = attempts.filter((a) => LOOPBACK.has(a.host) && !ports.has(Number(a.port)));
    assert.deepEqual(unexpected, [], 'every loopback connection is to the gateway or one of its subgraphs');
    assert.ok(attempts.some((a) => Number(a.port) === Number(new URL(stack.tickets.server.url).port)), 'the observer saw the subgraph connections');
  });
});
