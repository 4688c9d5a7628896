/**
 * Screen-pops are never lost: the gateway's own graphql-ws stream to the call center is cut
 * (a TCP proxy between them drops it and refuses reconnects for a while) and an OFFERED
 * webhook arrives in the gap; the agent's subscription still gets it, exactly once, on the
 * same client connection. Where the gap cannot be bridged (the missed events are older than
 * the call center's catch-up window) the client is closed with 4521 and catches up with the
 * docs' query, within the default demand limits. Operation results with errors over the same
 * socket leave the subscription alive. Real gateway, real subgraphs, graphql-ws clients.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { CATCH_UP, SCREEN_POP } from '../../schema/operations/index.js';

/** The customer view with order totals, which an agent may not read (the result carries FORBIDDEN). */
const WITH_ORDER_TOTALS = 'query($phone: String!) { identifyCaller(phone: $phone) { status candidates { id displayName orders(first: 3) { nodes { id total } } } } }';
import { CLOSE_CODES } from '../../gateway/subscriptions/close-codes.js';
import { startStack, type Stack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { bearer } from '../support/viewers.js';

interface Pop {
  callEvents: { id: string; type: string; cursor: string; call: { id: string; state: string; caller: { phone: string } | null } };
}
interface Received {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

/** Posts signed CTI events straight to the call center (not through the proxy) and waits until they are published. */
async function ring(stack: Stack, agentId: string, types: string[], phone = '+8613800138000'): Promise<string> {
  const callId = `call_gap_${randomUUID().slice(0, 8)}`;
  const base = Date.now() - 60_000;
  const events = types.map((type, i) => ({
    id: `evt_${randomUUID()}`, callId, type, at: new Date(base + i * 20_000).toISOString(),
    from: phone, to: '+864008123456', direction: 'INBOUND', queueId: 'q_support', agentId,
  }));
  const body = JSON.stringify({ events });
  const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
    body,
  });
  assert.equal(response.status, 202);
  await stack.callcenter.server.callEvents.idle();
  return callId;
}

