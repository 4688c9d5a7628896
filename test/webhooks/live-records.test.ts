/**
 * `ticketUpdated` and `customerUpdated` through the gateway over graphql-ws: a frontend sees
 * each committed change with the record as it now is, under the same rules as the queries —
 * the field's scope (an analyst is refused) and the record-level rule (an agent gets a
 * customer of another team as MINIMAL, with FORBIDDEN / RECORD_RESTRICTED for the rest).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, test } from 'vitest';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { bearer, type TestRole } from '../support/viewers.js';

type Result = FormattedExecutionResult<Record<string, unknown>>;

describe('live record subscriptions', () => {
  let stack: Stack;
  const clients: Client[] = [];
  let ownCustomer: string;
  let otherCustomer: string;

  beforeAll(async () => {
    stack = await startStack({ customers: 40 });
    const list = await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null }[] } }>('{ customers(first: 40) { nodes { id owner { team } } } }');
    const nodes = list.data!.customers.nodes;
    ownCustomer = nodes.find((c) => c.owner?.team === 'team-bj')!.id;
    otherCustomer = nodes.find((c) => c.owner !== null && c.owner.team !== 'team-bj')!.id;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.close();
  });

  async function subscribe(role: TestRole, query: string, variables: Record<string, unknown>) {
    const client = createClient({
      url: stack.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: await bearer(role) },
      retryAttempts: 0,
    });
    clients.push(client);
    const results: Result[] = [];
    let failure: unknown = null;
    const stop = client.subscribe<Record<string, unknown>>({ query, variables }, { next: (r) => results.push(r as Result), error: (e) => (failure = e), complete: () => undefined });
    return { results, failure: () => failure, stop };
  }

  /** Makes changes until the subscription has seen one (it may not be registered upstream at first); returns its first result. */
  async function firstResult(subscription: { results: Result[] }, change: () => Promise<void>): Promise<Result> {
    for (let i = 0; i < 40 && subscription.results.length === 0; i += 1) {
      await change();
      const deadline = Date.now() + 250;
      while (Date.now() < deadline && subscription.results.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(subscription.results.length > 0, 'no update arrived');
    return subscription.results[0]!;
  }

  test('ticketUpdated brings a ticket as it is after creation and after each status change', async () => {
    const requesterId = ownCustomer;
    const sub = await subscribe('agent', 'subscription($r: ID) { ticketUpdated(requesterId: $r) { id number status requester { id displayName } } }', { r: requesterId });
    const ids: string[] = [];
    const create = async () => {
      const created = await stack.query<{ createTicket: { id: string } }>('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', {
        input: { idempotencyKey: randomUUID(), requesterId, subject: 'Live' },
      });
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
      ids.push(created.data!.createTicket.id);
    };
    const first = await firstResult(sub, create);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const ticket = first.data!.ticketUpdated as { id: string; status: string; requester: { id: string } };
    assert.ok(ids.includes(ticket.id));
    assert.equal(ticket.status, 'NEW');
    assert.equal(ticket.requester.id, requesterId);

    const before = sub.results.length;
    const changed = await stack.query('mutation($id: ID!) { changeTicketStatus(id: $id, status: OPEN) { id } }', { id: ticket.id });
    assert.equal(changed.errors, undefined);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !sub.results.slice(before).some((r) => (r.data?.ticketUpdated as { id: string; status: string } | undefined)?.status === 'OPEN')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const opened = sub.results.slice(before).map((r) => r.data?.ticketUpdated as { id: string; status: string });
    assert.ok(opened.some((t) => t.id === ticket.id && t.status === 'OPEN'), JSON.stringify(opened));
    // Only this requester's tickets.
    assert.ok(sub.results.every((r) => (r.data?.ticketUpdated as { requester: { id: string } }).requester.id === requesterId));
  });

  test('customerUpdated brings the customer as it is after a contact change, for the own team in full', async () => {
    const sub = await subscribe('agent', 'subscription($c: ID!) { customerUpdated(customerId: $c) { id displayName emails recordAccess } }', { c: ownCustomer });
    const email = `live.${randomUUID().slice(0, 8)}@example.com`;
    const first = await firstResult(sub, async () => {
      const updated = await stack.query('mutation($input: UpdateCustomerContactInput!) { updateCustomerContact(input: $input) { id } }', { input: { customerId: ownCustomer, emails: [email] } });
      assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
    });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const customer = first.data!.customerUpdated as { id: string; emails: string[]; recordAccess: string };
    assert.equal(customer.id, ownCustomer);
    assert.equal(customer.recordAccess, 'FULL');
    // Agents see emails masked (no pii:read), as in a query.
    assert.equal(customer.emails.length, 1);
    assert.match(customer.emails[0]!, /^l\*+@example\.com$/);
  });

  test('customerUpdated follows the record-level rule: another team\'s customer is MINIMAL for an agent', async () => {
    const sub = await subscribe('agent', 'subscription($c: ID!) { customerUpdated(customerId: $c) { id displayName recordAccess emails } }', { c: otherCustomer });
    const first = await firstResult(sub, async () => {
      const noted = await stack.query('mutation($input: AddCustomerNoteInput!) { addCustomerNote(input: $input) { id } }', { input: { customerId: otherCustomer, body: 'live test' } });
      assert.equal(noted.errors, undefined, JSON.stringify(noted.errors));
    });
    const customer = first.data!.customerUpdated as { id: string; displayName: string; recordAccess: string; emails: unknown };
    assert.equal(customer.id, otherCustomer);
    assert.ok(customer.displayName);
    assert.equal(customer.recordAccess, 'MINIMAL');
    assert.equal(customer.emails, null);
    assert.ok(first.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions.reason === 'RECORD_RESTRICTED'), JSON.stringify(first.errors));
  });

  test('customerUpdated brings a status change, and the status is among what an agent sees of another team\'s customer', async () => {
    const before = await stack.query<{ customer: { status: string } }>('query($c: ID!) { customer(id: $c) { status } }', { c: otherCustomer });
    let status = before.data!.customer.status;
    const sub = await subscribe('agent', 'subscription($c: ID!) { customerUpdated(customerId: $c) { id status recordAccess } }', { c: otherCustomer });
    // Each try flips the status (setting the same one again announces nothing).
    const first = await firstResult(sub, async () => {
      status = status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE';
      const set = await stack.query('mutation($input: SetCustomerStatusInput!) { setCustomerStatus(input: $input) { id status } }', { input: { customerId: otherCustomer, status, reason: 'live test' } });
      assert.equal(set.errors, undefined, JSON.stringify(set.errors));
    });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.deepEqual(first.data!.customerUpdated, { id: otherCustomer, status, recordAccess: 'MINIMAL' });
  });

  test('a caller without the query\'s scope is refused', async () => {
    for (const [role, query] of [
      ['analyst', 'subscription($c: ID!) { customerUpdated(customerId: $c) { id } }'],
      ['finance', 'subscription($c: ID!) { ticketUpdated(requesterId: $c) { id } }'],
    ] as const) {
      const sub = await subscribe(role, query, { c: ownCustomer });
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && sub.results.length === 0 && sub.failure() === null) await new Promise((resolve) => setTimeout(resolve, 20));
      const errors = [...(sub.results[0]?.errors ?? []), ...(Array.isArray(sub.failure()) ? (sub.failure() as { extensions?: { code?: string } }[]) : [])];
      assert.ok(
        errors.some((e) => e.extensions?.code === 'FORBIDDEN'),
        `${role}: ${JSON.stringify({ results: sub.results, failure: sub.failure() })}`,
      );
    }
  });
});
