/**
 * Screen-pop through the gateway: a CTI webhook reaches the call center, the gateway's
 * graphql-ws subscription gets the event from it and enriches it from the CRM and the ticket
 * system, under the subscriber's rights: agents only see their own calls, supervisors their
 * team's (and bot hand-offs of their team or waiting in a queue), field rules apply to every event, and an expired token ends the connection.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';
import { SCREEN_POP } from '../../schema/operations/index.js';


interface Candidate {
  displayName: string;
  tier: string;
  tickets: { nodes: unknown[] } | null;
  calls: { nodes: unknown[] } | null;
}
interface ScreenPopEvent {
  callEvents: { type: string; at: string; call: { id: string; from: string; state: string; queue: { name: string } | null; caller: { status: string; candidates: Candidate[] } | null } };
}
interface Received {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

function connect(stack: Stack, authorization: string | null, onClosed?: (code: number, reason: string) => void): Client {
  return createClient({
    url: stack.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: authorization ? { authorization } : {},
    on: { closed: (event) => onClosed?.((event as { code: number }).code, (event as { reason: string }).reason) },
    onNonLazyError: () => undefined,
  });
}

/**
 * Subscribes and collects results until `count` arrived (or an error ended it). graphql-ws
 * does not acknowledge a subscription, so `ready` waits until the call center sees one more
 * subscriber stream than before (the gateway's upstream one; at most 5 s, for a subscription
 * that shares a stream already open), and at least 300 ms.
 */
function collect(client: Client, query: string, variables: Record<string, unknown>, count: number, stack?: Stack) {
  const results: Received[] = [];
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let failure: unknown = null;
  const before = stack?.callcenter.server.callEvents.stats.subscribers ?? 0;
  const ready = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deadline = Date.now() + 5000;
    while (stack && stack.callcenter.server.callEvents.stats.subscribers <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  })();
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        results.push(value as Received);
        if (results.length >= count) finish();
      },
      error: (error) => {
        failure = error;
        finish();
      },
      complete: () => finish(),
    },
  );
  return { results, done, ready, unsubscribe, failure: () => failure };
}

