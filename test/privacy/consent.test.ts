/**
 * Consent per customer and purpose through the gateway, and the outbound channel that needs
 * it: the call-log outbox opens a callback ticket for a missed call only when the customer has
 * not withdrawn consent to service contact. And after an erasure, the caller's number starts
 * fresh: a new call from it finds no customer.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import { callEvents, freshNumber, giveNumber, postEvents, settledRows } from '../outbox/harness.js';

const RECORD = 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { purpose status source recordedAt recordedBy } }';
const CONSENTS = 'query ($id: ID!) { customer(id: $id) { consents { purpose status source recordedBy } } }';

describe('consent', () => {
  let stack: Stack;
  let customers: string[];
  let agentId: string;

  beforeAll(async () => {
    stack = await startStack({ customers: 60, callLog: { dispatcher: { pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 400 } } });
    const list = await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 10) { nodes { id } } }');
    customers = list.data!.customers.nodes.map((node) => node.id);
    agentId = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents[0]!.id;
  }, 120_000);
  afterAll(() => stack.close());

  test('is recorded per purpose with its source, time and recorder; the latest decision counts', async () => {
    const id = customers[0]!;
    const granted = await stack.queryAs<{ recordConsent: { recordedBy: string; recordedAt: string } }>('agent', RECORD, {
      input: { customerId: id, purpose: 'MARKETING', status: 'GRANTED', source: 'web form' },
    });
    assert.equal(granted.errors, undefined, JSON.stringify(granted.errors));
    assert.equal(granted.data!.recordConsent.recordedBy, 'agent-1');
    assert.ok(Date.now() - Date.parse(granted.data!.recordConsent.recordedAt) < 60_000);
    await stack.queryAs('supervisor', RECORD, { input: { customerId: id, purpose: 'MARKETING', status: 'WITHDRAWN', source: 'phone call C-1042' } });
    await stack.queryAs('agent', RECORD, { input: { customerId: id, purpose: 'RECORDING', status: 'GRANTED', source: 'IVR prompt' } });
    const read = await stack.query<{ customer: { consents: unknown[] } }>(CONSENTS, { id });
    assert.deepEqual(read.data!.customer.consents, [
      { purpose: 'MARKETING', status: 'WITHDRAWN', source: 'phone call C-1042', recordedBy: 'supervisor-1' },
      { purpose: 'RECORDING', status: 'GRANTED', source: 'IVR prompt', recordedBy: 'agent-1' },
    ]);
    // Under the record-level rule like every customer field: an agent outside the customer's team sees no consents.
    const restricted = await stack.queryAs<{ customer: { consents: unknown } }>('agent', CONSENTS, { id }, { team: 'team-nobody' });
    assert.equal(restricted.data!.customer.consents, null);
    assert.equal(restricted.errors?.[0]?.extensions?.reason, 'RECORD_RESTRICTED');
  });

  test('refuses an empty source, an unknown customer and roles that may not write customers', async () => {
    const empty = await stack.queryAs('agent', RECORD, { input: { customerId: customers[0], purpose: 'MARKETING', status: 'GRANTED', source: '  ' } });
    assert.equal(empty.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await stack.queryAs('agent', RECORD, { input: { customerId: 'cus_nobody', purpose: 'MARKETING', status: 'GRANTED', source: 'web form' } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    for (const role of ['analyst', 'finance'] as const) {
      const refused = await stack.queryAs(role, RECORD, { input: { customerId: customers[0], purpose: 'MARKETING', status: 'GRANTED', source: 'web form' } });
      assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', role);
    }
  });

  test('a missed call makes no callback ticket for a customer who withdrew consent to service contact', async () => {
    const [withdrawn, granted] = [customers[1]!, customers[2]!];
    const numbers = [freshNumber(), freshNumber()];
    await giveNumber(stack, [withdrawn], numbers[0]!);
    await giveNumber(stack, [granted], numbers[1]!);
    await stack.queryAs('agent', RECORD, { input: { customerId: withdrawn, purpose: 'SERVICE_CONTACT', status: 'WITHDRAWN', source: 'phone call' } });
    await stack.queryAs('agent', RECORD, { input: { customerId: granted, purpose: 'SERVICE_CONTACT', status: 'GRANTED', source: 'phone call' } });

    const refused = callEvents(numbers[0]!, 'MISSED', agentId);
    const allowed = callEvents(numbers[1]!, 'MISSED', agentId);
    await postEvents(stack, [...refused.events, ...allowed.events]);
    const refusedRows = await settledRows(stack, refused.callId);
    assert.deepEqual(refusedRows.map((row) => [row.kind, row.outcome, row.customerId]), [['CALLBACK_TICKET', 'NO_CONSENT', withdrawn], ['CALL_LOG', 'LOGGED', withdrawn]]);
    const allowedRows = await settledRows(stack, allowed.callId);
    assert.deepEqual(allowedRows.map((row) => [row.kind, row.outcome]), [['CALLBACK_TICKET', 'TICKET_CREATED'], ['CALL_LOG', 'LOGGED']]);
    const tickets = await stack.query<{ a: { tickets: unknown[] }; b: { tickets: unknown[] } }>('query ($a: ID!, $b: ID!) { a: call(id: $a) { tickets { number } } b: call(id: $b) { tickets { number } } }', {
      a: refused.callId,
      b: allowed.callId,
    });
    assert.deepEqual([tickets.data!.a.tickets.length, tickets.data!.b.tickets.length], [0, 1]);
  });

  test('after an erasure the number starts fresh: a new call from it finds no customer', async () => {
    const id = customers[3]!;
    const number = freshNumber();
    await giveNumber(stack, [id], number);
    const erased = await stack.queryAs<{ eraseCustomer: { status: string } }>('privacy-officer', 'mutation ($id: ID!) { eraseCustomer(customerId: $id, reason: "DSR-7") { status } }', { id });
    assert.equal(erased.data!.eraseCustomer.status, 'COMPLETED', JSON.stringify(erased.errors));
    const call = callEvents(number, 'MISSED', agentId);
    await postEvents(stack, call.events);
    const rows = await settledRows(stack, call.callId);
    assert.deepEqual(rows.map((row) => [row.kind, row.outcome, row.customerId]), [['CALLBACK_TICKET', 'NO_CUSTOMER', null], ['CALL_LOG', 'NO_CUSTOMER', null]]);
    const refused = await stack.queryAs('agent', RECORD, { input: { customerId: id, purpose: 'MARKETING', status: 'GRANTED', source: 'web form' } });
    assert.equal(refused.errors?.[0]?.extensions?.reason, 'ERASED');
  });
});
