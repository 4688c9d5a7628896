/**
 * Several call-center instances sharing Redis (`REDIS_URL`): an event posted to one
 * instance reaches the subscribers of every instance exactly once. Also: with Redis
 * unreachable, publishing never throws and local subscribers are still served.
 * Skips (saying so) when no Redis answers at REDIS_TEST_URL (default 127.0.0.1:6379).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { captureLogs } from '../support/log-capture.js';
import { RedisPubSub } from '../../subgraphs/shared/pubsub/redis-pubsub.js';
import { CUSTOMER, HOTLINE, deliver, event, newCallId, startHarness, type Harness } from '../cti/harness.js';
import { internalHeaders } from '../support/viewers.js';
import { skipNote } from '../support/skip.js';
import { REDIS_SKIP_REASON, REDIS_URL, redisReachable } from '../support/redis.js';



const reachable = await redisReachable();
const SKIP = reachable ? false : REDIS_SKIP_REASON;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe.skipIf(SKIP)(skipNote('two call-center instances over Redis', SKIP), () => {
  const instances: Harness[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    instances.push(await startHarness({ redisUrl: REDIS_URL, instanceId: 'test-a' }));
    instances.push(await startHarness({ redisUrl: REDIS_URL, instanceId: 'test-b' }));
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    for (const instance of instances) await instance.close();
  });

  async function subscriber(instance: Harness) {
    const { authorization } = await internalHeaders();
    const client = createClient({ url: instance.server.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0 });
    clients.push(client);
    const ids: string[] = [];
    const count = instance.server.callEvents.stats.subscribers;
    client.subscribe<{ callEvents: { id: string; call: { id: string } } }>(
      { query: 'subscription { callEvents { id call { id } } }' },
      { next: (result) => result.data && ids.push(result.data.callEvents.id), error: () => undefined, complete: () => undefined },
    );
    await until(() => instance.server.callEvents.stats.subscribers > count, 'the subscription');
    return ids;
  }

  it('delivers every event posted to either instance to every subscriber exactly once', async () => {
    const [a, b] = instances as [Harness, Harness];
    const onA = [await subscriber(a), await subscriber(a)];
    const onB = [await subscriber(b), await subscriber(b)];
    // The Redis subscription of each instance must be live before publishing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const callA = newCallId();
    const callB = newCallId();
    const toA = [event(callA, 'OFFERED', Date.now(), 0, { from: CUSTOMER, to: HOTLINE }), event(callA, 'ANSWERED', Date.now(), 1, { agentId: 'agt_001' })];
    const toB = [event(callB, 'OFFERED', Date.now(), 0, { from: CUSTOMER, to: HOTLINE })];
    await deliver(a, toA);
    await deliver(b, toB);
    // A retried delivery is a duplicate: not published again.
    await deliver(a, toA);
    const expected = [...toA, ...toB].map((e) => e.id).sort();
    const marker = event(newCallId(), 'OFFERED', Date.now(), 0);
    await deliver(b, [marker]);
    for (const ids of [...onA, ...onB]) await until(() => ids.includes(marker.id), 'the marker everywhere');
    for (const ids of [...onA, ...onB]) {
      const mine = ids.filter((id) => expected.includes(id) || id === marker.id);
      assert.deepEqual([...mine].sort(), [...expected, marker.id].sort());
    }
  });
});

describe('Redis unreachable', () => {
  it('never throws on publish and still serves local subscribers', async () => {
    const logs = captureLogs('warn');
    const errors = logs.lines;
    const pubsub = new RedisPubSub({ url: 'redis://127.0.0.1:1', instanceId: 'lonely' });
    try {
      const received: string[] = [];
      const stop = pubsub.subscribe<{ id: string }>('t', (message) => received.push(message.id));
      pubsub.publish('t', { id: 'm1' });
      pubsub.publish('t', { id: 'm2' });
      pubsub.publish('t', { id: 'm1' });
      assert.deepEqual(received, ['m1', 'm2']);
      await until(() => errors.length > 0, 'the outage to be logged');
      assert.match(String(errors[0]?.msg), /Redis unavailable/);
      stop();
    } finally {
      await pubsub.close();
      logs.restore();
    }
  });
});
