/**
 * Partial data a client can use: when a system fails (connection refused, no answer, HTTP
 * 5xx, a malformed answer), every field that is `null` because of it has its own
 * `SUBGRAPH_UNAVAILABLE` error with the response path (list indices included) and
 * `extensions.subgraph`, for root fetches and entity fetches at any depth; and one system's
 * failure or one refused field never empties another system's data.
 *
 * The CRM and the ticket system sit behind real HTTP servers that pass requests through or
 * fail on demand (test/support/faulty-subgraph.ts); the call center is reached directly.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startFaultySubgraph, type FaultMode, type FaultySubgraph } from '../support/faulty-subgraph.js';
import { startStack, TEST_ANCHOR, type GraphQLResponse, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

type Path = (string | number)[];
const TIMEOUT_MS = 1500;
const DAY = 86_400_000;
const RANGE = { from: new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString(), to: TEST_ANCHOR, timeZone: 'Asia/Shanghai' };

/** What each failure mode says in the error message, for a root fetch and an entity fetch. */
const REASONS: Record<Exclude<FaultMode, 'pass'>, { root: RegExp; entities: RegExp }> = {
  refuse: { root: /ECONNREFUSED/, entities: /ECONNREFUSED/ },
  hang: { root: new RegExp(`no answer within ${TIMEOUT_MS} ms`), entities: new RegExp(`no answer within ${TIMEOUT_MS} ms`) },
  'http-502': { root: /HTTP 502 without a GraphQL response/, entities: /HTTP 502 without a GraphQL response/ },
  'graphql-500': { root: /HTTP 500 \(database is locked\) without data/, entities: /HTTP 500 \(database is locked\) without data/ },
  'wrong-entities': { root: /without the field "first"/, entities: /an answer for 0 of the 3 entities/ },
  'not-graphql': { root: /not a GraphQL response/, entities: /not a GraphQL response/ },
};

/** The errors' paths, in response order, after checking each names `subgraph` as unavailable. */
function unavailablePaths(response: GraphQLResponse<unknown>, subgraph: string, reason?: RegExp): Path[] {
  const errors = response.errors ?? [];
  for (const error of errors) {
    assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE', JSON.stringify(error));
    assert.equal(error.extensions?.subgraph, subgraph, JSON.stringify(error));
    if (reason) assert.match(error.message, reason);
  }
  return errors.map((error) => error.path ?? []);
}

