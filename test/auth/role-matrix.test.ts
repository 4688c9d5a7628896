/**
 * The role × field matrix, generated from the supergraph (test/support/field-matrix.ts) and
 * proven through the real gateway against the real subgraphs: for every role (and a service
 * account), every field of the API schema it can reach is selected in one operation, and
 * each is checked against what the rules and the role table say: `allow` (no FORBIDDEN error
 * there), `mask` (a masked value) or `deny` (`null` plus a FORBIDDEN error with the field's
 * path). Mutations are probed with input that fails validation (nothing is written), the
 * subscription over WebSocket. A field added to the schema is checked without a change here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ROLES, type Scope } from '../../schema/access.js';
import { SUPERGRAPH_PATH } from '../../schema/compose.js';
import { MASKED_FIELDS } from '../../schema/masking.js';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { encodeEventCursor } from '../../subgraphs/callcenter/events/cursor.js';
import { buildMatrixOperation, expectedOutcome, type ArgumentFixtures, type Probe } from '../support/field-matrix.js';
import { startStack, TEST_ANCHOR, type GraphQLResponse, type Stack } from '../support/stack.js';
import { bearer, type TestRole } from '../support/viewers.js';

const { rules, apiSchema } = readSecurityRules(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const DAY = 86_400_000;
const RANGE = `range: { from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}", timeZone: "Asia/Shanghai" }`;
/** A service account whose key holds customers:read and calls:read (a call-log archiver, say). */
const SERVICE_SCOPES: Scope[] = ['customers:read', 'calls:read'];
type MatrixRole = TestRole | 'service';
const MATRIX_ROLES: MatrixRole[] = [...(Object.keys(ROLES) as TestRole[]), 'service'];
const scopesOf = (role: MatrixRole): readonly string[] => (role === 'service' ? SERVICE_SCOPES : ROLES[role]);

