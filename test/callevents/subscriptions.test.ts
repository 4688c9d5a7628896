/**
 * `Subscription.callEvents` over graphql-ws on the call-center subgraph (as the gateway
 * will use it), fed by webhooks: filters, catch-up with `callEventsSince`, refusal of
 * connections without an internal token, resuming with `callEvents(after:)` (replay, then live,
 * none twice) and a slow subscriber dropped with 4520.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createClient, type Client } from 'graphql-ws';
import type { FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { encodeEventCursor } from '../../subgraphs/callcenter/events/cursor.js';
import { SLOW_CONSUMER_CLOSE_CODE } from '../../subgraphs/shared/pubsub/bounded-queue.js';
import { CUSTOMER, HOTLINE, deliver, event, gql, newCallId, startHarness, type Harness } from '../cti/harness.js';
import { internalHeaders } from '../support/viewers.js';

let harness: Harness;
const clients: Client[] = [];
const base = Date.now() - 5 * 60_000;

beforeAll(async () => {
  harness = await startHarness({ subscriberBuffer: 64 });
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await harness?.close();
});

interface ReceivedEvent {
  id: string;
  type: string;
  at: string;
  cursor: string;
  call: { id: string; state: string; agent: { id: string } | null; queue: { id: string } | null };
}

const wsUrl = () => harness.server.graphqlUrl.replace(/^http/, 'ws');

async function connect(): Promise<Client> {
  const { authorization } = await internalHeaders();
  const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

const SUBSCRIPTION = /* GraphQL */ `
  subscription ($agentId: ID, $queueId: ID, $types: [CallEventType!]) {
    callEvents(agentId: $agentId, queueId: $queueId, types: $types) {
      id type at cursor call { id state agent { id } queue { id } }
    }
  }`;

