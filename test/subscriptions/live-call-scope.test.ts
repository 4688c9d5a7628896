/**
 * The per-agent rule on live calls (subgraphs/callcenter/events/live-call-scope.ts) holds on
 * every transport: through the gateway over HTTP (`activeCalls`, `callEventsSince`), and on
 * the call center's own graphql-ws endpoint (`callEvents`) for a viewer the gateway signed.
 * Cursors are signed: a forged or altered one is `BAD_USER_INPUT`, for the event stream and
 * for connections alike.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { encodeEventCursor } from '../../subgraphs/callcenter/events/cursor.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer, internalHeaders, viewer } from '../support/viewers.js';

const SINCE = `query($after: String!, $agentId: ID) { callEventsSince(after: $after, agentId: $agentId) { nodes { id call { id agent { id } } } pageInfo { endCursor } } }`;
const ACTIVE = `query($agentId: ID) { activeCalls(agentId: $agentId) { id agent { id team } } }`;

describe('live calls: one per-agent rule on HTTP and WebSocket, signed cursors', () => {
  let stack: Stack;
  let own: { id: string; team: string };
  let colleague: { id: string; team: string };
  let stranger: { id: string; team: string };
  const calls: Record<string, string> = {};
  let cursor: string;

  /** Rings and answers a call for `agentId` (it stays active). */
  async function ring(agentId: string): Promise<string> {
    const callId = `call_scope_${randomUUID().slice(0, 8)}`;
    const at = Date.now() - 30_000;
    const events = ['OFFERED', 'ANSWERED'].map((type, i) => ({ id: `evt_${randomUUID()}`, callId, type, at: new Date(at + i * 5_000).toISOString(), from: '+8613900000001', to: '+864008123456', direction: 'INBOUND', queueId: 'q_support', agentId }));
    const body = JSON.stringify({ events });
    const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, { method: 'POST', headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) }, body });
    assert.equal(response.status, 202);
    await stack.callcenter.server.callEvents.idle();
    return callId;
  }

  beforeAll(async () => {
    stack = await startStack({ customers: 20 });
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    own = agents[0]!;
    colleague = agents.find((a) => a.team === own.team && a.id !== own.id)!;
    stranger = agents.find((a) => a.team !== own.team)!;
    assert.ok(colleague && stranger, 'the seed has two agents in one team and one in another');
    // A cursor from before the calls (as the server encodes them): catch-up from here sees them.
    const before = new Date(Date.now() - 60_000).toISOString();
    cursor = encodeEventCursor({ appliedAt: before, at: before, id: 'evt_0' });
    for (const agent of [own, colleague, stranger]) calls[agent.id] = await ring(agent.id);
  });
  afterAll(() => stack.close());

  const agentToken = () => bearer('agent', { agentId: own.id, team: own.team });

  test("over HTTP an agent gets their own live calls and events, never another agent's", async () => {
    const authorization = await agentToken();
    for (const agentId of [stranger.id, colleague.id, undefined]) {
      for (const query of [SINCE, ACTIVE]) {
        const response = await stack.query<Record<string, unknown>>(query, { after: cursor, agentId }, { authorization });
        assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${agentId ?? 'no agentId'}: ${JSON.stringify(response.errors)}`);
        assert.match(response.errors![0]!.message, new RegExp(own.id));
      }
    }
    const active = await stack.query<{ activeCalls: { id: string }[] }>(ACTIVE, { agentId: own.id }, { authorization });
    assert.deepEqual(active.data!.activeCalls.map((c) => c.id), [calls[own.id]]);
    const since = await stack.query<{ callEventsSince: { nodes: { call: { id: string } }[] } }>(SINCE, { after: cursor, agentId: own.id }, { authorization });
    assert.equal(since.errors, undefined);
    assert.deepEqual([...new Set(since.data!.callEventsSince.nodes.map((n) => n.call.id))], [calls[own.id]]);
  });

  test("a supervisor gets their team's live calls only, whatever the filter; an admin gets all", async () => {
    const authorization = await bearer('supervisor', { team: own.team });
    const active = await stack.query<{ activeCalls: { id: string; agent: { team: string } }[] }>(ACTIVE, {}, { authorization });
    const ids = active.data!.activeCalls.map((c) => c.id);
    assert.ok(ids.includes(calls[own.id]!) && ids.includes(calls[colleague.id]!));
    assert.ok(!ids.includes(calls[stranger.id]!));
    assert.ok(active.data!.activeCalls.every((c) => c.agent.team === own.team));
    const narrowed = await stack.query<{ activeCalls: unknown[]; callEventsSince: { nodes: unknown[] } }>(
      `query($after: String!, $agentId: ID) { activeCalls(agentId: $agentId) { id } callEventsSince(after: $after, agentId: $agentId) { nodes { id } } }`,
      { after: cursor, agentId: stranger.id },
      { authorization },
    );
    assert.deepEqual(narrowed.data, { activeCalls: [], callEventsSince: { nodes: [] } });
    const since = await stack.query<{ callEventsSince: { nodes: { call: { id: string } }[] } }>(SINCE, { after: cursor }, { authorization });
    const seen = new Set(since.data!.callEventsSince.nodes.map((n) => n.call.id));
    assert.ok(seen.has(calls[own.id]!) && !seen.has(calls[stranger.id]!));
    const admin = await stack.query<{ activeCalls: { id: string }[] }>(ACTIVE, {});
    assert.ok(admin.data!.activeCalls.some((c) => c.id === calls[stranger.id]));
  });

  test("on the call center's WebSocket the same rule holds for the viewer in the internal token", async () => {
    const { authorization } = await internalHeaders(viewer('agent', { agentId: own.id, team: own.team }));
    const client = createClient({ url: stack.callcenter.server.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0, lazy: true });
    try {
      const subscribe = (agentId: string) =>
        new Promise<unknown>((resolve) => {
          client.subscribe({ query: 'subscription($a: ID) { callEvents(agentId: $a) { id } }', variables: { a: agentId } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
          setTimeout(() => resolve('running'), 500);
        });
      // Refused as the subscription starts: an error result (or graphql-ws errors), never an event.
      const outcome = (await subscribe(stranger.id)) as { errors?: { extensions?: { code?: string } }[]; data?: unknown } | { extensions?: { code?: string } }[];
      const errors = Array.isArray(outcome) ? outcome : outcome.errors;
      assert.equal(errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(outcome));
      assert.ok(Array.isArray(outcome) || !outcome.data, 'no event data');
      assert.equal(await subscribe(own.id), 'running');
      // The same viewer over HTTP, straight to the subgraph: the same refusal.
      const http = await fetch(stack.callcenter.server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: authorization! },
        body: JSON.stringify({ query: ACTIVE, variables: { agentId: stranger.id } }),
      });
      const body = (await http.json()) as { errors?: { extensions?: { code?: string } }[] };
      assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  test('cursors are signed: forged and altered ones are BAD_USER_INPUT, issued ones page on', async () => {
    const forged = Buffer.from(JSON.stringify(['CallEvent', `${new Date().toISOString()}|${new Date().toISOString()}`, 'evt'])).toString('base64url');
    const [payload, tag] = cursor.split('.') as [string, string];
    const altered = `${Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('"evt_0"', '"evt_1"')).toString('base64url')}.${tag}`;
    for (const after of [forged, altered, `${payload}.${'A'.repeat(tag.length)}`, 'garbage']) {
      const response = await stack.query(SINCE, { after });
      assert.equal(response.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', after);
      assert.equal(response.errors?.[0]?.extensions?.argumentName, 'after');
    }
    // Connections too: a customers cursor rebuilt by hand is refused; the issued one pages on.
    const page = await stack.query<{ customers: { pageInfo: { endCursor: string } } }>('{ customers(first: 2) { pageInfo { endCursor } } }');
    const issued = page.data!.customers.pageInfo.endCursor;
    const next = await stack.query('query($after: String) { customers(first: 2, after: $after) { nodes { id } } }', { after: issued });
    assert.equal(next.errors, undefined);
    const unsigned = issued.split('.')[0]!;
    const refused = await stack.query('query($after: String) { customers(first: 2, after: $after) { nodes { id } } }', { after: unsigned });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});
