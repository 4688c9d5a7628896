/**
 * Lookups by id, cursor pagination and bad input through the gateway: every bad input is a
 * clear error with `extensions.code`, and writes nothing.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

interface Page {
  customers: { totalCount: number; nodes: { id: string; tier: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const PAGE = 'query($first: Int, $after: String, $tier: CustomerTier) { customers(first: $first, after: $after, tier: $tier) { totalCount nodes { id tier } pageInfo { hasNextPage endCursor } } }';

describe('lookups, pagination and bad input', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 120 });
  });
  afterAll(() => stack.close());

  test('walking customers page by page visits every customer exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let pages = 0; pages < 100; pages += 1) {
      const result: Awaited<ReturnType<typeof stack.query<Page>>> = await stack.query<Page>(PAGE, { first: 25, after });
      assert.equal(result.errors, undefined);
      const page: Page['customers'] = result.data!.customers;
      totalCount = page.totalCount;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.ok(totalCount >= 120, 'the seeded customers, plus the duplicate records');
    assert.equal(seen.length, totalCount);
    assert.equal(new Set(seen).size, totalCount);
  });

  test('a tier filter returns only that tier, with its own total', async () => {
    const all = await stack.query<Page>(PAGE, { first: 100 });
    const gold = await stack.query<Page>(PAGE, { first: 100, tier: 'GOLD' });
    assert.ok(gold.data!.customers.totalCount > 0);
    assert.ok(gold.data!.customers.totalCount < all.data!.customers.totalCount);
    assert.ok(gold.data!.customers.nodes.every((n) => n.tier === 'GOLD'));
  });

  test('first: 100000 is refused with BAD_USER_INPUT', async () => {
    const { data, errors } = await stack.query(PAGE, { first: 100000 });
    assert.deepEqual(data, { customers: null });
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(errors![0]!.message, /first/);
  });

  test('a malformed cursor is refused with BAD_USER_INPUT', async () => {
    const { errors } = await stack.query(PAGE, { first: 5, after: 'not-a-cursor' });
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(errors![0]!.message, /cursor/);
  });

  test('a page size out of range on a nested list is refused for that field only', async () => {
    const { data, errors } = await stack.query<{ customers: { nodes: { id: string; calls: unknown }[] } }>(
      '{ customers(first: 2) { nodes { id calls(first: 100000) { totalCount } } } }',
    );
    assert.equal(data!.customers.nodes.length, 2);
    assert.ok(data!.customers.nodes.every((n) => n.calls === null));
    assert.ok(errors!.length > 0);
    assert.ok(errors!.every((e) => e.extensions?.code === 'BAD_USER_INPUT'));
  });

  test('unknown ids are NOT_FOUND for customer, call and ticket', async () => {
    for (const [field, id] of [['customer', 'cus_999999'], ['call', 'call_9999999'], ['ticket', 'tkt_999999']] as const) {
      const { data, errors } = await stack.query<Record<string, unknown>>(`query($id: ID!) { ${field}(id: $id) { id } }`, { id });
      assert.equal(data?.[field], null, field);
      assert.equal(errors?.[0]?.extensions?.code, 'NOT_FOUND', field);
      assert.deepEqual(errors?.[0]?.path, [field]);
    }
  });

  test('customer, call and ticket by id join up across subgraphs', async () => {
    const list = await stack.query<{ customers: { nodes: { id: string; tickets: { nodes: { id: string; relatedCall: { id: string } | null }[] } }[] } }>(
      '{ customers(first: 100) { nodes { id tickets(first: 10) { nodes { id relatedCall { id } } } } } }',
    );
    const withCallTicket = list.data!.customers.nodes.flatMap((c) => c.tickets.nodes.map((t) => ({ customer: c.id, ticket: t }))).find((x) => x.ticket.relatedCall);
    assert.ok(withCallTicket, 'some seeded ticket was opened from a call');
    const { data, errors } = await stack.query<{ ticket: { requester: { id: string; displayName: string }; relatedCall: { id: string; tickets: { id: string }[] } } }>(
      'query($id: ID!) { ticket(id: $id) { requester { id displayName } relatedCall { id tickets { id } } } }',
      { id: withCallTicket.ticket.id },
    );
    assert.equal(errors, undefined);
    assert.equal(data!.ticket.requester.id, withCallTicket.customer);
    assert.ok(data!.ticket.requester.displayName.length > 0);
    assert.ok(data!.ticket.relatedCall.tickets.some((t) => t.id === withCallTicket.ticket.id));
    const call = await stack.query<{ call: { id: string; caller: { status: string } | null } }>('query($id: ID!) { call(id: $id) { id caller { status } } }', {
      id: withCallTicket.ticket.relatedCall!.id,
    });
    assert.equal(call.errors, undefined);
    assert.equal(call.data!.call.id, withCallTicket.ticket.relatedCall!.id);
  });

  test('createTicket with one idempotency key twice creates one ticket', async () => {
    const customer = (await stack.query<Page>(PAGE, { first: 1 })).data!.customers.nodes[0]!;
    const create = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number status requester { id } } }`;
    const input = { idempotencyKey: 'retry-me-1', requesterId: customer.id, subject: 'Refund for a broken kettle' };
    const first = await stack.query<{ createTicket: { id: string; number: string; status: string } }>(create, { input });
    const second = await stack.query<{ createTicket: { id: string; number: string } }>(create, { input });
    assert.equal(first.errors, undefined);
    assert.equal(first.data!.createTicket.status, 'NEW');
    assert.equal(second.data!.createTicket.id, first.data!.createTicket.id);
    assert.equal(second.data!.createTicket.number, first.data!.createTicket.number);
    const conflict = await stack.query(create, { input: { ...input, subject: 'Something else' } });
    assert.equal(conflict.errors?.[0]?.extensions?.code, 'CONFLICT');
  });

  test('an invalid status transition is refused and changes nothing', async () => {
    const customer = (await stack.query<Page>(PAGE, { first: 1 })).data!.customers.nodes[0]!;
    const created = await stack.query<{ createTicket: { id: string } }>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }`,
      { input: { idempotencyKey: 'transition-test', requesterId: customer.id, subject: 'Close me' } },
    );
    const id = created.data!.createTicket.id;
    const change = `mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { status } }`;
    assert.equal((await stack.query<{ changeTicketStatus: { status: string } }>(change, { id, status: 'SOLVED' })).data!.changeTicketStatus.status, 'SOLVED');
    assert.equal((await stack.query(change, { id, status: 'CLOSED' })).errors, undefined);
    const refused = await stack.query(change, { id, status: 'OPEN' });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const after = await stack.query<{ ticket: { status: string } }>('query($id: ID!) { ticket(id: $id) { status } }', { id });
    assert.equal(after.data!.ticket.status, 'CLOSED');
  });

  test('updateCustomerContact with one invalid number writes nothing', async () => {
    const customer = (await stack.query<Page>(PAGE, { first: 1 })).data!.customers.nodes[0]!;
    const read = 'query($id: ID!) { customer(id: $id) { phones { e164 } emails } }';
    const before = await stack.query(read, { id: customer.id });
    const { data, errors } = await stack.query(
      `mutation($id: ID!) { updateCustomerContact(input: { customerId: $id, phones: [{ number: "139 1234 5678", type: MOBILE }, { number: "12", type: HOME }], emails: ["new@example.com"] }) { id } }`,
      { id: customer.id },
    );
    assert.deepEqual(data, { updateCustomerContact: null });
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual((await stack.query(read, { id: customer.id })).data, before.data);
  });
});
