/**
 * Leads (status model, the company's own labels, conversion), identification by channel
 * identity when several customers share one (MULTIPLE, never one picked), and the bounds of
 * a conversation — through the gateway as an agent and as an admin.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

describe('leads, identities and conversations', () => {
  let stack: Stack;
  let customers: { id: string; owner: { team: string } | null }[];
  const previousMap = process.env.SWITCHBOARD_LEAD_STATUS_MAP;

  beforeAll(async () => {
    // A company whose CRM grades leads 潜在 / 意向 / 流失.
    process.env.SWITCHBOARD_LEAD_STATUS_MAP = JSON.stringify({ 潜在: 'NEW', 意向: 'QUALIFIED', 流失: 'LOST' });
    stack = await startStack({ customers: 30 });
    customers = (await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null }[] } }>('{ customers(first: 30) { nodes { id owner { team } } } }')).data!.customers.nodes;
  }, 120_000);
  afterAll(async () => {
    if (previousMap === undefined) delete process.env.SWITCHBOARD_LEAD_STATUS_MAP;
    else process.env.SWITCHBOARD_LEAD_STATUS_MAP = previousMap;
    await stack?.close();
  });

  const CHANGE = 'mutation($input: ChangeLeadStatusInput!) { changeLeadStatus(input: $input) { status externalStatus } }';

  async function newLead(key: string, customerId: string | null = null): Promise<string> {
    const created = await stack.query<{ createLead: { id: string; status: string; createdBy: string } }>(
      'mutation($input: CreateLeadInput!) { createLead(input: $input) { id status createdBy } }',
      { input: { idempotencyKey: key, name: '李雷', sourceChannel: 'WEB_FORM', customerId } },
    );
    assert.equal(created.data!.createLead.status, 'NEW');
    return created.data!.createLead.id;
  }

  test('a lead moves by the status model, by product status or by the company label', async () => {
    const id = await newLead('lead-model');
    const byLabel = await stack.query<{ changeLeadStatus: { status: string; externalStatus: string } }>(CHANGE, { input: { leadId: id, externalStatus: '意向' } });
    assert.deepEqual(byLabel.data!.changeLeadStatus, { status: 'QUALIFIED', externalStatus: '意向' });
    const unknown = await stack.query(CHANGE, { input: { leadId: id, externalStatus: '成交' } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(unknown.errors![0]!.message, /潜在/);
    const skipConversion = await stack.query(CHANGE, { input: { leadId: id, status: 'CONVERTED' } });
    assert.equal(skipConversion.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(skipConversion.errors![0]!.message, /convertLead/);
    const lost = await stack.query<{ changeLeadStatus: { status: string; externalStatus: string | null } }>(CHANGE, { input: { leadId: id, status: 'LOST' } });
    assert.deepEqual(lost.data!.changeLeadStatus, { status: 'LOST', externalStatus: null });
    const stillLost = await stack.query<{ lead: { status: string } }>('query($id: ID!) { lead(id: $id) { status } }', { id });
    assert.equal(stillLost.data!.lead.status, 'LOST');
  });

  test('converting a lead without a customer makes the customer and the opportunity, once', async () => {
    const id = await newLead('lead-convert');
    const convert = /* GraphQL */ `mutation($input: ConvertLeadInput!) { convertLead(input: $input) {
      lead { status convertedAt opportunity { id } } customer { id displayName emails } opportunity { id name stage amount currency lead { id } } } }`;
    const missing = await stack.query(convert, { input: { leadId: id } });
    assert.equal(missing.errors?.[0]?.extensions?.argumentName, 'newCustomer');
    const input = { leadId: id, newCustomer: { displayName: '李雷', emails: ['Li.Lei@Example.com'] }, opportunity: { name: 'Business plan, 20 seats', amount: '24000', currency: 'cny' } };
    const done = await stack.query<{ convertLead: { lead: { status: string; opportunity: { id: string } }; customer: { id: string; displayName: string; emails: string[] }; opportunity: { id: string; stage: string; amount: string; currency: string; lead: { id: string } } } }>(convert, { input });
    assert.equal(done.errors, undefined, JSON.stringify(done.errors));
    const conversion = done.data!.convertLead;
    assert.equal(conversion.lead.status, 'CONVERTED');
    assert.equal(conversion.customer.displayName, '李雷');
    assert.deepEqual(conversion.customer.emails, ['li.lei@example.com']);
    assert.deepEqual([conversion.opportunity.stage, conversion.opportunity.amount, conversion.opportunity.currency, conversion.opportunity.lead.id], ['PROSPECTING', '24000.00', 'CNY', id]);
    assert.equal(conversion.lead.opportunity.id, conversion.opportunity.id);
    const again = await stack.query<{ convertLead: { customer: { id: string }; opportunity: { id: string } } }>(convert, { input });
    assert.equal(again.data!.convertLead.customer.id, conversion.customer.id);
    assert.equal(again.data!.convertLead.opportunity.id, conversion.opportunity.id);
    // The new customer is found by their email, and has the opportunity.
    const found = await stack.query<{ identifyCustomer: { status: string; candidates: { id: string; opportunities: { id: string }[] }[] } }>(
      '{ identifyCustomer(kind: EMAIL, value: "LI.LEI@example.com ") { status candidates { id opportunities { id } } } }',
    );
    assert.equal(found.data!.identifyCustomer.status, 'SINGLE');
    assert.deepEqual(found.data!.identifyCustomer.candidates[0]!.opportunities.map((o) => o.id), [conversion.opportunity.id]);
  });

  test('an identity two customers share is MULTIPLE with both, never one picked', async () => {
    const [a, b] = customers;
    const link = 'mutation($input: LinkChannelIdentityInput!) { linkChannelIdentity(input: $input) { id channelIdentities { kind value } } }';
    for (const customer of [a!, b!]) {
      const linked = await stack.query<{ linkChannelIdentity: { channelIdentities: { kind: string; value: string }[] } }>(link, { input: { customerId: customer.id, kind: 'APP_USER_ID', value: ' shared-device-7 ' } });
      assert.ok(linked.data!.linkChannelIdentity.channelIdentities.some((i) => i.kind === 'APP_USER_ID' && i.value === 'shared-device-7'));
    }
    await stack.query(link, { input: { customerId: a!.id, kind: 'APP_USER_ID', value: 'shared-device-7' } }); // twice: no change
    const result = await stack.query<{ identifyCustomer: { status: string; value: string; candidates: { id: string }[] } }>('{ identifyCustomer(kind: APP_USER_ID, value: "shared-device-7") { status value candidates { id } } }');
    assert.equal(result.data!.identifyCustomer.status, 'MULTIPLE');
    assert.deepEqual(result.data!.identifyCustomer.candidates.map((c) => c.id).sort(), [a!.id, b!.id].sort());
    const bad = await stack.query('{ identifyCustomer(kind: EMAIL, value: "not-an-email") { status } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('a closed conversation takes no messages; an agent reads the transcript, another team’s agent does not get the customer’s conversations', async () => {
    const customer = customers.find((c) => c.owner)!;
    const started = await stack.query<{ startConversation: { id: string } }>(
      'mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }',
      { input: { idempotencyKey: 'sms-1', channel: 'SMS', customerId: customer.id, messages: [{ id: '1', from: 'CUSTOMER', text: 'Hi' }] } },
    );
    const id = started.data!.startConversation.id;
    const conflict = await stack.query('mutation { startConversation(input: { idempotencyKey: "sms-1", channel: EMAIL }) { id } }');
    assert.equal(conflict.errors?.[0]?.extensions?.code, 'CONFLICT');
    await stack.query('mutation($id: ID!) { updateConversation(input: { conversationId: $id, status: CLOSED, outcome: RESOLVED }) { id } }', { id });
    const late = await stack.query('mutation($id: ID!) { appendConversationMessages(input: { conversationId: $id, messages: [{ id: "2", from: BOT, text: "Bye" }] }) { id } }', { id });
    assert.equal(late.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const reopen = await stack.query('mutation($id: ID!) { updateConversation(input: { conversationId: $id, status: OPEN }) { id } }', { id });
    assert.equal(reopen.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');

    const team = customer.owner!.team;
    const own = await stack.queryAs<{ conversation: { status: string; closedAt: string; messages: { text: string }[] }; customer: { conversations: { totalCount: number } } }>(
      'agent',
      'query($id: ID!, $c: ID!) { conversation(id: $id) { status closedAt messages { text } } customer(id: $c) { conversations { totalCount } } }',
      { id, c: customer.id },
      { team },
    );
    assert.equal(own.data!.conversation.status, 'CLOSED');
    assert.deepEqual(own.data!.conversation.messages.map((m) => m.text), ['Hi']);
    assert.ok(own.data!.customer.conversations.totalCount >= 1);
    const other = await stack.queryAs<{ customer: { conversations: unknown } }>('agent', 'query($c: ID!) { customer(id: $c) { conversations { totalCount } } }', { c: customer.id }, { team: `${team}-other` });
    assert.equal(other.data!.customer.conversations, null);
    assert.equal(other.errors?.[0]?.extensions?.reason, 'RECORD_RESTRICTED');
  });
});