/** Subscribes and collects events; `ready` resolves once the server has registered the subscriber. */
async function subscribe(client: Client, variables: Record<string, unknown>) {
  const received: ReceivedEvent[] = [];
  const before = harness.server.callEvents.stats.subscribers;
  const errors: unknown[] = [];
  const stop = client.subscribe<{ callEvents: ReceivedEvent }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (result) => {
        if (result.data) received.push(result.data.callEvents);
        if (result.errors) errors.push(result.errors);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  while (harness.server.callEvents.stats.subscribers === before) await new Promise((resolve) => setTimeout(resolve, 5));
  return { received, errors, stop };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('callEvents subscription', () => {
  it('delivers webhook events to subscribers, filtered by agent, queue and type', async () => {
    const client = await connect();
    const all = await subscribe(client, {});
    const agent1 = await subscribe(client, { agentId: 'agt_001' });
    const salesOffered = await subscribe(client, { queueId: 'q_sales', types: ['OFFERED'] });
    const a = newCallId();
    const b = newCallId();
    await deliver(harness, [
      event(a, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(a, 'ANSWERED', base, 5, { agentId: 'agt_001' }),
      event(b, 'OFFERED', base, 1, { from: CUSTOMER, to: HOTLINE, queueId: 'q_support' }),
      event(b, 'ANSWERED', base, 9, { agentId: 'agt_002' }),
    ]);
    const last = newCallId();
    await deliver(harness, [event(last, 'OFFERED', base, 60, { queueId: 'q_sales', agentId: 'agt_001' })]);
    await until(() => all.received.length === 5 && agent1.received.some((e) => e.call.id === last) && salesOffered.received.some((e) => e.call.id === last), 'events');
    assert.deepEqual(all.errors, []);
    assert.deepEqual(all.received.map((e) => [e.call.id, e.type]), [[a, 'OFFERED'], [b, 'OFFERED'], [a, 'ANSWERED'], [b, 'ANSWERED'], [last, 'OFFERED']]);
    assert.deepEqual(agent1.received.map((e) => [e.call.id, e.type]), [[a, 'ANSWERED'], [last, 'OFFERED']]);
    assert.deepEqual(salesOffered.received.map((e) => [e.call.id, e.type]), [[a, 'OFFERED'], [last, 'OFFERED']]);
    const answered = all.received[2];
    assert.equal(answered?.call.state, 'CONNECTED');
    assert.equal(answered?.at, new Date(base + 5000).toISOString());
    for (const s of [all, agent1, salesOffered]) s.stop();
  });

  it('lets a reconnecting client catch up from its last cursor with callEventsSince', async () => {
    const client = await connect();
    const live = await subscribe(client, { agentId: 'agt_003' });
    const callId = newCallId();
    await deliver(harness, [event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, agentId: 'agt_003' })]);
    await until(() => live.received.length === 1, 'the first event');
    live.stop();
    const cursor = live.received[0]!.cursor;
    // Missed while disconnected: two events of agt_003, one of another agent.
    await deliver(harness, [
      event(callId, 'ANSWERED', base, 4, { agentId: 'agt_003' }),
      event(newCallId(), 'OFFERED', base, 5, { agentId: 'agt_002' }),
    ]);
    await deliver(harness, [event(callId, 'ENDED', base, 50, { agentId: 'agt_003' })]);
    const query = `query ($after: String!, $agentId: ID, $first: Int) {
      callEventsSince(after: $after, agentId: $agentId, first: $first) { nodes { id type cursor call { id state } } pageInfo { hasNextPage endCursor } }
    }`;
    const page1 = await gql<{ callEventsSince: { nodes: { type: string; cursor: string; call: { id: string; state: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      harness, query, { after: cursor, agentId: 'agt_003', first: 1 },
    );
    assert.equal(page1.errors, undefined);
    assert.deepEqual(page1.data?.callEventsSince.nodes.map((n) => n.type), ['ANSWERED']);
    assert.equal(page1.data?.callEventsSince.pageInfo.hasNextPage, true);
    const page2 = await gql<typeof page1.data & object>(harness, query, { after: page1.data?.callEventsSince.pageInfo.endCursor, agentId: 'agt_003' });
    assert.deepEqual(page2.data?.callEventsSince.nodes.map((n) => [n.type, n.call.id, n.call.state]), [['ENDED', callId, 'WRAP_UP']]);
    assert.equal(page2.data?.callEventsSince.pageInfo.hasNextPage, false);
  });

  it('refuses catch-up above 500 events or with a malformed cursor with BAD_USER_INPUT', async () => {
    const query = `query ($after: String!, $first: Int) { callEventsSince(after: $after, first: $first) { nodes { id } } }`;
    const recent = encodeEventCursor({ appliedAt: new Date().toISOString(), at: new Date().toISOString(), id: 'evt_x' });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ after: recent, first: 501 }, /between 0 and 500/],
      [{ after: 'garbage' }, /not a cursor/],
    ];
    for (const [variables, message] of cases) {
      const result = await gql(harness, query, variables);
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
      assert.match(result.errors?.[0]?.message ?? '', message);
    }
  });

  it('resumes a subscription after a cursor: the missed events first, then live ones, none twice', async () => {
    const client = await connect();
    const head = await gql<{ callEventsCursor: string }>(harness, '{ callEventsCursor }');
    assert.equal(head.errors, undefined);
    const callId = newCallId();
    // Missed before the subscription starts: two events of agt_004, one of another agent.
    await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, agentId: 'agt_004' }),
      event(newCallId(), 'OFFERED', base, 1, { agentId: 'agt_002' }),
      event(callId, 'ANSWERED', base, 4, { agentId: 'agt_004' }),
    ]);
    const received: ReceivedEvent[] = [];
    const errors: unknown[] = [];
    const stop = client.subscribe<{ callEvents: ReceivedEvent }>(
      { query: `subscription ($after: String) { callEvents(agentId: "agt_004", after: $after) { id type at cursor call { id state agent { id } queue { id } } } }`, variables: { after: head.data!.callEventsCursor } },
      { next: (result) => (result.data ? received.push(result.data.callEvents) : errors.push(result.errors)), error: (error) => errors.push(error), complete: () => undefined },
    );
    await until(() => received.length === 2, 'the replayed events');
    await deliver(harness, [event(callId, 'ENDED', base, 50, { agentId: 'agt_004' })]);
    await until(() => received.length === 3, 'the live event');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(errors, []);
    assert.deepEqual(received.map((e) => [e.call.id, e.type]), [[callId, 'OFFERED'], [callId, 'ANSWERED'], [callId, 'ENDED']]);
    stop();
  });

  it('replays only within the catch-up window: a quiet old cursor is fine, missed events older than the window are refused', async () => {
    const small = await startHarness({ catchUpWindowMs: 1000 });
    try {
      const query = `query ($after: String!) { callEventsSince(after: $after) { nodes { id } pageInfo { hasNextPage } } }`;
      const old = encodeEventCursor({ appliedAt: new Date(Date.now() - 16 * 60_000).toISOString(), at: new Date().toISOString(), id: 'evt_x' });
      const quiet = await gql<{ callEventsSince: { nodes: unknown[] } }>(small, query, { after: old });
      assert.equal(quiet.errors, undefined, 'nothing was missed after the old cursor');
      assert.deepEqual(quiet.data?.callEventsSince.nodes, []);
      await deliver(small, [event(newCallId(), 'OFFERED', base, 0, { agentId: 'agt_001' })]);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const missed = await gql(small, query, { after: old });
      assert.equal(missed.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal((missed.errors?.[0]?.extensions as Record<string, unknown> | undefined)?.argumentName, 'after');
      assert.match(missed.errors?.[0]?.message ?? '', /catch-up window/);
      const { authorization } = await internalHeaders();
      const client = createClient({ url: small.server.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0, lazy: true });
      clients.push(client);
      const result = await new Promise<FormattedExecutionResult>((resolve, reject) => {
        client.subscribe({ query: 'subscription ($after: String) { callEvents(after: $after) { id } }', variables: { after: old } }, { next: resolve, error: reject, complete: () => undefined });
      });
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'the subscription refuses the same cursor');
    } finally {
      await small.close();
    }
  });

  it('refuses a connection without a valid internal token', async () => {
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer nope' }, retryAttempts: 0, lazy: true });
    clients.push(client);
    const closed = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: resolve, complete: () => resolve('completed') });
    });
    assert.equal((closed as { code?: number }).code, 4403);
  });
});

