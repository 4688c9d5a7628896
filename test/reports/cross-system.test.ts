/**
 * The cross-system reports through the gateway over real subgraphs, on hand-made data in a
 * range the seed does not reach (March 2025): calls (with wrap-up codes set through
 * `setCallWrapUpCode`, one through a transfer leg), tickets with categories, conversations
 * with intents and orders, each written into its own system. The figures are the
 * hand-computed ones; a system that is down nulls only its figures, with an error naming it
 * at their path.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Kysely } from 'kysely';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import type { CrmTables } from '../../subgraphs/crm/source/embedded/tables.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import type { CallRecord } from '../../subgraphs/callcenter/source/records.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import type { TicketRecord } from '../../subgraphs/tickets/source/records.js';

const RANGE = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', timeZone: 'UTC' };
const REASONS = `query($range: TimeRangeInput!, $tier: String) { contactReasonsByTier(range: $range, tier: $tier) {
  from to tier rows { tier reason calls tickets conversations total } } }`;
const CHURN = `query($range: TimeRangeInput!, $quiet: Int, $lookback: Int) { churnJourneys(range: $range, quietDays: $quiet, lookbackDays: $lookback) {
  churned quietDays lookbackDays rules customers { customer { id } tier rule lastOrderAt churnedAt windowStart conversations contacts calls abandonedContacts ticketsCreated openTickets slaBreaches } } }`;
const SET_CODE = 'mutation($id: ID!, $code: String) { setCallWrapUpCode(callId: $id, code: $code) { id wrapUpCode } }';

type Row = { tier: string | null; reason: string | null; calls: number | null; tickets: number | null; conversations: number | null; total: number | null };

describe('cross-system reports', () => {
  let stack: Stack;
  let agentId: string;
  let otherAgentId: string;
  let a: string, b: string, c: string;

  function call(id: string, customerId: string, tier: string, startedAt: string, answered: boolean, parent: string | null = null): CallRecord {
    const start = Date.parse(startedAt);
    return {
      id, direction: 'INBOUND', from: '+8613800000000', to: '+864008123456', customerNumber: '+8613800000000', state: 'ENDED', queueId: 'q_support',
      agentId, parentCallId: parent, startedAt, answeredAt: answered ? new Date(start + 10_000).toISOString() : null, endedAt: new Date(start + 300_000).toISOString(),
      waitSeconds: 10, talkSeconds: answered ? 290 : 0, holdSeconds: 0, wrapUpSeconds: 0, disposition: answered ? 'ANSWERED' : 'ABANDONED',
      recordingRef: null, recordingSeconds: null, customerId, customerTier: tier,
    };
  }
  function ticket(id: string, requesterId: string, tier: string, createdAt: string, category: string | null, status: 'SOLVED' | 'OPEN', breached: boolean): TicketRecord {
    const created = Date.parse(createdAt);
    const solvedAt = status === 'SOLVED' ? new Date(created + 86_400_000).toISOString() : null;
    return {
      id, number: `T-9${id.slice(-5)}`, subject: id, description: '', status, priority: 'NORMAL', channel: 'PHONE', requesterId, assigneeId: null, relatedCallId: null,
      createdAt, updatedAt: solvedAt ?? createdAt, slaDueAt: null, slaBreached: breached, firstRespondedAt: null, solvedAt, idempotencyKey: null, requesterTier: tier, category, tags: [],
    };
  }

  beforeAll(async () => {
    stack = await startStack({ customers: 20 });
    const customers = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 3) { nodes { id } } }')).data!.customers.nodes.map((n) => n.id);
    [a, b, c] = customers as [string, string, string];
    const agents = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents;
    agentId = agents[0]!.id;
    otherAgentId = agents[1]!.id;
    const crm = (stack.crm.store as unknown as SqlCrmStore).database.db as unknown as Kysely<CrmTables>;
    // Tiers now (conversations are counted by the customer's tier now).
    await crm.updateTable('customers').set({ tier: 'GOLD' }).where('id', 'in', [a, b]).execute();
    await crm.updateTable('customers').set({ tier: 'SILVER' }).where('id', '=', c).execute();

    await (stack.callcenter.store as unknown as SqlCallCenterStore).loadSeed({
      agents: [], queues: [],
      calls: [
        call('xc_c1', a, 'GOLD', '2025-03-05T10:00:00.000Z', true),
        call('xc_c2', b, 'GOLD', '2025-03-06T10:00:00.000Z', true),
        call('xc_c3', a, 'GOLD', '2025-03-07T10:00:00.000Z', true),
        call('xc_c4', c, 'SILVER', '2025-03-08T10:00:00.000Z', true),
        call('xc_c5', a, 'GOLD', '2025-03-09T10:00:00.000Z', false), // abandoned: a contact without a code
        call('xc_c6', a, 'GOLD', '2025-03-07T10:03:00.000Z', true, 'xc_c3'), // c3's transfer leg: not a contact of its own
        call('xc_c7', a, 'GOLD', '2025-02-20T10:00:00.000Z', true), // before the range
      ],
    });
    await (stack.tickets.source as SqlTicketStore).loadSeed({
      tickets: [
        ticket('tkt_xs00001', a, 'GOLD', '2025-03-05T11:00:00.000Z', 'billing', 'SOLVED', false),
        ticket('tkt_xs00002', b, 'GOLD', '2025-03-10T11:00:00.000Z', 'delivery', 'SOLVED', false),
        ticket('tkt_xs00003', c, 'SILVER', '2025-03-11T11:00:00.000Z', null, 'OPEN', false),
        ticket('tkt_xs00004', a, 'GOLD', '2025-04-02T11:00:00.000Z', 'billing', 'OPEN', true), // after the range; in A's churn window
      ],
      comments: [],
    });
    const conversation = (id: string, customerId: string | null, intent: string, startedAt: string) => ({
      id, idempotency_key: id, request_hash: id, channel: 'WEB_CHAT', external_id: null, customer_id: customerId, status: 'CLOSED', participants: '[]',
      summary: null, intent, outcome: null, message_count: 0, started_at: startedAt, updated_at: startedAt, closed_at: startedAt,
    });
    await crm.insertInto('conversations').values([
      conversation('conv_xs1', a, 'billing', '2025-03-12T09:00:00.000Z'),
      conversation('conv_xs2', c, 'order_status', '2025-03-13T09:00:00.000Z'),
      conversation('conv_xs3', null, 'billing', '2025-03-14T09:00:00.000Z'),
    ]).execute();
    const order = (id: string, customerId: string, placedAt: string, status = 'DELIVERED') => ({
      id, customer_id: customerId, number: id, status, total: '10.00', currency: 'CNY', placed_at: placedAt,
      shipment_carrier: null, shipment_tracking_number: null, shipment_status: null, shipment_shipped_at: null, shipment_delivered_at: null,
    });
    // A: last order in the range 03-20, next one 51 days later: churned with 30 quiet days.
    // B: last order in the range 03-25, next one 16 days later: not churned. C: only a cancelled order in the range.
    await crm.insertInto('orders').values([
      order('ord_xs1', a, '2025-03-03T08:00:00.000Z'), order('ord_xs2', a, '2025-03-20T08:00:00.000Z'), order('ord_xs3', a, '2025-05-10T08:00:00.000Z'),
      order('ord_xs4', b, '2025-03-15T08:00:00.000Z'), order('ord_xs5', b, '2025-03-25T08:00:00.000Z'), order('ord_xs6', b, '2025-04-10T08:00:00.000Z'),
      order('ord_xs7', c, '2025-03-28T08:00:00.000Z', 'CANCELLED'), order('ord_xs8', c, '2025-01-10T08:00:00.000Z'),
    ]).execute();

    // Wrap-up codes, as the agent who answered gives them.
    const asAgent = { authorization: await bearer('agent', { agentId }) };
    for (const [id, code] of [['xc_c1', 'billing'], ['xc_c2', 'billing'], ['xc_c6', 'delivery'], ['xc_c7', 'billing']] as const) {
      const result = await stack.query<{ setCallWrapUpCode: { id: string; wrapUpCode: string } }>(SET_CODE, { id, code }, asAgent);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.equal(result.data!.setCallWrapUpCode.wrapUpCode, code);
    }
  });
  afterAll(() => stack?.close());

  test('a wrap-up code given on a transfer leg is the contact\'s; codes are checked and only the answering agent may set them', async () => {
    const read = await stack.query<{ call: { wrapUpCode: string | null } }>('{ call(id: "xc_c3") { wrapUpCode } }');
    assert.equal(read.data!.call.wrapUpCode, 'delivery');
    const asAgent = { authorization: await bearer('agent', { agentId }) };
    const refusals: [Record<string, unknown>, Record<string, string>, string][] = [
      [{ id: 'xc_c1', code: 'Billing Issue' }, asAgent, 'BAD_USER_INPUT'],
      [{ id: 'xc_c5', code: 'billing' }, asAgent, 'BAD_USER_INPUT'], // never answered
      [{ id: 'xc_none', code: 'billing' }, asAgent, 'NOT_FOUND'],
      [{ id: 'xc_c1', code: 'delivery' }, { authorization: await bearer('agent', { agentId: otherAgentId }) }, 'FORBIDDEN'],
      [{ id: 'xc_c1', code: 'delivery' }, { authorization: await bearer('analyst') }, 'FORBIDDEN'], // no calls:write
    ];
    for (const [variables, headers, code] of refusals) {
      const result = await stack.query<{ setCallWrapUpCode: unknown }>(SET_CODE, variables, headers);
      assert.equal(result.errors?.[0]?.extensions?.code, code, JSON.stringify([variables, result.errors]));
      assert.equal(result.data?.setCallWrapUpCode ?? null, null);
    }
    assert.equal((await stack.query<{ call: { wrapUpCode: string } }>('{ call(id: "xc_c1") { wrapUpCode } }')).data!.call.wrapUpCode, 'billing', 'unchanged by the refusals');
  });

  test('contact reasons per tier: calls, tickets and conversations counted by hand', async () => {
    const result = await stack.queryAs<{ contactReasonsByTier: { rows: Row[] } }>('analyst', REASONS, { range: RANGE });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.contactReasonsByTier.rows, [
      { tier: 'GOLD', reason: 'billing', calls: 2, tickets: 1, conversations: 1, total: 4 }, // c1, c2; t1; conv 1
      { tier: 'GOLD', reason: 'delivery', calls: 1, tickets: 1, conversations: 0, total: 2 }, // c3 (code given on its transfer leg); t2
      { tier: 'GOLD', reason: null, calls: 1, tickets: 0, conversations: 0, total: 1 }, // c5, abandoned
      { tier: 'SILVER', reason: null, calls: 1, tickets: 1, conversations: 0, total: 2 }, // c4; t3
      { tier: 'SILVER', reason: 'order_status', calls: 0, tickets: 0, conversations: 1, total: 1 },
      { tier: null, reason: 'billing', calls: 0, tickets: 0, conversations: 1, total: 1 }, // a conversation without a customer
    ]);
    const gold = await stack.queryAs<{ contactReasonsByTier: { tier: string; rows: Row[] } }>('analyst', REASONS, { range: RANGE, tier: 'GOLD' });
    assert.deepEqual(gold.data!.contactReasonsByTier.rows.map((r) => [r.reason, r.total]), [['billing', 4], ['delivery', 2], [null, 1]]);
  });

  test('bad input is BAD_USER_INPUT naming the argument; without reports:read FORBIDDEN', async () => {
    for (const [query, variables, argument] of [
      [REASONS, { range: RANGE, tier: 'gold' }, 'tier'],
      [REASONS, { range: { ...RANGE, to: '2025-03-01' } }, 'range.to'],
      [CHURN, { range: RANGE, quiet: 0 }, 'quietDays'],
      [CHURN, { range: { ...RANGE, timeZone: 'Mars/Olympus' } }, 'range.timeZone'],
    ] as const) {
      const result = await stack.query(query, variables);
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result.errors));
      assert.equal(result.errors?.[0]?.extensions?.argumentName, argument);
    }
    const agent = await stack.queryAs('agent', REASONS, { range: RANGE });
    assert.equal(agent.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('journey before churn: the churned customer\'s contacts, tickets and breaches in the window, by hand', async () => {
    const result = await stack.queryAs<{ churnJourneys: { churned: number; rules: string[]; customers: Record<string, unknown>[] } }>('analyst', CHURN, { range: RANGE, quiet: 30, lookback: 30 });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data!.churnJourneys.churned, 1, 'only A: B ordered again within 30 days, C only cancelled; no status changed in the range');
    assert.deepEqual(result.data!.churnJourneys.rules, ['STOPPED_ORDERING', 'TURNED_INACTIVE']);
    assert.deepEqual(result.data!.churnJourneys.customers, [
      {
        customer: { id: a }, tier: 'GOLD', rule: 'STOPPED_ORDERING',
        lastOrderAt: '2025-03-20T08:00:00.000Z', churnedAt: '2025-04-19T08:00:00.000Z', windowStart: '2025-02-18T08:00:00.000Z',
        conversations: 1, // conv 1
        contacts: 4, calls: 4, abandonedContacts: 1, // c7 (02-20), c1, c3, c5; c6 is c3's transfer leg
        ticketsCreated: 2, openTickets: 1, slaBreaches: 1, // t1 (solved 03-06) and t4 (open, breached)
      },
    ]);
    const longer = await stack.query<{ churnJourneys: { churned: number } }>(CHURN, { range: RANGE, quiet: 60, lookback: 30 });
    assert.equal(longer.data!.churnJourneys.churned, 0, 'with 60 quiet days A\'s order of 05-10 came within them');
  });

  test('with the CRM down the journeys cannot be listed (null, error naming the CRM) and contact reasons keep calls and tickets', async () => {
    await stack.crm.server.close();
    try {
      const churn = await stack.query<{ churnJourneys: unknown }>(CHURN, { range: RANGE, quiet: 30, lookback: 30 });
      assert.equal(churn.data?.churnJourneys ?? null, null);
      assert.equal(churn.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.deepEqual(churn.errors?.[0]?.path, ['churnJourneys']);
      assert.match(churn.errors![0]!.message, /crm/);
      const reasons = await stack.query<{ contactReasonsByTier: { rows: Row[] } }>(REASONS, { range: RANGE, tier: 'SILVER' });
      assert.deepEqual(reasons.data!.contactReasonsByTier.rows, [{ tier: 'SILVER', reason: null, calls: 1, tickets: 1, conversations: null, total: null }]);
      assert.deepEqual(reasons.errors!.map((e) => [e.path?.at(-1), e.extensions?.code]).sort(), [['conversations', 'SUBGRAPH_UNAVAILABLE'], ['total', 'SUBGRAPH_UNAVAILABLE']]);
      assert.ok(reasons.errors!.every((e) => /crm/.test(e.message)));
    } finally {
      await stack.restartCrm();
    }
  });

  test('with the call center down the other systems\' figures stay, and each call figure is null with an error naming it', async () => {
    await stack.callcenter.server.close();
    const reasons = await stack.query<{ contactReasonsByTier: { rows: Row[] } }>(REASONS, { range: RANGE, tier: 'GOLD' });
    const rows = reasons.data!.contactReasonsByTier.rows;
    assert.deepEqual(rows.map((r) => [r.reason, r.calls, r.tickets, r.conversations, r.total]), [['billing', null, 1, 1, null], ['delivery', null, 1, 0, null]]);
    const callErrors = reasons.errors!.filter((e) => e.path?.at(-1) === 'calls');
    assert.deepEqual(callErrors.map((e) => e.path), [['contactReasonsByTier', 'rows', 0, 'calls'], ['contactReasonsByTier', 'rows', 1, 'calls']]);
    for (const error of reasons.errors!) {
      assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.match(error.message, /callcenter/);
    }
    const churn = await stack.query<{ churnJourneys: { customers: Record<string, unknown>[] } }>(CHURN, { range: RANGE, quiet: 30, lookback: 30 });
    const [journey] = churn.data!.churnJourneys.customers;
    assert.deepEqual([journey!.contacts, journey!.calls, journey!.conversations, journey!.ticketsCreated, journey!.openTickets], [null, null, 1, 2, 1]);
    const error = churn.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(['churnJourneys', 'customers', 0, 'contacts']));
    assert.ok(error, JSON.stringify(churn.errors));
    assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    assert.match(error.message, /callcenter/);
  });
});
