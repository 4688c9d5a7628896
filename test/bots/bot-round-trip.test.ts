/**
 * A chatbot's round trip through the gateway with an API key and narrow scopes: identify the
 * customer by WeChat openid, read order tracking, write the conversation and its summary,
 * create a lead twice with one idempotency key (one lead), ask for a hand-off; the agent's
 * `callEvents` subscription (the screen-pop stream) receives it with the transcript, the
 * intent and the customer, and the agent accepts it. A hand-off nobody takes becomes a ticket.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphQL, startStack, type GraphQLResponse, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

/** The scopes docs/bots.md recommends for a customer-service bot. */
const BOT_SCOPES = ['customers:identify', 'orders:read', 'conversations:write', 'leads:write', 'tickets:write', 'handoffs:write'];

const HANDOFF_SUBSCRIPTION = /* GraphQL */ `
  subscription AgentDesk($agentId: ID!) {
    callEvents(agentId: $agentId, types: [OFFERED, HANDOFF_OFFERED]) {
      id type at cursor
      call { id }
      handoff {
        id status reason skill intent
        rtcRoom { provider channel }
        queue { id name }
        offeredTo { id }
        conversation { id channel intent summary messages { id from text } }
        customer {
          id displayName tier
          orders(first: 3) { nodes { number status } }
          tickets(first: 5) { totalCount }
          calls(first: 5) { totalCount }
        }
      }
    }
  }
`;

interface Received {
  data?: { callEvents: { type: string; cursor: string; call: unknown; handoff: Record<string, unknown> & { id: string } } } | null;
  errors?: { message: string; path?: unknown[] }[];
}