describe('slow subscribers', () => {
  it('drops a subscriber that stops reading with close code 4520 while a fast one keeps receiving', async () => {
    const fast = await subscribe(await connect(), {});
    // The slow client speaks graphql-transport-ws by hand so that it can stop reading its socket.
    const { authorization } = await internalHeaders();
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
    await new Promise((resolve) => socket.once('message', resolve));
    // A large selection (each event is tens of kilobytes for this subscriber).
    const aliases = Array.from({ length: 1500 }, (_, i) => `a${i}: type`).join(' ');
    const subscribers = harness.server.callEvents.stats.subscribers;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { callEvents { ${aliases} } }` } }));
    await until(() => harness.server.callEvents.stats.subscribers > subscribers, 'the slow subscription');
    socket.pause();

    // Bursts smaller than the buffer; the fast subscriber reads each before the next.
    const flooded: string[] = [];
    for (let batch = 0; batch < 200 && harness.server.callEvents.stats.slowConsumersDropped === 0; batch++) {
      const events = Array.from({ length: 50 }, (_, i) => event(newCallId(), 'OFFERED', base, batch * 50 + i, { queueId: 'q_flood' }));
      flooded.push(...events.map((e) => e.callId));
      await deliver(harness, events);
      const last = flooded[flooded.length - 1];
      await until(() => fast.received.some((e) => e.call.id === last), 'the fast subscriber to keep up');
    }
    assert.equal(harness.server.callEvents.stats.slowConsumersDropped, 1);
    const marker = newCallId();
    await deliver(harness, [event(marker, 'OFFERED', base, 0, { queueId: 'q_flood' })]);
    await until(() => fast.received.some((e) => e.call.id === marker), 'the marker on the fast subscriber');
    const seen = new Set(fast.received.map((e) => e.call.id));
    assert.ok(flooded.every((id) => seen.has(id)), 'the fast subscriber received every event');
    socket.resume();
    assert.equal(await closed, SLOW_CONSUMER_CLOSE_CODE);
    fast.stop();
  });
});
