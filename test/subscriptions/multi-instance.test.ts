/**
 * More than one machine: two call-center instances and two gateways, the call centers
 * sharing a real Redis. An event received by either call center reaches every subscriber on
 * both gateways exactly once. (Each instance here has its own copy of the same seeded data,
 * as replicas behind a load balancer would share one database.) When one gateway dies, the
 * subscribers on the other keep receiving every event, from either call center, exactly once
 * (docs/operations.md, "Several instances"). Skips, saying so, without Redis.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';
import { skipNote } from '../support/skip.js';
import { REDIS_SKIP_REASON, REDIS_URL, redisReachable } from '../support/redis.js';



const SKIP = (await redisReachable()) ? false : REDIS_SKIP_REASON;

describe.skipIf(SKIP)(skipNote('two call centers and two gateways over Redis', SKIP), () => {
  const stacks: Stack[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    stacks.push(await startStack({ customers: 20, callEvents: { redisUrl: REDIS_URL, instanceId: `a-${randomUUID()}` } }));
    stacks.push(await startStack({ customers: 20, callEvents: { redisUrl: REDIS_URL, instanceId: `b-${randomUUID()}` } }));
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const stack of stacks) await stack.close();
  });

  async function subscriber(stack: Stack, token: string): Promise<string[]> {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: token } });
    clients.push(client);
    const received: string[] = [];
    client.subscribe<{ callEvents: { type: string; call: { id: string } } }>(
      { query: 'subscription { callEvents { type call { id } } }' },
      { next: ({ data }) => data && received.push(`${data.callEvents.call.id}:${data.callEvents.type}`), error: () => undefined, complete: () => undefined },
    );
    return received;
  }

  async function post(stack: Stack, callId: string, types: string[]): Promise<void> {
    const base = Date.now() - 30_000;
    const body = JSON.stringify({
      events: types.map((type, i) => ({ id: `evt_${randomUUID()}`, callId, type, at: new Date(base + i * 5000).toISOString(), from: '+8613800138000', to: '+864008123456', direction: 'INBOUND', queueId: 'q_support' })),
    });
    const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
      body,
    });
    assert.equal(response.status, 202);
    await stack.callcenter.server.callEvents.idle();
  }

  test('every subscriber on either gateway gets every event exactly once', async () => {
    const [one, two] = stacks as [Stack, Stack];
    const admin = await bearer('admin');
    const onOne = [await subscriber(one, admin), await subscriber(one, admin)];
    const onTwo = [await subscriber(two, admin), await subscriber(two, admin)];
    // Let the subscriptions reach both call centers and their Redis subscriptions settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const callOne = `call_a_${randomUUID().slice(0, 8)}`;
    const callTwo = `call_b_${randomUUID().slice(0, 8)}`;
    await post(one, callOne, ['OFFERED', 'ABANDONED']);
    await post(two, callTwo, ['OFFERED']);
    const expected = [`${callOne}:OFFERED`, `${callOne}:ABANDONED`, `${callTwo}:OFFERED`].sort();
    const all = [...onOne, ...onTwo];
    for (let i = 0; i < 300 && all.some((r) => r.length < expected.length); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    // A little longer, so a duplicate would have time to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const received of all) assert.deepEqual([...received].sort(), expected);
  });

  test('one gateway killed: subscribers on the other keep receiving every event, once', async () => {
    const [one, two] = stacks as [Stack, Stack];
    const admin = await bearer('admin');
    const survivors = [await subscriber(two, admin), await subscriber(two, admin)];
    const lost = await subscriber(one, admin);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = `call_k_${randomUUID().slice(0, 8)}`;
    await post(one, before, ['OFFERED']);
    for (let i = 0; i < 300 && [...survivors, lost].some((r) => !r.includes(`${before}:OFFERED`)); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(lost.includes(`${before}:OFFERED`), 'the subscriber on the first gateway was live before it died');
    await one.gateway.close();
    // After the gateway is gone: events into either call center (the first one's through Redis).
    const afterOne = `call_k1_${randomUUID().slice(0, 8)}`;
    const afterTwo = `call_k2_${randomUUID().slice(0, 8)}`;
    await post(one, afterOne, ['OFFERED', 'ABANDONED']);
    await post(two, afterTwo, ['OFFERED']);
    const expected = [`${before}:OFFERED`, `${afterOne}:OFFERED`, `${afterOne}:ABANDONED`, `${afterTwo}:OFFERED`].sort();
    for (let i = 0; i < 300 && survivors.some((r) => r.length < expected.length); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const received of survivors) assert.deepEqual([...received].sort(), expected);
    assert.deepEqual(lost, [`${before}:OFFERED`], 'nothing reaches a client of the dead gateway');
  });
});
