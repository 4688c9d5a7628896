/**
 * Subscribers of one call-center stream share the enrichment of an event only when their
 * rights are equal: two supervisors of the same team, one of whom serves the caller on a
 * call of their own (a related customer: full details), get different payloads for the same
 * event; two connections of the same supervisor get one enrichment between them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

interface Received {
  data?: { callEvents: { call: { id: string; caller: { candidates: { id: string; tags: string[] | null }[] } | null } } } | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

const OFFERS = 'subscription { callEvents(types: [OFFERED]) { call { id caller { candidates { id tags } } } } }';

function connect(stack: Stack, authorization: string): Client {
  return createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization }, onNonLazyError: () => undefined });
}

/** Subscribes to OFFERS; every result lands in the returned list. */
function subscribe(client: Client): Received[] {
  const results: Received[] = [];
  client.subscribe({ query: OFFERS }, { next: (value) => void results.push(value as Received), error: (error) => void results.push({ errors: [{ message: JSON.stringify(error) }] }), complete: () => undefined });
  return results;
}

/** Waits until `done()` holds (checked every 50 ms), at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('shared enrichment of subscription events', () => {
  let stack: Stack;
  let phone: string;
  let customerId: string;
  let agent: { id: string; team: string };

  beforeAll(async () => {
    stack = await startStack({ customers: 120 });
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    agent = agents[0]!;
    // A customer of another team than the agent's, with a number of their own.
    const list = await stack.query<{ customers: { nodes: { id: string; phones: { e164: string }[]; owner: { team: string } | null }[] } }>(
      '{ customers(first: 100) { nodes { id phones { e164 } owner { team } } } }',
    );
    for (const customer of list.data!.customers.nodes) {
      const e164 = customer.phones[0]?.e164;
      if (!e164 || !customer.owner || customer.owner.team === agent.team) continue;
      const id = await stack.query<{ identifyCaller: { status: string } }>('query($p: String!) { identifyCaller(phone: $p) { status } }', { p: e164 });
      if (id.data!.identifyCaller.status === 'SINGLE') {
        phone = e164;
        customerId = customer.id;
        break;
      }
    }
    assert.ok(phone, "a seeded customer of another team than the agent's, with a number of their own");
  });
  afterAll(() => stack.close());

  async function ring(callId: string, types: string[]): Promise<void> {
    const base = Date.now() - 60_000;
    const events = types.map((type, i) => ({
      id: `evt_${randomUUID()}`,
      callId,
      type,
      at: new Date(base + i * 10_000).toISOString(),
      from: phone,
      to: '+864008123456',
      direction: 'INBOUND',
      queueId: 'q_support',
      agentId: agent.id,
    }));
    const body = JSON.stringify({ events });
    const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
      body,
    });
    assert.equal(response.status, 202);
    await stack.callcenter.server.callEvents.idle();
  }

  test('two subscribers with different rights never share a payload; equal rights share one enrichment', async () => {
    // The agent's call with the customer is going on: a supervisor who is that agent serves the customer.
    await ring(`call_shared_${randomUUID().slice(0, 8)}`, ['OFFERED', 'ANSWERED']);
    const serving = connect(stack, await bearer('supervisor', { sub: 'supervisor-serving', team: agent.team, agentId: agent.id }));
    const otherToken = await bearer('supervisor', { sub: 'supervisor-other', team: agent.team });
    const other = connect(stack, otherToken);
    const otherAgain = connect(stack, otherToken);
    try {
      const lists = [serving, other, otherAgain].map(subscribe);
      const ofCall = (callId: string) => lists.map((list) => list.find((r) => r.data?.callEvents.call.id === callId));
      // Probe calls until all three subscriptions are live (a busy machine may take a while).
      for (let attempt = 0; attempt < 20; attempt++) {
        const probe = `call_probe_${randomUUID().slice(0, 8)}`;
        await ring(probe, ['OFFERED']);
        await until(() => ofCall(probe).every(Boolean), 2000);
        if (ofCall(probe).every(Boolean)) break;
      }
      assert.ok(lists.every((list) => list.length > 0), 'all three subscriptions are live');
      assert.equal(stack.gateway.upstream.streamCount, 1, 'the three subscriptions share one call-center stream');
      const crmBefore = stack.crm.server.requestCount;
      const callId = `call_shared_${randomUUID().slice(0, 8)}`;
      await ring(callId, ['OFFERED']);
      await until(() => ofCall(callId).every(Boolean), 30_000);
      const crmRequests = stack.crm.server.requestCount - crmBefore;
      const [forServing, forOther, forOtherAgain] = ofCall(callId) as [Received, Received, Received];
      assert.ok(forServing && forOther && forOtherAgain, 'every subscriber got the event');

      // The supervisor serving the caller sees the customer in full.
      assert.equal(forServing.data?.callEvents.call.id, callId);
      const [full] = forServing.data!.callEvents.call.caller!.candidates;
      assert.equal(full?.id, customerId);
      assert.ok(Array.isArray(full!.tags), 'full details for a related customer');
      assert.equal(forServing.errors, undefined);

      // The other supervisor, same team and scopes, same stream, same event: a customer of another team, restricted.
      for (const result of [forOther, forOtherAgain]) {
        assert.equal(result.data?.callEvents.call.id, callId);
        const [minimal] = result.data!.callEvents.call.caller!.candidates;
        assert.equal(minimal?.id, customerId);
        assert.equal(minimal!.tags, null);
        assert.ok(result.errors?.some((e) => e.extensions?.reason === 'RECORD_RESTRICTED' && e.path?.join('.') === 'callEvents.call.caller.candidates.0.tags'));
      }
      assert.deepEqual(forOtherAgain, forOther);
      assert.notDeepEqual(forServing, forOther);

      // One CRM fetch per distinct rights: two, not three.
      assert.equal(crmRequests, 2);
    } finally {
      await Promise.all([serving, other, otherAgain].map((client) => client.dispose()));
    }
  });
});