function connect(stack: Stack, authorization: string, closes: number[]): Client {
  return createClient({
    url: stack.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: { authorization },
    on: { closed: (event) => void closes.push((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
}

function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const results: Received[] = [];
  let ended: unknown = null;
  const stop = client.subscribe({ query, variables }, { next: (value) => void results.push(value as Received), error: (error) => (ended = error ?? 'error'), complete: () => (ended = 'complete') });
  return { results, stop, ended: () => ended };
}

/** A stack whose gateway reaches the call center through a proxy the test can cut. */
async function stackBehindProxy(callEvents?: { catchUpWindowMs: number }): Promise<{ stack: Stack; proxy: TcpProxy; agent: { id: string; team: string } }> {
  const proxy = await startTcpProxy();
  const stack = await startStack({ customers: 40, subgraphUrls: { callcenter: `${proxy.url}/graphql` }, callEvents });
  proxy.target = stack.callcenter.server.url;
  const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
  return { stack, proxy, agent: agents[0]! };
}

describe('the gateway resumes its call-center stream', () => {
  let stack: Stack;
  let proxy: TcpProxy;
  let agent: { id: string; team: string };
  beforeAll(async () => ({ stack, proxy, agent } = await stackBehindProxy()));
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  test('an OFFERED event sent while the upstream is cut reaches the subscriber exactly once, and errors over the socket do not close it', { timeout: 60_000 }, async () => {
    const closes: number[] = [];
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }), closes);
    try {
      const sub = collect(client, SCREEN_POP, { agentId: agent.id });
      await until(() => stack.callcenter.server.callEvents.stats.subscribers === 1, 'the upstream subscription');
      const offeredOf = () => sub.results.map((r) => (r.data as unknown as Pop | undefined)?.callEvents).filter((e) => e?.type === 'OFFERED').map((e) => e!.call.id);

      // 1. A gap before the stream delivered anything: resumed from the stream's end at start.
      proxy.pause();
      proxy.cut();
      await until(() => stack.callcenter.server.callEvents.stats.subscribers === 0, 'the call center to see the cut');
      const inFirstGap = await ring(stack, agent.id, ['OFFERED']);
      proxy.resume();
      await until(() => offeredOf().includes(inFirstGap), 'the event sent in the first gap');

      // 2. A gap after events were delivered: resumed after the last one.
      const live = await ring(stack, agent.id, ['OFFERED']);
      await until(() => offeredOf().includes(live), 'a live event');
      proxy.pause();
      proxy.cut();
      await until(() => stack.callcenter.server.callEvents.stats.subscribers === 0, 'the call center to see the second cut');
      const inSecondGap = await ring(stack, agent.id, ['OFFERED']);
      proxy.resume();
      await until(() => offeredOf().includes(inSecondGap), 'the event sent in the second gap');

      // A query whose result carries an error (an agent sees no order totals), on the same socket.
      const view = await new Promise<Received>((resolve, reject) => {
        client.subscribe({ query: WITH_ORDER_TOTALS, variables: { phone: '+8613800138000' } }, { next: (value) => resolve(value as Received), error: reject, complete: () => undefined });
      });
      assert.ok(view.data, 'the query has data');
      assert.ok(view.errors?.some((e) => e.extensions?.code === 'FORBIDDEN'), 'and its error');
      // A query failing outright (unknown field) gets its errors too.
      const invalid = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ nonsense }' }, { next: resolve, error: resolve, complete: () => undefined });
      });
      assert.equal((invalid as { extensions?: { code?: string } }[])[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      const afterErrors = await ring(stack, agent.id, ['OFFERED']);
      await until(() => offeredOf().includes(afterErrors), 'an event after the errors');

      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(offeredOf(), [inFirstGap, live, inSecondGap, afterErrors], 'each event once, in order');
      assert.deepEqual(closes, [], 'the client connection never closed');
      assert.equal(sub.ended(), null);
      assert.ok(stack.gateway.upstream.resumed >= 2);
      const first = (sub.results[0]!.data as unknown as Pop).callEvents;
      assert.ok(first.id && first.cursor, 'events carry id and cursor');
      assert.ok(!JSON.stringify(sub.results).includes('__sb_'), 'no hidden gateway fields leak');
    } finally {
      await client.dispose();
    }
  });

  test('a client resumes with callEvents(after:) through the gateway; a malformed cursor is its own BAD_USER_INPUT', { timeout: 60_000 }, async () => {
    const closes: number[] = [];
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }), closes);
    try {
      const head = await stack.queryAs<{ callEventsCursor: string }>('agent', '{ callEventsCursor }', {}, { agentId: agent.id, team: agent.team });
      const missed = await ring(stack, agent.id, ['OFFERED', 'ANSWERED']);
      const query = SCREEN_POP.replace('types: [OFFERED, ANSWERED, ENDED])', 'types: [OFFERED, ANSWERED, ENDED], after: $after)').replace('($agentId: ID!)', '($agentId: ID!, $after: String)');
      const sub = collect(client, query, { agentId: agent.id, after: head.data!.callEventsCursor });
      const events = () => sub.results.map((r) => (r.data as unknown as Pop | undefined)?.callEvents).filter((e) => e !== undefined).map((e) => [e.call.id, e.type]);
      await until(() => events().length === 2, 'the replayed events');
      await ring(stack, agent.id, ['OFFERED']).then(async (live) => {
        await until(() => events().length === 3, 'the live event');
        assert.deepEqual(events(), [[missed, 'OFFERED'], [missed, 'ANSWERED'], [live, 'OFFERED']]);
      });
      const bad = collect(client, query, { agentId: agent.id, after: 'garbage' });
      await until(() => bad.results.length > 0 || bad.ended() !== null, 'the refusal');
      assert.equal(bad.results[0]?.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.deepEqual(closes, [], 'a bad cursor closes nothing');
    } finally {
      await client.dispose();
    }
  });

  test("the docs' catch-up query runs within the default demand limits and returns what was missed", { timeout: 60_000 }, async () => {
    const token = await bearer('agent', { agentId: agent.id, team: agent.team });
    const head = await stack.queryAs<{ callEventsCursor: string }>('agent', '{ callEventsCursor }', {}, { agentId: agent.id, team: agent.team });
    assert.equal(head.errors, undefined);
    const missed = await ring(stack, agent.id, ['OFFERED', 'ANSWERED', 'ENDED']);
    const response = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query: CATCH_UP, variables: { agentId: agent.id, after: head.data!.callEventsCursor } }),
    });
    const body = (await response.json()) as { data?: { callEventsSince: { nodes: { type: string; call: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }; errors?: Received['errors'] };
    assert.equal(response.status, 200);
    assert.ok(!body.errors?.some((e) => e.extensions?.code === 'COST_ESTIMATED_TOO_EXPENSIVE' || e.extensions?.code === 'MAX_DEPTH_EXCEEDED'), JSON.stringify(body.errors));
    assert.deepEqual(body.data?.callEventsSince.nodes.map((n) => [n.call.id, n.type]), [[missed, 'OFFERED'], [missed, 'ANSWERED'], [missed, 'ENDED']]);
    assert.equal(body.data?.callEventsSince.pageInfo.hasNextPage, false);
    // The limit the docs name: one event more per page than 65 is too expensive.
    const larger = await stack.queryAs('agent', CATCH_UP.replace('types: [OFFERED, ANSWERED, ENDED])', 'types: [OFFERED, ANSWERED, ENDED], first: 66)'), { agentId: agent.id, after: head.data!.callEventsCursor }, { agentId: agent.id, team: agent.team });
    assert.equal(larger.errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE');
    const largest = await stack.queryAs('agent', CATCH_UP.replace('types: [OFFERED, ANSWERED, ENDED])', 'types: [OFFERED, ANSWERED, ENDED], first: 65)'), { agentId: agent.id, after: head.data!.callEventsCursor }, { agentId: agent.id, team: agent.team });
    assert.equal(largest.errors, undefined);
  });
});

describe('when the gap cannot be bridged', () => {
  let stack: Stack;
  let proxy: TcpProxy;
  let agent: { id: string; team: string };
  beforeAll(async () => ({ stack, proxy, agent } = await stackBehindProxy({ catchUpWindowMs: 1000 })));
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  test('the client is closed with 4521 (events missed)', { timeout: 60_000 }, async () => {
    const closes: number[] = [];
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }), closes);
    try {
      collect(client, SCREEN_POP, { agentId: agent.id });
      await until(() => stack.callcenter.server.callEvents.stats.subscribers === 1, 'the upstream subscription');
      proxy.pause();
      proxy.cut();
      await ring(stack, agent.id, ['OFFERED']);
      // Longer than the call center's catch-up window: it can no longer replay the event.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      proxy.resume();
      await until(() => closes.length > 0, 'the client to be told');
      assert.deepEqual(closes, [CLOSE_CODES.EVENTS_MISSED]);
      assert.equal(stack.gateway.upstream.streamCount, 0);
    } finally {
      await client.dispose();
    }
  });
});
