/**
 * The unified customer view through the gateway, against the three real subgraphs:
 * caller identification (NONE / SINGLE / MULTIPLE, every common number format) and the
 * customer's calls, tickets and orders assembled from three systems in one operation.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { CUSTOMER_VIEW } from '../../schema/operations/index.js';


interface Candidate {
  id: string;
  displayName: string;
  phones: { e164: string; type: string }[];
  openTickets: { totalCount: number; nodes: { number: string; subject: string; priority: string }[] } | null;
  calls: { nodes: { startedAt: string; direction: string; state: string; agent: { name: string } | null }[] } | null;
  orders: { nodes: { number: string; status: string }[] };
}
interface View {
  identifyCaller: { phone: string; status: 'NONE' | 'SINGLE' | 'MULTIPLE'; candidates: Candidate[] };
}
interface CustomerList {
  customers: { totalCount: number; nodes: { id: string; phones: { e164: string; raw: string }[] }[] };
}

/** The same Chinese mobile number as people and systems write it. */
function spellings(e164: string): string[] {
  const national = e164.slice(3); // +86 then 11 digits
  return [
    `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
    `+86-${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`,
    `86${national}`,
    national,
    `0086 ${national}`,
  ];
}

describe('unified customer view', () => {
  let stack: Stack;
  let customers: CustomerList['customers']['nodes'];

  beforeAll(async () => {
    stack = await startStack();
    const list = await stack.query<CustomerList>('{ customers(first: 100) { totalCount nodes { id phones { e164 raw } } } }');
    assert.equal(list.errors, undefined);
    customers = list.data!.customers.nodes;
  });
  afterAll(() => stack.close());

  /** e164 → ids of the customers having it, over the first 100 customers and beyond. */
  async function owners(e164: string): Promise<string[]> {
    const result = await stack.query<CustomerList>('query($s: String) { customers(search: $s, first: 100) { totalCount nodes { id phones { e164 raw } } } }', { s: e164 });
    return result.data!.customers.nodes.map((c) => c.id).sort();
  }

  test('a mobile number in every common format identifies the same single customer', async () => {
    let checked = 0;
    for (const customer of customers) {
      const mobile = customer.phones.find((p) => /^\+861\d{10}$/.test(p.e164));
      if (!mobile || (await owners(mobile.e164)).length !== 1) continue;
      for (const phone of spellings(mobile.e164)) {
        const { data, errors } = await stack.query<View>(CUSTOMER_VIEW, { phone });
        assert.equal(errors, undefined, `errors for ${phone}`);
        assert.equal(data!.identifyCaller.status, 'SINGLE', phone);
        assert.deepEqual(data!.identifyCaller.candidates.map((c) => c.id), [customer.id], phone);
      }
      checked += 1;
      if (checked === 3) break;
    }
    assert.equal(checked, 3, 'the seeded data has customers with a mobile number of their own');
  });

  test('a landline written with its trunk prefix and brackets is found', async () => {
    const customer = customers.find((c) => c.phones.some((p) => /^\+86(10|21)\d{8}$/.test(p.e164)));
    assert.ok(customer, 'the seeded data has Beijing or Shanghai landlines');
    const landline = customer.phones.find((p) => /^\+86(10|21)\d{8}$/.test(p.e164))!;
    const area = landline.e164.slice(3, 5);
    const local = landline.e164.slice(5);
    const { data } = await stack.query<View>(CUSTOMER_VIEW, { phone: `(0${area}) ${local.slice(0, 4)} ${local.slice(4)}` });
    assert.notEqual(data!.identifyCaller.status, 'NONE');
    assert.ok(data!.identifyCaller.candidates.some((c) => c.id === customer.id));
  });

  test('the view assembles CRM, call-center and ticket data for the caller', async () => {
    // A customer who has calls, so every part of the view has something to show.
    let view: Candidate | undefined;
    for (const customer of customers) {
      const phone = customer.phones[0];
      if (!phone) continue;
      const { data, errors } = await stack.query<View>(CUSTOMER_VIEW, { phone: phone.raw });
      assert.equal(errors, undefined);
      view = data!.identifyCaller.candidates.find((c) => c.id === customer.id);
      if (view && view.calls!.nodes.length > 0 && view.orders.nodes.length > 0) break;
    }
    assert.ok(view, 'found a customer with calls and orders');
    assert.ok(view.displayName.length > 0);
    const calls = view.calls!.nodes;
    assert.ok(calls.length <= 5);
    const started = calls.map((c) => c.startedAt);
    assert.deepEqual([...started].sort().reverse(), started, 'calls are newest first');
    for (const call of calls.filter((c) => c.state === 'ENDED' && c.agent)) assert.ok(call.agent!.name.length > 0);
    assert.ok(view.openTickets!.totalCount >= view.openTickets!.nodes.length);
    for (const order of view.orders.nodes) assert.match(order.status, /^[A-Z_]+$/);
  });

  test('two customer records sharing a number are both returned as MULTIPLE, never one picked', async () => {
    const [first, second] = customers.filter((c) => c.phones.length > 0);
    const shared = first!.phones[0]!;
    const updated = await stack.query(
      `mutation($id: ID!, $phones: [PhoneNumberInput!]) { updateCustomerContact(input: { customerId: $id, phones: $phones }) { id phones { e164 } } }`,
      { id: second!.id, phones: [{ number: shared.raw, type: 'MOBILE' }] },
    );
    assert.equal(updated.errors, undefined);
    const expected = await owners(shared.e164);
    assert.ok(expected.length >= 2);
    const { data } = await stack.query<View>(CUSTOMER_VIEW, { phone: shared.e164 });
    assert.equal(data!.identifyCaller.status, 'MULTIPLE');
    assert.deepEqual(data!.identifyCaller.candidates.map((c) => c.id).sort(), expected);
  });

  test('a number no customer has is NONE with no candidates', async () => {
    const phone = '+44 20 7946 0958';
    assert.deepEqual(await owners(phone), []);
    const { data, errors } = await stack.query<View>(CUSTOMER_VIEW, { phone });
    assert.equal(errors, undefined);
    assert.deepEqual(data!.identifyCaller, { phone: '+442079460958', status: 'NONE', candidates: [] });
  });

  test('an unparseable number is BAD_USER_INPUT', async () => {
    const { data, errors } = await stack.query<View>(CUSTOMER_VIEW, { phone: 'call me maybe' });
    assert.deepEqual(data, { identifyCaller: null });
    assert.deepEqual(errors?.[0]?.path, ['identifyCaller']);
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(errors![0]!.message, /call me maybe/);
  });
});
