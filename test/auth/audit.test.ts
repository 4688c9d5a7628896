/**
 * The audit trail: every unmasked read of PII or finance fields and every mutation is
 * recorded (who, when, operation, customers, fields, outcome), queryable by admins through
 * the graph with filters and pagination, and never holding the values themselves.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

const EVENTS = /* GraphQL */ `
  query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes { id at subject role operationName kind fields customerIds outcome requestId customers { id displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
interface AuditEvent {
  id: string;
  subject: string;
  role: string;
  operationName: string | null;
  kind: string;
  fields: string[];
  customerIds: string[];
  outcome: string;
  customers: { id: string; displayName: string }[];
}
interface Events {
  auditEvents: { totalCount: number; nodes: AuditEvent[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('audit trail', () => {
  let stack: Stack;
  let ids: string[];
  beforeAll(async () => {
    stack = await startStack({ customers: 40 });
    ids = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 3) { nodes { id } } }')).data!.customers.nodes.map((n) => n.id);
  });
  afterAll(() => stack.close());

  async function eventsFor(customerId: string): Promise<AuditEvent[]> {
    const { data, errors } = await stack.query<Events>(EVENTS, { filter: { customerId }, first: 100 });
    assert.equal(errors, undefined);
    return data!.auditEvents.nodes;
  }

  test('an unmasked PII read is recorded with who, what and which customers, without the values', async () => {
    const read = await stack.query<{ customers: { nodes: { id: string; emails: string[]; nationalId: string | null }[] } }>(
      'query LookAtPii { customers(first: 3) { nodes { id emails nationalId } } }',
    );
    assert.equal(read.errors, undefined);
    const [event] = await eventsFor(ids[0]!);
    assert.ok(event, 'an event names the first customer');
    assert.equal(event.kind, 'SENSITIVE_READ');
    assert.equal(event.subject, 'admin-1');
    assert.equal(event.role, 'admin');
    assert.equal(event.operationName, 'LookAtPii');
    assert.deepEqual(event.fields, ['Customer.emails', 'Customer.nationalId']);
    assert.deepEqual([...event.customerIds].sort(), [...ids].sort());
    assert.deepEqual(event.customers.map((c) => c.id).sort(), [...ids].sort(), 'customers resolve through the CRM');
    assert.equal(event.outcome, 'OK');
    const stored = JSON.stringify(await stack.gateway.store.database.db.selectFrom('audit_events').selectAll().execute());
    for (const customer of read.data!.customers.nodes) {
      for (const email of customer.emails) assert.ok(!stored.includes(email), 'no email address in the trail');
      if (customer.nationalId) assert.ok(!stored.includes(customer.nationalId), 'no national ID in the trail');
    }
  });

  test('a masked read (agent without pii:read) is not a sensitive read', async () => {
    const before = (await eventsFor(ids[1]!)).length;
    const read = await stack.queryAs<{ customer: { emails: string[] } }>('agent', 'query($id: ID!) { customer(id: $id) { emails } }', { id: ids[1] }, { team: 'team-intl' });
    assert.ok(read.data!.customer.emails === null || read.data!.customer.emails.every((e) => e.includes('***')));
    assert.equal((await eventsFor(ids[1]!)).length, before);
  });

  test('a finance read of order totals is recorded for the customer owning the orders', async () => {
    await stack.queryAs('finance', 'query Totals($id: ID!) { customer(id: $id) { orders(first: 3) { nodes { total } } } }', { id: ids[2] });
    const [event] = await eventsFor(ids[2]!);
    assert.equal(event?.operationName, 'Totals');
    assert.deepEqual(event?.fields, ['Order.total']);
    assert.equal(event?.role, 'finance');
  });

  test('every mutation is recorded, failed ones too, with the customer it concerns', async () => {
    const create = 'mutation Open($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
    const ok = await stack.queryAs('agent', create, { input: { idempotencyKey: 'audit-1', requesterId: ids[0], subject: 'Audit me' } });
    assert.equal(ok.errors, undefined);
    const bad = await stack.queryAs('agent', create, { input: { idempotencyKey: 'audit-2', requesterId: ids[0], subject: '' } });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const mutations = (await eventsFor(ids[0]!)).filter((e) => e.kind === 'MUTATION');
    assert.deepEqual(mutations.map((e) => [e.operationName, e.fields, e.outcome, e.subject]), [
      ['Open', ['Mutation.createTicket'], 'ERROR', 'agent-1'],
      ['Open', ['Mutation.createTicket'], 'OK', 'agent-1'],
    ]);
  });

  test('the trail pages with cursors and filters by subject and kind', async () => {
    const all = await stack.query<Events>(EVENTS, { first: 100 });
    const total = all.data!.auditEvents.totalCount;
    assert.ok(total >= 4);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Events['auditEvents'] = (await stack.query<Events>(EVENTS, { first: 2, after })).data!.auditEvents;
      seen.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const agentMutations = await stack.query<Events>(EVENTS, { filter: { subject: 'agent-1', kind: 'MUTATION' } });
    assert.ok(agentMutations.data!.auditEvents.nodes.length >= 2);
    assert.ok(agentMutations.data!.auditEvents.nodes.every((e) => e.subject === 'agent-1' && e.kind === 'MUTATION'));
  });

  test('only admins may read the trail', async () => {
    for (const role of ['agent', 'supervisor', 'finance', 'analyst'] as const) {
      const { data, errors } = await stack.queryAs<Events>(role, EVENTS);
      assert.equal(data?.auditEvents ?? null, null, role);
      assert.equal(errors?.[0]?.extensions?.code, 'FORBIDDEN', role);
    }
  });
});
