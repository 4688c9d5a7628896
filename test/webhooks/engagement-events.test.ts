/**
 * Leads and conversations announce their changes like tickets and contacts do: a lead
 * created (once, however often its idempotency key is replayed), its status changed (by
 * `changeLeadStatus` and by `convertLead`), a conversation closed (once: CLOSED is final),
 * each delivered to a registered endpoint with ids only unless it opted in to personal data.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../outbox/harness.js';
import { startReceiver, type Receiver } from './receiver.js';

interface Body {
  type: string;
  data: Record<string, unknown> & { personal?: Record<string, unknown> };
}

describe('lead and conversation events out', () => {
  let stack: Stack;
  let receiver: Receiver;
  const bodies = (): Body[] => receiver.received.filter((r) => r.status < 300).map((r) => JSON.parse(r.body) as Body);

  beforeAll(async () => {
    receiver = await startReceiver(() => 204);
    stack = await startStack({ customers: 20, gatewayEnv: { SWITCHBOARD_WEBHOOKS: 'true', WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_MIN_MS: '100', WEBHOOK_RETRY_MAX_MS: '400' } });
    const registered = await stack.query(
      'mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } } }',
      { input: { url: `${receiver.url}/crm`, eventTypes: ['LEAD_CREATED', 'LEAD_STATUS_CHANGED', 'CONVERSATION_CLOSED'] } },
    );
    assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  test('a lead created twice with one key is announced once; its moves and its conversion are announced; a conversation closes once', { timeout: 60_000 }, async () => {
    const create = 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }';
    const input = { idempotencyKey: 'lead-events-1', name: '韩梅梅', sourceChannel: 'WECHAT' };
    const first = await stack.query<{ createLead: { id: string } }>(create, { input });
    const again = await stack.query<{ createLead: { id: string } }>(create, { input });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const leadId = first.data!.createLead.id;
    assert.equal(again.data!.createLead.id, leadId);
    const moved = await stack.query('mutation($id: ID!) { changeLeadStatus(input: { leadId: $id, status: QUALIFIED }) { status } }', { id: leadId });
    assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
    const converted = await stack.query('mutation($id: ID!) { convertLead(input: { leadId: $id, newCustomer: { displayName: "韩梅梅" } }) { lead { status } } }', { id: leadId });
    assert.equal(converted.errors, undefined, JSON.stringify(converted.errors));

    const started = await stack.query<{ startConversation: { id: string } }>('mutation { startConversation(input: { idempotencyKey: "events-chat-1", channel: WEB_CHAT }) { id } }');
    const conversationId = started.data!.startConversation.id;
    for (let i = 0; i < 2; i += 1) {
      const closed = await stack.query('mutation($id: ID!) { updateConversation(input: { conversationId: $id, status: CLOSED, outcome: LEAD_CREATED, intent: "purchase_intent" }) { status } }', { id: conversationId });
      assert.equal(closed.errors, undefined, JSON.stringify(closed.errors));
    }

    await eventually('four deliveries', async () => (bodies().length >= 4 ? true : undefined));
    // Give a duplicate the time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const seen = bodies();
    assert.deepEqual(seen.map((b) => b.type).sort(), ['conversation.closed', 'lead.created', 'lead.status_changed', 'lead.status_changed']);
    const created = seen.find((b) => b.type === 'lead.created')!;
    assert.equal(created.data.leadId, leadId);
    assert.equal(created.data.sourceChannel, 'WECHAT');
    assert.equal(created.data.personal, undefined, 'no name without the opt-in');
    assert.ok(!JSON.stringify(created).includes('韩梅梅'));
    // Deliveries are not ordered (docs/webhooks-out.md): compare the moves in the lead's order.
    const order = ['NEW', 'QUALIFIED', 'CONVERTED'];
    const moves = seen
      .filter((b) => b.type === 'lead.status_changed')
      .map((b) => [b.data.from, b.data.to])
      .sort((x, y) => order.indexOf(String(x[0])) - order.indexOf(String(y[0])));
    assert.deepEqual(moves, [['NEW', 'QUALIFIED'], ['QUALIFIED', 'CONVERTED']]);
    const closed = seen.find((b) => b.type === 'conversation.closed')!;
    assert.deepEqual([closed.data.conversationId, closed.data.outcome, closed.data.intent], [conversationId, 'LEAD_CREATED', 'purchase_intent']);
  });
});