describe('screen-pop subscriptions through the gateway', () => {
  let stack: Stack;
  let phone: string;
  let customerName: string;
  let agent: { id: string; team: string };
  let otherTeamAgent: { id: string; team: string };

  beforeAll(async () => {
    stack = await startStack({ customers: 120 });
    const list = await stack.query<{ customers: { nodes: { displayName: string; phones: { e164: string }[] }[] } }>(
      '{ customers(first: 100) { nodes { displayName phones { e164 } } } }',
    );
    for (const customer of list.data!.customers.nodes) {
      const e164 = customer.phones[0]?.e164;
      if (!e164) continue;
      const id = await stack.query<{ identifyCaller: { status: string } }>('query($p: String!) { identifyCaller(phone: $p) { status } }', { p: e164 });
      if (id.data!.identifyCaller.status === 'SINGLE') {
        phone = e164;
        customerName = customer.displayName;
        break;
      }
    }
    assert.ok(phone, 'a seeded customer with a number of their own');
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    agent = agents[0]!;
    otherTeamAgent = agents.find((a) => a.team !== agent.team)!;
  });
  afterAll(() => stack.close());

  async function ring(agentId: string, types = ['OFFERED', 'ANSWERED', 'ENDED']): Promise<string> {
    const callId = `call_live_${randomUUID().slice(0, 8)}`;
    const base = Date.now() - 60_000;
    const events = types.map((type, i) => ({
      id: `evt_${randomUUID()}`,
      callId,
      type,
      at: new Date(base + i * 20_000).toISOString(),
      from: phone,
      to: '+864008123456',
      direction: 'INBOUND',
      queueId: 'q_support',
      agentId,
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

  test('an agent sees who is calling, their open tickets and last calls, as the call rings', async () => {
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }));
    try {
      const sub = collect(client, SCREEN_POP, { agentId: agent.id }, 3, stack);
      await sub.ready;
      const callId = await ring(agent.id);
      await sub.done;
      assert.equal(sub.failure(), null);
      assert.deepEqual(sub.results.map((r) => (r.data as unknown as ScreenPopEvent).callEvents.type), ['OFFERED', 'ANSWERED', 'ENDED']);
      const offered = (sub.results[0]!.data as unknown as ScreenPopEvent).callEvents;
      assert.equal(offered.call.id, callId);
      assert.equal(offered.call.from, phone);
      assert.equal(offered.call.state, 'RINGING');
      assert.ok(offered.call.queue?.name);
      assert.equal(offered.call.caller?.status, 'SINGLE');
      const [candidate] = offered.call.caller!.candidates;
      assert.equal(candidate?.displayName, customerName);
      assert.ok(candidate!.calls!.nodes.length <= 3);
      assert.ok(candidate!.tickets!.nodes.length <= 3);
      // Answered and hung up: the agent is now in after-call work.
      assert.equal((sub.results[2]!.data as unknown as ScreenPopEvent).callEvents.call.state, 'WRAP_UP');
    } finally {
      await client.dispose();
    }
  });

  test("an agent may not subscribe to another agent's calls", async () => {
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }));
    try {
      const sub = collect(client, SCREEN_POP, { agentId: otherTeamAgent.id }, 1);
      await sub.done;
      const errors = sub.failure() as { message: string; extensions?: { code?: string } }[];
      assert.ok(Array.isArray(errors));
      assert.equal(errors[0]?.extensions?.code, 'FORBIDDEN');
      assert.match(errors[0]!.message, new RegExp(agent.id));
    } finally {
      await client.dispose();
    }
  });

  test("a supervisor without filters gets their team's calls and no one else's", async () => {
    const client = connect(stack, await bearer('supervisor', { team: agent.team }));
    try {
      const sub = collect(client, 'subscription { callEvents(types: [OFFERED]) { type call { id agent { id } } } }', {}, 1, stack);
      await sub.ready;
      await ring(otherTeamAgent.id, ['OFFERED']);
      const ownCall = await ring(agent.id, ['OFFERED']);
      await sub.done;
      assert.equal(sub.results.length, 1);
      const event = sub.results[0]!.data as { callEvents: { call: { id: string; agent: { id: string } } } };
      assert.equal(event.callEvents.call.id, ownCall);
      assert.equal(event.callEvents.call.agent.id, agent.id);
      assert.ok(!JSON.stringify(sub.results).includes('__sb_'), 'no hidden gateway fields leak');
    } finally {
      await client.dispose();
    }
  });

  test("a supervisor gets bot hand-offs offered to their team's agents and those waiting in a queue, no other team's", async () => {
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    const teams = [...new Set(agents.map((a) => a.team))].sort().slice(0, 2);
    assert.equal(teams.length, 2, 'the seed has two teams');
    const supervisors = await Promise.all(teams.map(async (team) => ({ team, client: connect(stack, await bearer('supervisor', { team })) })));
    const { key } = await stack.gateway.store.createApiKey(`handoff-bot-${randomUUID().slice(0, 6)}`, ['conversations:write', 'handoffs:write']);
    try {
      const subs = supervisors.map(({ team, client }) => ({ team, sub: collect(client, 'subscription { callEvents(types: [HANDOFF_OFFERED]) { type handoff { id } } }', {}, 10_000, stack) }));
      await Promise.all(subs.map(({ sub }) => sub.ready));
      const bot = async <T,>(query: string, variables: Record<string, unknown>) => {
        const response = await fetch(stack.gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query, variables }) });
        const result = (await response.json()) as { data?: T; errors?: unknown[] };
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        return result.data!;
      };
      const { startConversation } = await bot<{ startConversation: { id: string } }>('mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }', {
        input: { idempotencyKey: `sup-${randomUUID()}`, channel: 'WEB_CHAT', messages: [{ id: 'm1', from: 'CUSTOMER', text: 'Hello?' }] },
      });
      // Each hand-off occupies the agent it is offered to: ask until one waits in its queue.
      const offeredTeam = new Map<string, string | null>();
      for (let i = 0; i < agents.length + 1; i++) {
        const { requestHandoff } = await bot<{ requestHandoff: { id: string } }>('mutation($input: RequestHandoffInput!) { requestHandoff(input: $input) { id } }', {
          input: { idempotencyKey: `sup-${randomUUID()}`, skill: 'any', reason: `Customer asks for a human (${i})`, conversationId: startConversation.id },
        });
        const routed = await stack.query<{ handoff: { offeredTo: { team: string } | null } }>('query($id: ID!) { handoff(id: $id) { offeredTo { team } } }', { id: requestHandoff.id });
        offeredTeam.set(requestHandoff.id, routed.data!.handoff.offeredTo?.team ?? null);
        if (routed.data!.handoff.offeredTo === null) break;
      }
      assert.ok([...offeredTeam.values()].includes(null), 'one hand-off waits in its queue');
      assert.ok(teams.every((team) => [...offeredTeam.values()].includes(team)), 'hand-offs were offered to agents of both teams');
      for (const { team, sub } of subs) {
        const expected = [...offeredTeam].filter(([, offered]) => offered === team || offered === null).map(([id]) => id).sort();
        const deadline = Date.now() + 10_000;
        while (sub.results.length < expected.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const received = sub.results.map((r) => (r.data as { callEvents: { handoff: { id: string } } }).callEvents.handoff.id).sort();
        assert.deepEqual(received, expected, `supervisor of ${team}`);
        assert.ok(!JSON.stringify(sub.results).includes('__sb_'), 'no hidden gateway fields leak');
        sub.unsubscribe();
      }
    } finally {
      await Promise.all(supervisors.map(({ client }) => client.dispose()));
    }
  });

  test('field rules apply to every event: masked PII, removed recording', async () => {
    const client = connect(stack, await bearer('agent', { agentId: agent.id, team: agent.team }));
    try {
      const query = `subscription($agentId: ID!) { callEvents(agentId: $agentId, types: [ENDED]) { call { id recording { ref } caller { candidates { displayName } } } } }`;
      const sub = collect(client, query, { agentId: agent.id }, 1, stack);
      await sub.ready;
      await ring(agent.id);
      await sub.done;
      const [result] = sub.results;
      const call = (result!.data as { callEvents: { call: { recording: unknown } } }).callEvents.call;
      assert.equal(call.recording, null);
      assert.ok(result!.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && (e.path ?? []).join('.') === 'callEvents.call.recording'));
    } finally {
      await client.dispose();
    }
  });

  test('identical subscriptions share one call-center stream', async () => {
    const token = await bearer('agent', { agentId: agent.id, team: agent.team });
    const clients = [connect(stack, token), connect(stack, token), connect(stack, token)];
    try {
      const subs = clients.map((client) => collect(client, SCREEN_POP, { agentId: agent.id }, 1, stack));
      await Promise.all(subs.map((s) => s.ready));
      assert.equal(stack.gateway.upstream.streamCount, 1);
      await ring(agent.id, ['OFFERED']);
      await Promise.all(subs.map((s) => s.done));
      for (const sub of subs) assert.equal((sub.results[0]!.data as unknown as ScreenPopEvent).callEvents.type, 'OFFERED');
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  test('a connection without valid credentials is refused with 4403', async () => {
    const closed = new Promise<{ code: number; reason: string }>((resolve) => connect(stack, 'Bearer nonsense', (code, reason) => resolve({ code, reason })));
    const { code, reason } = await closed;
    assert.equal(code, 4403);
    assert.match(reason, /Unauthenticated/);
  });

  test('when the token expires the connection ends with 4440 "Token expired"', async () => {
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      void bearer('agent', { agentId: agent.id, team: agent.team, ttl: '2s' }).then((token) => {
        const client = connect(stack, token, (code, reason) => resolve({ code, reason }));
        collect(client, SCREEN_POP, { agentId: agent.id }, 1);
      });
    });
    const { code, reason } = await closed;
    assert.equal(code, 4440);
    assert.match(reason, /expired/);
  });
});