type ErrorEntry = NonNullable<GraphQLResponse<unknown>['errors']>[number];
const namesOnly = (path: readonly (string | number)[] | undefined) => (path ?? []).filter((step) => typeof step === 'string').join('.');
/** FORBIDDEN errors of field rules (the record-level rule has its own test below). */
const scopeErrorsAt = (errors: readonly ErrorEntry[], path: string) =>
  errors.filter((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.reason !== 'RECORD_RESTRICTED' && namesOnly(e.path) === path);

/** Every value at `path` in `data`, through lists. */
function valuesAt(data: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [data];
  for (const key of path) {
    current = current.flatMap((value) => (Array.isArray(value) ? value : [value])).flatMap((value) => (value !== null && typeof value === 'object' ? [(value as Record<string, unknown>)[key]] : []));
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

/** What went wrong with one probe, or null. */
function judge(probe: Probe, response: GraphQLResponse<unknown>): string | null {
  const path = probe.path.join('.');
  const errors = scopeErrorsAt(response.errors ?? [], path);
  const values = valuesAt(response.data, probe.path).filter((value) => value !== null && value !== undefined);
  const masked = (value: unknown) => JSON.stringify(value).includes('***');
  switch (probe.expected) {
    case 'deny':
      if (errors.length === 0) return `${probe.coordinate} at ${path}: expected a FORBIDDEN error`;
      if (values.length > 0) return `${probe.coordinate} at ${path}: expected null, got ${JSON.stringify(values[0])}`;
      return null;
    case 'mask':
      if (errors.length > 0) return `${probe.coordinate} at ${path}: expected a masked value, got FORBIDDEN`;
      if (values.length === 0) return `${probe.coordinate} at ${path}: expected a masked value, got none`;
      if (!values.every(masked)) return `${probe.coordinate} at ${path}: expected masked values, got ${JSON.stringify(values)}`;
      return null;
    case 'allow':
      if (errors.length > 0) return `${probe.coordinate} at ${path}: expected allowed, got ${errors[0]!.message}`;
      if (MASKED_FIELDS[probe.coordinate] && values.some(masked)) return `${probe.coordinate} at ${path}: expected the real value, got a masked one`;
      return null;
  }
}

describe('role × field matrix, generated from the supergraph', () => {
  let stack: Stack;
  let fixtures: ArgumentFixtures;
  let agentId: string;
  let serviceKey: string;

  beforeAll(async () => {
    stack = await startStack({ customers: 150, gatewayEnv: { SWITCHBOARD_MAX_COST: '10000000', SWITCHBOARD_MAX_DEPTH: '40' } });
    // A customer of the test team (team-bj) with everything the matrix reads: masked fields, orders, a recorded call, tickets.
    const list = await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null; nationalId: string | null; emails: string[]; phones: { e164: string }[]; orders: { totalCount: number }; calls: { nodes: { id: string; recording: unknown }[] }; tickets: { nodes: { id: string; number: string }[] } }[] } }>(
      '{ customers(first: 100) { nodes { id owner { team } nationalId emails phones { e164 } orders(first: 1) { totalCount } calls(first: 20) { nodes { id recording { ref } } } tickets(first: 1) { nodes { id number } } } } }',
    );
    const customer = list.data!.customers.nodes.find(
      (c) => c.owner?.team === 'team-bj' && c.nationalId && c.emails.length > 0 && c.phones.length > 0 && c.orders.totalCount > 0 && c.calls.nodes.some((call) => call.recording) && c.tickets.nodes.length > 0,
    );
    assert.ok(customer, 'the seeded data has a team-bj customer with a national ID, emails, orders, a recorded call and a ticket');
    const agents = (await stack.query<{ agents: { id: string }[] }>('{ agents(team: "team-bj") { id } }')).data!.agents;
    agentId = agents[0]!.id;
    const call = customer.calls.nodes.find((c) => c.recording)!;
    const ticket = customer.tickets.nodes[0]!;
    const cursor = encodeEventCursor({ appliedAt: new Date().toISOString(), at: new Date().toISOString(), id: 'evt_matrix' });
    // A seeded lead with its conversation, and a hand-off of that conversation.
    const lead = (await stack.query<{ leads: { nodes: { id: string; conversation: { id: string } }[] } }>('{ leads(first: 1) { nodes { id conversation { id } } } }')).data!.leads.nodes[0]!;
    const handoff = await stack.query<{ requestHandoff: { id: string } }>(
      `mutation { requestHandoff(input: { idempotencyKey: "matrix", skill: "sales", reason: "matrix", conversationId: "${lead.conversation.id}", customerId: "${customer.id}" }) { id } }`,
    );
    fixtures = {
      'Query.customer': `id: "${customer.id}"`,
      'Query.identifyCaller': `phone: "${customer.phones[0]!.e164}"`,
      'Query.call': `id: "${call.id}"`,
      'Query.agent': `id: "${agentId}"`,
      'Query.activeCalls': `agentId: "${agentId}"`,
      'Query.handoffCustomers': `agentId: "${agentId}"`,
      'Query.callEventsSince': `after: "${cursor}", agentId: "${agentId}", first: 2`,
      'Query.callCenterMetrics': `${RANGE}, groupBy: AGENT`,
      'Query.topContactingCustomers': `${RANGE}, first: 2`,
      'Query.callMetricsByTier': RANGE,
      'Query.ticket': `id: "${ticket.id}"`,
      'Query.ticketByNumber': `number: "${ticket.number}"`,
      'Query.assignedTickets': `assigneeId: "${agentId}", first: 2`,
      'Query.ticketMetrics': `${RANGE}, groupBy: ASSIGNEE`,
      'Query.ticketMetricsByTier': RANGE,
      // Cross-system reports and their per-system parts (docs/reporting.md, "Questions across systems").
      'Query.contactReasonsByTier': RANGE,
      'Query.churnJourneys': RANGE,
      'Query.callReasonsByTier': RANGE,
      'Query.ticketReasonsByTier': RANGE,
      'Query.conversationReasonsByTier': RANGE,
      'Query.churnedCustomers': RANGE,
      'Query.callJourneys': `windows: [{ customerId: "${customer.id}", from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}" }]`,
      'Query.ticketJourneys': `windows: [{ customerId: "${customer.id}", from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}" }]`,
      'Customer.callSummary': RANGE,
      'Customer.ticketSummary': RANGE,
      'Query.identifyCustomer': `kind: EMAIL, value: "${customer.emails[0]}"`,
      'Query.conversation': `id: "${lead.conversation.id}"`,
      'Query.lead': `id: "${lead.id}"`,
      'Query.handoff': `id: "${handoff.data!.requestHandoff.id}"`,
      // Mutations: input that fails validation or names nothing, so nothing is written.
      'Mutation.addCustomerNote': 'input: { customerId: "cus_matrix_none", body: "" }',
      'Mutation.updateCustomerContact': 'input: { customerId: "cus_matrix_none", phones: [{ number: "not a number", type: MOBILE }] }',
      'Mutation.setCustomerStatus': 'input: { customerId: "cus_matrix_none", status: INACTIVE }',
      'Mutation.logCall': 'input: { customerId: "cus_matrix_none", callId: "", at: "not a time", durationSeconds: -1, disposition: "" }',
      'Mutation.createTicket': 'input: { idempotencyKey: "", requesterId: "", subject: "" }',
      'Mutation.changeTicketStatus': 'id: "tkt_matrix_none", status: OPEN',
      'Mutation.classifyTicket': 'id: "tkt_matrix_none", category: "Not A Code"',
      'Mutation.setCallWrapUpCode': 'callId: "call_matrix_none", code: "billing"',
      'Mutation.registerWebhookEndpoint': 'input: { url: "ftp://matrix.invalid/hook", eventTypes: [TICKET_CREATED] }',
      'Mutation.removeWebhookEndpoint': 'id: "whe_matrix_none"',
      'Mutation.replayWebhookDelivery': 'id: "msg_matrix_none"',
      'Mutation.rotateWebhookSecret': 'id: "whe_matrix_none", previousSecretValidForSeconds: 60',
      'Mutation.recordConsent': 'input: { customerId: "cus_matrix_none", purpose: MARKETING, status: GRANTED, source: "" }',
      'Mutation.exportCustomerData': 'customerId: "cus_matrix_none"',
      'Mutation.eraseCustomer': 'customerId: "cus_matrix_none", reason: ""',
      'Mutation.crmEraseCustomer': 'customerId: "cus_matrix_none", erasureId: ""',
      'Mutation.callCenterEraseCustomer': 'customerId: "cus_matrix_none", phones: [], erasureId: ""',
      'Mutation.ticketsEraseCustomer': 'customerId: "cus_matrix_none", erasureId: ""',
      // Personal-data parts: the matrix customer's, read only.
      'Query.crmPersonalData': `customerId: "${customer.id}"`,
      'Query.callCenterPersonalData': `customerId: "${customer.id}", phones: ["${customer.phones[0]!.e164}"]`,
      'Query.ticketsPersonalData': `customerId: "${customer.id}"`,
      // Reconciliation: the seeded month, and its parts for one call id that does not exist.
      'Query.reconciliationReport': `from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}"`,
      'Query.reconciliationCalls': `from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}"`,
      'Query.reconciliationCallLogs': 'callIds: ["call_matrix_none"]',
      'Query.reconciliationCallbackTickets': 'callIds: ["call_matrix_none"]',
      // Synced copies: none over the embedded stores (an empty list).
      'Query.crmCopyReconciliation': `from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}"`,
      'Query.ticketCopyReconciliation': `from: "${new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString()}", to: "${TEST_ANCHOR}"`,
      'Mutation.linkChannelIdentity': 'input: { customerId: "cus_matrix_none", kind: EMAIL, value: "not an email" }',
      'Mutation.startConversation': 'input: { idempotencyKey: "", channel: WEB_CHAT }',
      'Mutation.appendConversationMessages': 'input: { conversationId: "conv_matrix_none", messages: [] }',
      'Mutation.updateConversation': 'input: { conversationId: "conv_matrix_none" }',
      'Mutation.createLead': 'input: { idempotencyKey: "", name: "", sourceChannel: OTHER }',
      'Mutation.changeLeadStatus': 'input: { leadId: "lead_matrix_none" }',
      'Mutation.convertLead': 'input: { leadId: "lead_matrix_none" }',
      'Mutation.requestHandoff': 'input: { idempotencyKey: "", reason: "", conversationId: "" }',
      'Mutation.acceptHandoff': 'id: "hof_matrix_none"',
      'Mutation.declineHandoff': 'id: "hof_matrix_none"',
    };
    serviceKey = (await stack.gateway.store.createApiKey('archiver', SERVICE_SCOPES)).key;
  });
  afterAll(() => stack.close());

  const headersOf = async (role: MatrixRole): Promise<Record<string, string>> =>
    role === 'service' ? { 'x-api-key': serviceKey } : { authorization: await bearer(role, { team: 'team-bj', agentId }) };

  for (const role of MATRIX_ROLES) {
    test(`${role}: every query field it can reach is allowed, masked or denied as the rules say`, async () => {
      // The customer view first, then reports: their types are expanded where the data is.
      const operation = buildMatrixOperation(apiSchema, rules.fields, scopesOf(role), 'Query', fixtures, ['customer', 'call', 'ticket', 'topContactingCustomers']);
      const headers = await headersOf(role);
      const [allowed, all] = await Promise.all([stack.query<unknown>(operation.allowedDocument, undefined, headers), stack.query<unknown>(operation.document, undefined, headers)]);
      for (const response of [allowed, all]) {
        assert.equal(response.status, 200, JSON.stringify(response.errors?.slice(0, 3)));
        assert.deepEqual((response.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN'), [], 'no error other than FORBIDDEN');
      }
      const refusedInAllowed = (allowed.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.reason !== 'RECORD_RESTRICTED');
      assert.deepEqual(refusedInAllowed.map((e) => e.extensions?.field), [], 'nothing is refused when only allowed fields are selected');
      const failures = operation.probes.map((probe) => judge(probe, probe.expected === 'deny' ? all : allowed)).filter((failure) => failure !== null);
      assert.deepEqual(failures, []);
      const roots = Object.keys(apiSchema.getQueryType()!.getFields());
      assert.deepEqual(operation.probes.filter((p) => p.path.length === 1).map((p) => p.path[0]).sort(), roots.sort(), 'every root field is probed');
      // What the role cannot reach is behind a field it may not read, whose denial was probed above.
      for (const coordinate of operation.unreachable) {
        assert.notEqual(expectedOutcome(coordinate, rules.fields.get(coordinate), scopesOf(role)), 'mask', `${coordinate} would be masked but is not reachable`);
      }
    });

    test(`${role}: every mutation is refused or runs as the rules say`, async () => {
      // One operation per mutation: a failed non-null mutation field ends the whole operation.
      const headers = await headersOf(role);
      for (const field of Object.values(apiSchema.getMutationType()!.getFields())) {
        const coordinate = `Mutation.${field.name}`;
        if (fixtures[coordinate] === undefined) assert.fail(`the role × field matrix needs input for ${coordinate} that fails validation: add it to the fixtures`);
        const response = await stack.query<unknown>(`mutation { ${field.name}(${fixtures[coordinate]}) { __typename } }`, undefined, headers);
        const forbidden = scopeErrorsAt(response.errors ?? [], field.name);
        if (expectedOutcome(coordinate, rules.fields.get(coordinate), scopesOf(role)) === 'deny') {
          assert.equal(forbidden.length, 1, `${coordinate} is refused for ${role}`);
        } else {
          assert.equal(forbidden.length, 0, `${coordinate} runs for ${role}: ${forbidden[0]?.message}`);
          const codes = (response.errors ?? []).map((e) => e.extensions?.code);
          assert.ok(codes.some((code) => code === 'BAD_USER_INPUT' || code === 'NOT_FOUND'), `${coordinate} ran and refused its input: ${JSON.stringify(codes)}`);
        }
      }
    });
  }

  test('the subscription: allowed or refused per role over WebSocket, as the rules say', async () => {
    const rule = rules.fields.get('Subscription.callEvents');
    for (const role of MATRIX_ROLES.filter((r) => r !== 'service')) {
      const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: await bearer(role as TestRole, { team: 'team-bj', agentId }) }, onNonLazyError: () => undefined });
      try {
        const outcome = await new Promise<unknown>((resolve) => {
          client.subscribe({ query: `subscription { callEvents(agentId: "${agentId}") { type } }` }, { next: resolve, error: resolve, complete: () => resolve('complete') });
          setTimeout(() => resolve('running'), 700);
        });
        if (expectedOutcome('Subscription.callEvents', rule, scopesOf(role)) === 'allow') {
          assert.equal(outcome, 'running', `${role} subscribes`);
        } else {
          const errors = outcome as { extensions?: { code?: string } }[];
          assert.ok(Array.isArray(errors) && errors[0]?.extensions?.code === 'FORBIDDEN', `${role} is refused: ${JSON.stringify(outcome)}`);
        }
      } finally {
        await client.dispose();
      }
    }
  });

  test('the issue\'s leaks are closed: finance and analysts get no live calls, analysts only id, name and tier of reported customers', async () => {
    for (const role of ['finance', 'analyst'] as const) {
      const response = await stack.queryAs<{ activeCalls: unknown; callEventsSince: unknown }>(
        role,
        `{ activeCalls { id from } callEventsSince(after: "${encodeEventCursor({ appliedAt: new Date().toISOString(), at: new Date().toISOString(), id: 'e' })}") { nodes { id } } }`,
      );
      assert.equal(response.data?.activeCalls ?? null, null, role);
      assert.equal(response.data?.callEventsSince ?? null, null, role);
      assert.deepEqual(response.errors?.map((e) => e.extensions?.code), ['FORBIDDEN', 'FORBIDDEN'], role);
    }
    const top = await stack.queryAs<{ topContactingCustomers: { customer: Record<string, unknown> }[] }>(
      'analyst',
      `{ topContactingCustomers(${RANGE}, first: 3) { customer { id displayName tier tags owner { name } emails orders(first: 1) { totalCount } activities(first: 1) { totalCount } } } }`,
    );
    const customers = top.data!.topContactingCustomers.map((row) => row.customer);
    assert.ok(customers.length > 0);
    for (const customer of customers) {
      assert.ok(customer.id && customer.displayName && customer.tier);
      for (const field of ['tags', 'owner', 'emails', 'orders', 'activities']) assert.equal(customer[field], null, field);
    }
    for (const field of ['tags', 'owner', 'emails', 'orders', 'activities']) {
      assert.ok(scopeErrorsAt(top.errors ?? [], `topContactingCustomers.customer.${field}`).length > 0, `FORBIDDEN names customer.${field}`);
    }
  });

  test('record-level rule through the gateway: an agent of another team sees only what serves a caller', async () => {
    const id = /id: "([^"]+)"/.exec(fixtures['Query.customer']!)![1]!;
    const response = await stack.query<{ customer: Record<string, unknown> }>(
      'query($id: ID!) { customer(id: $id) { displayName tier recordAccess emails orders(first: 1) { totalCount } tickets(first: 1) { totalCount } } }',
      { id },
      { authorization: await bearer('agent', { team: 'team-intl' }) },
    );
    const customer = response.data!.customer;
    assert.equal(customer.recordAccess, 'MINIMAL');
    assert.ok(customer.displayName);
    for (const field of ['emails', 'orders', 'tickets']) {
      assert.equal(customer[field], null, field);
      assert.ok(response.errors?.some((e) => e.extensions?.reason === 'RECORD_RESTRICTED' && namesOnly(e.path) === `customer.${field}`), field);
    }
  });

  test('with SWITCHBOARD_REJECT_UNAUTHORIZED the whole operation is refused instead', async () => {
    const strict = await startStack({ customers: 5, gatewayEnv: { SWITCHBOARD_REJECT_UNAUTHORIZED: 'true' } });
    try {
      const id = (await strict.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }')).data!.customers.nodes[0]!.id;
      const response = await strict.queryAs('agent', 'query($id: ID!) { customer(id: $id) { displayName lifetimeValue orders(first: 1) { nodes { total } } } }', { id });
      assert.equal(response.data ?? null, null);
      assert.ok(response.errors!.length >= 2);
      assert.ok(response.errors!.every((e) => e.extensions?.code === 'FORBIDDEN'));
      const fine = await strict.queryAs<{ customer: { displayName: string } }>('agent', 'query($id: ID!) { customer(id: $id) { displayName } }', { id });
      assert.equal(fine.errors, undefined);
    } finally {
      await strict.close();
    }
  });
});
