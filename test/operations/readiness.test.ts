/**
 * Readiness (`GET /health/ready`) apart from liveness (`GET /health`), on the gateway and on
 * every subgraph: ready (200) with the supergraph loaded and the stores answering; not ready
 * (503, naming what is missing) when a store is gone, and while the server drains on
 * shutdown, while liveness stays 200. Both are public (no credentials, no internal token).
 */
import assert from 'node:assert/strict';
import { createConnection, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { internalHeaders } from '../support/viewers.js';

interface Readiness {
  status: string;
  checks: Record<string, string>;
}

async function ready(baseUrl: string): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${baseUrl}/health/ready`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

function connect(baseUrl: string): Promise<Socket> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Asks for readiness while `close()` drains `baseUrl`'s server: the probe's request is begun
 * before the close (so its connection is in use, not idle) and finished after it, while
 * another request (its body never complete) holds the drain open. Resolves with the raw
 * HTTP response of the probe.
 */
async function readinessDuringDrain(baseUrl: string, holderHeaders: Record<string, string>, close: () => Promise<void>): Promise<string> {
  const probe = await connect(baseUrl);
  let response = '';
  probe.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  probe.on('error', () => undefined);
  const probeClosed = new Promise<void>((resolve) => probe.once('close', () => resolve()));
  probe.write('GET /health/ready HTTP/1.1\r\nhost: test\r\n');
  const holder = await connect(baseUrl);
  holder.on('error', () => undefined);
  const headers = Object.entries({ ...holderHeaders, 'content-type': 'application/json', 'content-length': '100' }).map(([name, value]) => `${name}: ${value}\r\n`);
  holder.write(`POST /graphql HTTP/1.1\r\nhost: test\r\n${headers.join('')}\r\n{`);
  // A full round trip after both writes: the server has read them by the time it answers.
  assert.equal((await fetch(`${baseUrl}/health`)).status, 200);
  const closing = close();
  probe.write('\r\n');
  const answered = await new Promise<string>((resolve) => {
    const check = () => (/\r\n\r\n[\s\S]*\}$/.test(response) ? resolve(response) : setTimeout(check, 10));
    check();
  });
  holder.destroy();
  await closing;
  await probeClosed;
  return answered;
}

describe('readiness apart from liveness', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5 });
  });
  afterAll(() => stack?.close());

  test('the gateway and every subgraph are ready once started: 200 with each check ok, without credentials', async () => {
    assert.deepEqual(await ready(stack.gateway.url), { status: 200, body: { status: 'ready', checks: { supergraph: 'ok', store: 'ok' } } });
    for (const subgraph of [stack.crm, stack.callcenter, stack.tickets]) {
      assert.deepEqual(await ready(subgraph.server.url), { status: 200, body: { status: 'ready', checks: { store: 'ok' } } }, subgraph.server.name);
    }
  });

  test('a subgraph whose store is gone is not ready (503, naming the store) but still alive', async () => {
    await stack.tickets.source.close();
    const answer = await ready(stack.tickets.server.url);
    assert.equal(answer.status, 503);
    assert.equal(answer.body.status, 'not ready');
    assert.notEqual(answer.body.checks.store, 'ok');
    assert.ok(answer.body.checks.store!.length > 0, 'the reason is given');
    assert.equal((await fetch(`${stack.tickets.server.url}/health`)).status, 200);
  });

  test('the gateway whose store is gone is not ready, the supergraph check still ok', async () => {
    await stack.gateway.store.close();
    const answer = await ready(stack.gateway.url);
    assert.equal(answer.status, 503);
    assert.equal(answer.body.checks.supergraph, 'ok');
    assert.notEqual(answer.body.checks.store, 'ok');
    assert.equal((await fetch(`${stack.gateway.url}/health`)).status, 200);
  });
});

describe('readiness during shutdown', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5 });
  });
  afterAll(() => stack?.close());

  test('a subgraph answers 503 draining while it drains', async () => {
    assert.equal((await ready(stack.crm.server.url)).status, 200);
    const response = await readinessDuringDrain(stack.crm.server.url, await internalHeaders(), () => stack.crm.server.close());
    assert.match(response, /^HTTP\/1\.1 503 /);
    assert.match(response, /"status":"draining"/);
  });

  test('the gateway answers 503 draining while it drains', async () => {
    assert.equal((await ready(stack.gateway.url)).status, 200);
    const response = await readinessDuringDrain(stack.gateway.url, {}, () => stack.gateway.close());
    assert.match(response, /^HTTP\/1\.1 503 /);
    assert.match(response, /"status":"draining"/);
  });
});