function subscribe(client: Client, query: string, variables: Record<string, unknown>) {
  const results: Received[] = [];
  const waiters: (() => void)[] = [];
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        results.push(value as Received);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => results.push({ errors: [{ message: String((error as Error).message ?? JSON.stringify(error)) }] }),
      complete: () => undefined,
    },
  );
  async function next(count: number, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (results.length < count) {
      if (Date.now() > deadline) throw new Error(`got ${results.length} of ${count} events: ${JSON.stringify(results)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return results.slice(0, count);
  }
  return { results, next, unsubscribe };
}

describe('a bot through the gateway with an API key', () => {
  let stack: Stack;
  let bot: <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  let customer: { id: string; displayName: string; team: string };
  let openid: string;
  let agent: { id: string; team: string };

  beforeAll(async () => {
    stack = await startStack({ customers: 150, callLog: { dispatcher: { pollIntervalMs: 100 } }, callEvents: {} });
    const { key } = await stack.gateway.store.createApiKey('chatbot', BOT_SCOPES);
    bot = (query, variables) => postGraphQL(stack.gateway.graphqlUrl, query, variables, { 'x-api-key': key });
    // A seeded customer with a WeChat openid of their own, an owner and a shipped order.
    const list = await stack.query<{ customers: { nodes: { id: string; displayName: string; owner: { team: string } | null; channelIdentities: { kind: string; value: string }[]; orders: { nodes: { shipment: unknown }[] } }[] } }>(
      '{ customers(first: 100) { nodes { id displayName owner { team } channelIdentities { kind value } orders(first: 5) { nodes { shipment { carrier } } } } } }',
    );
    for (const c of list.data!.customers.nodes) {
      const wechat = c.channelIdentities.find((i) => i.kind === 'WECHAT_OPENID');
      if (!wechat || !c.owner || !c.orders.nodes.some((o) => o.shipment)) continue;
      const check = await stack.query<{ identifyCustomer: { status: string } }>('query($v: String!) { identifyCustomer(kind: WECHAT_OPENID, value: $v) { status } }', { v: wechat.value });
      if (check.data!.identifyCustomer.status !== 'SINGLE') continue;
      customer = { id: c.id, displayName: c.displayName, team: c.owner.team };
      openid = wechat.value;
      break;
    }
    assert.ok(customer, 'a seeded customer with a WeChat openid and a shipped order');
    // The routing rule offers a hand-off to the available agent with the smallest id.
    const agents = (await stack.query<{ agents: { id: string; team: string; presence: string }[] }>('{ agents { id team presence } }')).data!.agents;
    agent = agents.filter((a) => a.presence === 'AVAILABLE').sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    assert.ok(agent, 'an available agent in the seeded data');
  }, 120_000);
  afterAll(() => stack?.close());

  test('identify by openid, read tracking, write the conversation, one lead for two tries, hand off to an agent who sees it all', async () => {
    // 1. Identify: same contract as identifyCaller; the bot sees id, name and tier only.
    const identified = await bot<{ identifyCustomer: { status: string; candidates: { id: string; displayName: string; tier: string; emails: string[] | null }[] } }>(
      'query($v: String!) { identifyCustomer(kind: WECHAT_OPENID, value: $v) { status candidates { id displayName tier emails } } }',
      { v: `  ${openid} ` },
    );
    assert.equal(identified.data!.identifyCustomer.status, 'SINGLE');
    const [candidate] = identified.data!.identifyCustomer.candidates;
    assert.equal(candidate!.id, customer.id);
    assert.equal(candidate!.displayName, customer.displayName);
    assert.equal(candidate!.emails, null, 'emails are not the bot’s to read');
    assert.ok(identified.errors?.some((e) => (e.extensions as { field?: string } | undefined)?.field === 'Customer.emails' || /emails/.test(e.message)));

    const unknown = await bot<{ identifyCustomer: { status: string; candidates: unknown[] } }>('{ identifyCustomer(kind: WECHAT_OPENID, value: "o-nobody-has-this") { status candidates { id } } }');
    assert.deepEqual(unknown.data!.identifyCustomer, { status: 'NONE', candidates: [] });

    // 2. Order tracking with `orders:read`: status, carrier, tracking number, last event; no amounts.
    const orders = await bot<{ customer: unknown; identifyCustomer: { candidates: { orders: { nodes: { number: string; status: string; total: string | null; shipment: { carrier: string; trackingNumber: string; status: string; lastEvent: { at: string; description: string } | null } | null }[] } }[] } }>(
      'query($v: String!) { identifyCustomer(kind: WECHAT_OPENID, value: $v) { candidates { orders(first: 5) { nodes { number status total shipment { carrier trackingNumber status lastEvent { at location description } } } } } } }',
      { v: openid },
    );
    const shipped = orders.data!.identifyCustomer.candidates[0]!.orders.nodes.find((o) => o.shipment !== null)!;
    assert.ok(shipped.shipment!.carrier && shipped.shipment!.trackingNumber);
    assert.ok(shipped.shipment!.lastEvent?.description, 'the last tracking event');
    assert.equal(shipped.total, null, 'no amounts without finance:read');
    const refused = await bot<{ customer: unknown }>('query($id: ID!) { customer(id: $id) { id } }', { id: customer.id });
    assert.equal(refused.data?.customer ?? null, null);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');

    // 3. The conversation, its transcript (retried append: no duplicates), summary and intent.
    const started = await bot<{ startConversation: { id: string; status: string } }>(
      `mutation($input: StartConversationInput!) { startConversation(input: $input) { id status } }`,
      {
        input: {
          idempotencyKey: `wechat-session-${openid}`,
          channel: 'WECHAT',
          customerId: customer.id,
          participants: [{ role: 'CUSTOMER', id: openid }, { role: 'BOT', id: 'service:chatbot', name: 'Chatbot' }],
          messages: [{ id: 'm1', from: 'CUSTOMER', senderId: openid, text: '我的订单到哪了？' }],
        },
      },
    );
    const conversationId = started.data!.startConversation.id;
    const append = {
      conversationId,
      messages: [
        { id: 'm2', from: 'BOT', text: `您的包裹（${shipped.shipment!.carrier} ${shipped.shipment!.trackingNumber}）：${shipped.shipment!.lastEvent!.description}` },
        { id: 'm3', from: 'CUSTOMER', senderId: openid, text: '另外我们公司想买企业版，20 个人，能找人跟我聊吗？', attachments: [{ url: 'wechat-media:abc123', contentType: 'image/jpeg', name: 'org.jpg' }] },
      ],
    };
    const appendMutation = 'mutation($input: AppendConversationMessagesInput!) { appendConversationMessages(input: $input) { id messages { id } } }';
    await bot(appendMutation, { input: append });
    const retried = await bot<{ appendConversationMessages: { messages: { id: string }[] } }>(appendMutation, { input: append });
    assert.deepEqual(retried.data!.appendConversationMessages.messages.map((m) => m.id), ['m1', 'm2', 'm3']);
    const tooLong = await bot(appendMutation, { input: { conversationId, messages: [{ id: 'm4', from: 'BOT', text: 'x'.repeat(4001) }] } });
    assert.equal(tooLong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const summarised = await bot<{ updateConversation: { summary: string; intent: string } }>(
      'mutation($input: UpdateConversationInput!) { updateConversation(input: $input) { summary intent } }',
      { input: { conversationId, summary: '查询物流后，客户表示企业版 20 席采购意向。', intent: 'purchase_intent' } },
    );
    assert.equal(summarised.data!.updateConversation.intent, 'purchase_intent');

    // 4. A lead, twice with one key: one lead.
    const leadInput = { idempotencyKey: `lead-${conversationId}`, name: customer.displayName, sourceChannel: 'WECHAT', customerId: customer.id, conversationId, interest: '企业版 20 席' };
    const createLead = 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id status sourceChannel conversation { id } } }';
    const [first, second] = await Promise.all([bot<{ createLead: { id: string } }>(createLead, { input: leadInput }), bot<{ createLead: { id: string } }>(createLead, { input: leadInput })]);
    assert.ok(first.data!.createLead.id);
    assert.equal(second.data!.createLead.id, first.data!.createLead.id);
    const leads = await stack.query<{ customer: { leads: { nodes: { id: string; conversation: { id: string } }[] } } }>(
      'query($id: ID!) { customer(id: $id) { leads(first: 50) { nodes { id conversation { id } } } } }',
      { id: customer.id },
    );
    assert.equal(leads.data!.customer.leads.nodes.filter((l) => l.conversation?.id === conversationId).length, 1);
    const conflicting = await bot(createLead, { input: { ...leadInput, interest: 'something else' } });
    assert.equal(conflicting.errors?.[0]?.extensions?.code, 'CONFLICT');

    // 5. The hand-off, received by the agent on the screen-pop subscription.
    const client = createClient({
      url: stack.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: await bearer('agent', { agentId: agent.id, team: customer.team }) },
    });
    try {
      const desk = subscribe(client, HANDOFF_SUBSCRIPTION, { agentId: agent.id });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const request = 'mutation($input: RequestHandoffInput!) { requestHandoff(input: $input) { id status } }';
      const handoffInput = {
        idempotencyKey: `handoff-${conversationId}`,
        queueId: 'q_sales',
        skill: 'zh-CN',
        reason: 'Purchase intent for 20 seats: needs a sales agent',
        conversationId,
        customerId: customer.id,
        intent: 'purchase_intent',
        rtcRoom: { provider: 'trtc', channel: `room-${conversationId}` },
      };
      const requested = await bot<{ requestHandoff: { id: string; status: string } }>(request, { input: handoffInput });
      assert.equal(requested.errors, undefined, JSON.stringify(requested.errors));
      const again = await bot<{ requestHandoff: { id: string } }>(request, { input: handoffInput });
      assert.equal(again.data!.requestHandoff.id, requested.data!.requestHandoff.id);
      assert.equal(requested.data!.requestHandoff.status, 'OFFERED');
      const routed = await stack.query<{ handoff: { offeredTo: { id: string } | null } }>('query($id: ID!) { handoff(id: $id) { offeredTo { id } } }', { id: requested.data!.requestHandoff.id });
      assert.equal(routed.data!.handoff.offeredTo?.id, agent.id);

      const [event] = await desk.next(1);
      assert.equal(event!.errors, undefined, JSON.stringify(event!.errors));
      const received = event!.data!.callEvents;
      assert.equal(received.type, 'HANDOFF_OFFERED');
      assert.equal(received.call, null);
      const handoff = received.handoff as {
        id: string; reason: string; intent: string; rtcRoom: { provider: string; channel: string };
        conversation: { intent: string; summary: string; messages: { id: string; text: string }[] };
        customer: { id: string; displayName: string; orders: { nodes: unknown[] }; tickets: { totalCount: number }; calls: { totalCount: number } };
      };
      assert.equal(handoff.id, requested.data!.requestHandoff.id);
      assert.equal(handoff.intent, 'purchase_intent');
      assert.deepEqual(handoff.rtcRoom, { provider: 'trtc', channel: `room-${conversationId}` });
      assert.deepEqual(handoff.conversation.messages.map((m) => m.id), ['m1', 'm2', 'm3'], 'the transcript');
      assert.equal(handoff.conversation.intent, 'purchase_intent');
      assert.match(handoff.conversation.summary, /企业版/);
      assert.equal(handoff.customer.id, customer.id);
      assert.equal(handoff.customer.displayName, customer.displayName);
      assert.ok(handoff.customer.orders.nodes.length > 0, 'the unified view: orders from the CRM');
      assert.equal(typeof handoff.customer.tickets.totalCount, 'number', 'tickets from the ticket system');
      assert.equal(typeof handoff.customer.calls.totalCount, 'number', 'calls from the call center');

      // The agent accepts; accepting again is a conflict.
      const accept = 'mutation($id: ID!) { acceptHandoff(id: $id) { id status acceptedBy { id } } }';
      const agentToken = await bearer('agent', { agentId: agent.id, team: customer.team });
      const accepted = await postGraphQL<{ acceptHandoff: { status: string; acceptedBy: { id: string } } }>(stack.gateway.graphqlUrl, accept, { id: handoff.id }, { authorization: agentToken });
      assert.equal(accepted.data!.acceptHandoff.status, 'ACCEPTED');
      assert.equal(accepted.data!.acceptHandoff.acceptedBy.id, agent.id);
      const twice = await postGraphQL(stack.gateway.graphqlUrl, accept, { id: handoff.id }, { authorization: agentToken });
      assert.equal(twice.errors?.[0]?.extensions?.code, 'CONFLICT');
      desk.unsubscribe();
    } finally {
      await client.dispose();
    }
  }, 60_000);
});

describe('a hand-off nobody takes', () => {
  let stack: Stack;
  let bot: <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  let customer: { id: string };

  beforeAll(async () => {
    stack = await startStack({ customers: 20, callLog: { dispatcher: { pollIntervalMs: 100 } }, handoffs: { timeoutMs: 1000, sweepIntervalMs: 100 } });
    const { key } = await stack.gateway.store.createApiKey('chatbot', BOT_SCOPES);
    bot = (query, variables) => postGraphQL(stack.gateway.graphqlUrl, query, variables, { 'x-api-key': key });
    customer = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }')).data!.customers.nodes[0]!;
  }, 120_000);
  afterAll(() => stack?.close());

  test('a hand-off nobody accepts in time falls back to one ticket', async () => {
    const started = await bot<{ startConversation: { id: string } }>(
      'mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }',
      { input: { idempotencyKey: `web-${Date.now()}`, channel: 'WEB_CHAT', customerId: customer.id, messages: [{ id: 'a', from: 'CUSTOMER', text: 'The item arrived broken.' }] } },
    );
    const conversationId = started.data!.startConversation.id;
    const requested = await bot<{ requestHandoff: { id: string; expiresAt: string } }>(
      'mutation($input: RequestHandoffInput!) { requestHandoff(input: $input) { id expiresAt } }',
      { input: { idempotencyKey: `late-${conversationId}`, skill: 'after-sales', reason: 'Damaged item', conversationId, customerId: customer.id, intent: 'complaint' } },
    );
    const id = requested.data!.requestHandoff.id;
    assert.ok(Date.parse(requested.data!.requestHandoff.expiresAt) - Date.now() <= 1500, 'the configured timeout');
    // The sweep expires it (with its outbox row); the call-log dispatcher creates the ticket through the gateway.
    const deadline = Date.now() + 15_000;
    let tickets: { subject: string; channel: string; priority: string }[] = [];
    while (Date.now() < deadline) {
      const result = await stack.query<{ customer: { tickets: { nodes: { subject: string; channel: string; priority: string; description: string }[] } } }>(
        'query($id: ID!) { customer(id: $id) { tickets(first: 50) { nodes { subject channel priority description } } } }',
        { id: customer.id },
      );
      tickets = result.data!.customer.tickets.nodes.filter((t) => t.description.includes(id));
      if (tickets.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0]!.channel, 'CHAT');
    assert.match(tickets[0]!.subject, /complaint/);
    const state = await stack.query<{ handoff: { status: string; fallbackTicketKey: string } }>('query($id: ID!) { handoff(id: $id) { status fallbackTicketKey } }', { id });
    assert.deepEqual(state.data!.handoff, { status: 'EXPIRED', fallbackTicketKey: `handoff:${id}` });
    // Expiring again changes nothing: still one ticket.
    assert.deepEqual(await stack.callcenter.server.handoffs.sweep(), []);
  }, 60_000);
});