const sortPaths = (paths: Path[]) => [...paths].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('partial data when a system fails', () => {
  let stack: Stack;
  let crm: FaultySubgraph;
  let tickets: FaultySubgraph;
  beforeAll(async () => {
    crm = await startFaultySubgraph();
    tickets = await startFaultySubgraph();
    // Every failure kind is provoked many times in a row here: the circuit breaker (tested on its
    // own in subgraph-breaker.test.ts) would answer later ones for it, hiding each kind's own reason.
    stack = await startStack({
      customers: 60,
      subgraphTimeoutMs: TIMEOUT_MS,
      subgraphUrls: { crm: crm.url, tickets: tickets.url },
      gatewayEnv: { SWITCHBOARD_BREAKER_FAILURE_PERCENT: '100' },
    });
    crm.upstream = stack.crm.server.graphqlUrl;
    tickets.upstream = stack.tickets.server.graphqlUrl;
  });
  afterEach(async () => {
    await crm.setMode('pass');
    await tickets.setMode('pass');
  });
  afterAll(async () => {
    await stack?.close();
    await crm?.close();
    await tickets?.close();
  });

  const TICKETS_OF_CUSTOMERS = /* GraphQL */ `{ customers(first: 3) { nodes { id tickets(first: 2) { totalCount } } } }`;
  const TICKET_ROOT_FIELDS = /* GraphQL */ `{
    first: ticketByNumber(number: "TK-000001") { id }
    second: ticket(id: "tkt_000001") { id subject }
    customers(first: 2) { totalCount nodes { id displayName } }
  }`;
  interface TicketsOfCustomers { customers: { nodes: { id: string; tickets: { totalCount: number } | null }[] } }
  interface TicketRootFields { first: unknown; second: unknown; customers: { totalCount: number; nodes: { id: string; displayName: string }[] } }

  for (const [mode, reason] of Object.entries(REASONS) as [Exclude<FaultMode, 'pass'>, (typeof REASONS)[keyof typeof REASONS]][]) {
    test(`ticket system ${mode}: each customer's tickets is null with its own error and path`, async () => {
      await tickets.setMode(mode);
      const response = await stack.query<TicketsOfCustomers>(TICKETS_OF_CUSTOMERS);
      assert.equal(response.status, 200);
      const nodes = response.data!.customers.nodes;
      assert.equal(nodes.length, 3);
      assert.ok(nodes.every((node) => /^cus_/.test(node.id) && node.tickets === null));
      assert.deepEqual(unavailablePaths(response, 'tickets', reason.entities), [0, 1, 2].map((i) => ['customers', 'nodes', i, 'tickets']));
    });

    test(`ticket system ${mode}: each root field of the failed fetch has its error; the CRM's root field stays`, async () => {
      await tickets.setMode(mode);
      const response = await stack.query<TicketRootFields>(TICKET_ROOT_FIELDS);
      assert.equal(response.status, 200);
      assert.equal(response.data!.first, null);
      assert.equal(response.data!.second, null);
      assert.equal(response.data!.customers.nodes.length, 2);
      assert.ok(response.data!.customers.totalCount >= 2);
      assert.deepEqual(sortPaths(unavailablePaths(response, 'tickets', reason.root)), [['first'], ['second']]);
    });
  }

  test('fields skipped with @skip / @include are neither reported missing nor given an error', async () => {
    const QUERY = /* GraphQL */ `query($with: Boolean!) {
      customers(first: 2) { nodes { id tickets(first: 1) @include(if: $with) { totalCount } } }
      first: ticketByNumber(number: "TK-000001") @skip(if: true) { id }
      second: ticket(id: "tkt_000001") @include(if: $with) { id }
      queues { id }
    }`;
    const healthy = await stack.query<Record<string, unknown>>(QUERY, { with: false });
    assert.equal(healthy.errors, undefined, JSON.stringify(healthy.errors));
    assert.deepEqual(Object.keys(healthy.data!).sort(), ['customers', 'queues']);
    await tickets.setMode('refuse');
    const down = await stack.query<TicketsOfCustomers>(QUERY, { with: true });
    assert.deepEqual(sortPaths(unavailablePaths(down, 'tickets', /ECONNREFUSED/)), [['customers', 'nodes', 0, 'tickets'], ['customers', 'nodes', 1, 'tickets'], ['second']]);
  });

  test('ticket system down: a call\'s tickets two entity fetches deep get an error at each call\'s path', async () => {
    await tickets.setMode('refuse');
    interface Deep { customers: { nodes: { id: string; calls: { nodes: { id: string; tickets: unknown }[] } | null }[] } }
    const response = await stack.query<Deep>(`{ customers(first: 10) { nodes { id calls(first: 3) { nodes { id tickets { id } } } } } }`);
    const expected: Path[] = [];
    response.data!.customers.nodes.forEach((customer, i) => {
      assert.notEqual(customer.calls, null, 'the call center answered');
      customer.calls!.nodes.forEach((call, j) => {
        assert.equal(call.tickets, null);
        expected.push(['customers', 'nodes', i, 'calls', 'nodes', j, 'tickets']);
      });
    });
    assert.ok(expected.length >= 3, 'some customers have calls');
    assert.deepEqual(sortPaths(unavailablePaths(response, 'tickets', /ECONNREFUSED/)), sortPaths(expected));
  });

  test('ticket system down: a mutation writing to the CRM keeps its result; the ticket mutation is null with its error', async () => {
    await tickets.setMode('refuse');
    const customerId = (await stack.query<TicketRootFields>(TICKET_ROOT_FIELDS)).data!.customers.nodes[0]!.id;
    const response = await stack.query<{ addCustomerNote: { id: string } | null; createTicket: unknown }>(
      `mutation($note: AddCustomerNoteInput!, $ticket: CreateTicketInput!) { addCustomerNote(input: $note) { id } createTicket(input: $ticket) { id } }`,
      { note: { customerId, body: 'Called about the outage.' }, ticket: { idempotencyKey: `partial-${Date.now()}`, requesterId: customerId, subject: 'Outage' } },
    );
    assert.match(response.data!.addCustomerNote!.id, /^act_/);
    assert.equal(response.data!.createTicket, null);
    assert.deepEqual(unavailablePaths(response, 'tickets', /ECONNREFUSED/), [['createTicket']]);
  });

  test('CRM down: its root field is null with its error; the call center\'s root field stays', async () => {
    await crm.setMode('refuse');
    const response = await stack.query<{ customers: unknown; queues: { id: string }[] }>(`{ customers(first: 3) { nodes { id } } queues { id name } }`);
    assert.equal(response.status, 200);
    assert.equal(response.data!.customers, null);
    assert.ok(response.data!.queues.length > 0);
    assert.deepEqual(unavailablePaths(response, 'crm', /ECONNREFUSED/), [['customers']]);
  });

  test('CRM down: topContactingCustomers keeps every call-center figure, each customer null with an error at its path', async () => {
    interface Top {
      callCenterMetrics: { totals: { offered: number } };
      topContactingCustomers: { contacts: number; calls: number; lastCallAt: string; customer: { displayName: string; tier: string } | null }[];
    }
    const TOP = /* GraphQL */ `query Top($range: TimeRangeInput!) {
      callCenterMetrics(range: $range) { totals { offered } }
      topContactingCustomers(range: $range, first: 5) { contacts calls lastCallAt customer { id displayName tier callSummary(range: $range) { total } } }
    }`;
    const healthy = await stack.query<Top>(TOP, { range: RANGE });
    assert.equal(healthy.errors, undefined, JSON.stringify(healthy.errors));
    await crm.setMode('refuse');
    const response = await stack.query<Top>(TOP, { range: RANGE });
    assert.equal(response.status, 200);
    assert.deepEqual(response.data!.callCenterMetrics, healthy.data!.callCenterMetrics);
    const rows = response.data!.topContactingCustomers;
    assert.equal(rows.length, 5);
    rows.forEach((row, i) => {
      const before = healthy.data!.topContactingCustomers[i]!;
      assert.deepEqual([row.contacts, row.calls, row.lastCallAt], [before.contacts, before.calls, before.lastCallAt]);
      assert.equal(row.customer, null);
    });
    // One error where each null is (the non-null displayName the CRM did not deliver nulled the customer).
    assert.deepEqual(unavailablePaths(response, 'crm', /ECONNREFUSED/), [0, 1, 2, 3, 4].map((i) => ['topContactingCustomers', i, 'customer']));
  });

  test('CRM down: audit events keep their figures; each customer entry is null with an error at its path', async () => {
    await stack.query(`{ customer(id: "cus_000001") { emails } }`);
    interface Events { auditEvents: { nodes: { subject: string; customerIds: string[]; customers: ({ id: string; displayName: string } | null)[] }[] } }
    await crm.setMode('refuse');
    const response = await stack.query<Events>(`{ auditEvents(first: 5) { nodes { subject customerIds customers { id displayName } } } }`);
    const expected: Path[] = [];
    response.data!.auditEvents.nodes.forEach((event, i) => {
      assert.equal(event.customers.length, event.customerIds.length);
      event.customers.forEach((customer, j) => {
        assert.equal(customer, null);
        expected.push(['auditEvents', 'nodes', i, 'customers', j]);
      });
    });
    assert.ok(expected.length > 0, 'the sensitive read above was audited with its customer');
    assert.deepEqual(sortPaths(unavailablePaths(response, 'crm', /ECONNREFUSED/)), sortPaths(expected));
  });

  test('CRM down: a field that needed a CRM field the client did not select gets the error at its own path', async () => {
    interface Requester { ticket: { id: string; requester: { id: string; tickets: { totalCount: number } | null } | null } }
    const QUERY = /* GraphQL */ `{ ticket(id: "tkt_000001") { id requester { id tickets(first: 1) { totalCount } } } }`;
    const healthy = await stack.query<Requester>(QUERY);
    assert.equal(healthy.errors, undefined, JSON.stringify(healthy.errors));
    assert.ok(healthy.data!.ticket.requester!.tickets!.totalCount > 0);
    await crm.setMode('refuse');
    // The ticket system needs the requester's recordAccess from the CRM before it lists their tickets.
    const response = await stack.query<Requester>(QUERY);
    assert.equal(response.data!.ticket.requester!.id, healthy.data!.ticket.requester!.id);
    assert.equal(response.data!.ticket.requester!.tickets, null);
    assert.deepEqual(unavailablePaths(response, 'crm', /ECONNREFUSED/), [['ticket', 'requester', 'tickets']]);
  });

  test('ticket system down: a screen-pop event arrives with each candidate\'s tickets null and an error at its path', async () => {
    const list = await stack.query<{ customers: { nodes: { phones: { e164: string }[] }[] } }>('{ customers(first: 20) { nodes { phones { e164 } } } }');
    const phone = list.data!.customers.nodes.find((customer) => customer.phones.length > 0)!.phones[0]!.e164;
    await tickets.setMode('refuse');
    interface Event { callEvents: { call: { from: string; caller: { candidates: { id: string; tickets: unknown }[] } | null } } }
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: await bearer('admin') } });
    try {
      const received = new Promise<GraphQLResponse<Event>>((resolve, reject) => {
        client.subscribe<Event>(
          { query: 'subscription { callEvents(types: [OFFERED]) { call { from caller { candidates { id tickets(first: 3) { totalCount } } } } } }' },
          { next: (value) => resolve({ status: 200, ...(value as Omit<GraphQLResponse<Event>, 'status'>) }), error: reject, complete: () => undefined },
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const body = JSON.stringify({ events: [{ id: `evt_${randomUUID()}`, callId: `call_partial_${randomUUID().slice(0, 8)}`, type: 'OFFERED', at: new Date().toISOString(), from: phone, to: '+864008123456', direction: 'INBOUND', queueId: 'q_support' }] });
      const webhook = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
        body,
      });
      assert.equal(webhook.status, 202);
      const event = await received;
      const candidates = event.data!.callEvents.call.caller!.candidates;
      assert.ok(candidates.length > 0 && candidates.every((candidate) => /^cus_/.test(candidate.id) && candidate.tickets === null));
      assert.deepEqual(unavailablePaths(event, 'tickets', /ECONNREFUSED/), candidates.map((_, i) => ['callEvents', 'call', 'caller', 'candidates', i, 'tickets']));
    } finally {
      await client.dispose();
    }
  });

  test('a refused root field does not take a permitted one with it', async () => {
    const response = await stack.queryAs<{ customer: { id: string; displayName: string } | null; callCenterMetrics: unknown; auditEvents: unknown }>(
      'agent',
      `query($range: TimeRangeInput!) { customer(id: "cus_000001") { id displayName } callCenterMetrics(range: $range) { totals { offered } } auditEvents { totalCount } }`,
      { range: RANGE },
    );
    assert.equal(response.status, 200);
    assert.equal(response.data!.customer!.id, 'cus_000001');
    assert.match(response.data!.customer!.displayName, /\S/);
    assert.equal(response.data!.callCenterMetrics, null);
    assert.equal(response.data!.auditEvents, null);
    assert.deepEqual(
      sortPaths((response.errors ?? []).map((error) => { assert.equal(error.extensions?.code, 'FORBIDDEN'); return error.path ?? []; })),
      [['auditEvents'], ['callCenterMetrics']],
    );
  });
});
