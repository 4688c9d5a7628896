/**
 * The behavioural suite of the CRM port, run against every adapter (port.test.ts): an
 * adapter is done when it passes. Each harness loads `portDataset()` into its system and
 * says what the adapter does not do (orders, writes), which the suite then checks is refused
 * or empty rather than skipped.
 */
import assert from 'node:assert/strict';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { pageArgs } from '../../../subgraphs/shared/pagination.js';
import { CursorKind, type CrmSource } from '../../../subgraphs/crm/source/port.js';
import type { CustomerRecord } from '../../../subgraphs/crm/source/records.js';
import { skipNote } from '../../support/skip.js';
import { CUSTOMERS, NOTES_OF_101, ORDERS_OF_101, SHARED_NUMBER, SINGLE_NUMBER, UNKNOWN_NUMBER, id } from './dataset.js';

export interface PortHarness {
  name: string;
  /** Why the suite cannot run here (a server that is absent), or null. */
  skip: () => Promise<string | null>;
  /** Opens the adapter over a system holding `portDataset()`. */
  open(): Promise<{ source: CrmSource; cleanup(): Promise<void> }>;
  /** The adapter reads orders (HubSpot's does not). */
  orders: boolean;
  /** The adapter writes notes and call logs (the mapped-SQL one is read only). */
  writes: boolean;
  /** The adapter keeps a customer status and its history (the embedded store; connectors report ACTIVE and refuse). */
  status: boolean;
}

const code = (expected: string, reason?: string) => (error: unknown) => {
  const extensions = (error as GraphQLError).extensions ?? {};
  assert.equal(extensions.code, expected, (error as Error).message);
  if (reason) assert.equal(extensions.reason, reason);
  return true;
};

export async function portSuite(harness: PortHarness): Promise<void> {
  const skip = await harness.skip();
  describe.skipIf(skip !== null)(skipNote(`CRM port on ${harness.name}`, skip), () => {
    let source: CrmSource;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ source, cleanup } = await harness.open());
    });
    afterAll(async () => {
      await cleanup?.();
    });

    test('identification by phone: NONE, SINGLE and MULTIPLE, however the number was written', async () => {
      const [none, single, multiple] = await source.customersByPhoneNumbers([UNKNOWN_NUMBER, SINGLE_NUMBER, SHARED_NUMBER]);
      assert.deepEqual(none, []);
      assert.deepEqual(single!.map((c) => c.id), [id(1)]);
      assert.deepEqual(multiple!.map((c) => c.id), [id(2), id(3)]);
      const withExtension = multiple!.find((c) => c.id === id(3))!.phones[0]!;
      assert.deepEqual({ e164: withExtension.e164, extension: withExtension.extension }, { e164: SHARED_NUMBER, extension: '8001' });
    });

    test('customers by id: in order, null for unknown ids, with phones, emails, company, owner and tier mapped', async () => {
      const [unknown, first] = await source.customersByIds(['999999', id(1)]);
      assert.equal(unknown, null);
      const c = first as CustomerRecord;
      assert.equal(c.displayName, '王芳');
      assert.equal(c.tier, 'GOLD');
      assert.deepEqual(c.phones.map((p) => [p.e164, p.type]), [[SINGLE_NUMBER, 'MOBILE']]);
      assert.deepEqual(c.emails, ['customer1@example.com']);
      assert.equal(c.company?.name, 'Acme Trading');
      assert.equal(c.ownerId, '9001');
      const [owner, noOwner] = await source.ownersByIds(['9001', '9999']);
      assert.deepEqual(owner, { id: '9001', name: 'Li Lei', team: 'east' });
      assert.equal(noOwner, null);
    });

    test('customers page newest first, every customer once, with the total on every page', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await source.searchCustomers({}, pageArgs(CursorKind.customers, 10, after));
        assert.equal(page.totalCount, CUSTOMERS);
        seen.push(...page.nodes.map((c) => c.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      assert.deepEqual(seen, Array.from({ length: CUSTOMERS }, (_, i) => id(i + 1)));
    });

    test('search finds a customer by any spelling of its number and by email', async () => {
      const byPhone = await source.searchCustomers({ search: '+86-138-0013-8000' }, pageArgs(CursorKind.customers, 5, null));
      assert.deepEqual(byPhone.nodes.map((c) => c.id), [id(1)]);
      const byEmail = await source.searchCustomers({ search: 'customer7@example.com' }, pageArgs(CursorKind.customers, 5, null));
      assert.deepEqual(byEmail.nodes.map((c) => c.id), [id(7)]);
      const gold = await source.searchCustomers({ tier: 'GOLD' }, pageArgs(CursorKind.customers, 5, null));
      assert.deepEqual(gold.nodes.map((c) => c.id), [id(1)]);
    });

    test('a search text longer than 200 characters is BAD_USER_INPUT', async () => {
      await assert.rejects(source.searchCustomers({ search: 'x'.repeat(201) }, pageArgs(CursorKind.customers, 5, null)), code('BAD_USER_INPUT'));
    });

    test('the timeline pages newest first with its total', async () => {
      const [first, empty] = await source.activitiesByCustomerIds([id(1), id(9)], ['NOTE'], pageArgs(CursorKind.activities, 2, null));
      assert.equal(first!.totalCount, NOTES_OF_101);
      assert.deepEqual(first!.nodes.map((a) => a.body), ['Note 3', 'Note 2']);
      assert.equal(empty!.totalCount, 0);
      const [rest] = await source.activitiesByCustomerIds([id(1)], ['NOTE'], pageArgs(CursorKind.activities, 2, first!.pageInfo.endCursor));
      assert.deepEqual(rest!.nodes.map((a) => a.body), ['Note 1']);
      assert.equal(rest!.pageInfo.hasNextPage, false);
    });

    test('orders page newest first; the lifetime value leaves cancelled orders out', async () => {
      const [orders] = await source.ordersByCustomerIds([id(1)], pageArgs(CursorKind.orders, 2, null));
      const [value, none] = await source.lifetimeValuesByCustomerIds([id(1), id(2)]);
      assert.equal(none, '0.00');
      if (!harness.orders) {
        assert.deepEqual([orders!.totalCount, value], [0, '0.00']);
        return;
      }
      assert.equal(orders!.totalCount, ORDERS_OF_101);
      assert.deepEqual(orders!.nodes.map((o) => [o.number, o.status, o.total]), [['SO-5003', 'PAID', '300.50'], ['SO-5002', 'PAID', '200.50']]);
      assert.equal(value, '501.00');
    });

    test('a call log is written once per (customer, call id)', async () => {
      const input = { customerId: id(1), callId: 'call-42', at: '2026-10-30T08:00:00Z', author: 'agent-1', durationSeconds: 95, agentId: 'agent-1', disposition: 'ANSWERED', recordingRef: null };
      if (!harness.writes) {
        await assert.rejects(source.recordCallLog(input), code('FORBIDDEN', 'SOURCE_READ_ONLY'));
        return;
      }
      const first = await source.recordCallLog(input);
      const again = await source.recordCallLog(input);
      assert.equal(again.id, first.id);
      assert.equal(first.durationSeconds, 95);
      const [calls] = await source.activitiesByCustomerIds([id(1)], ['CALL_LOG'], pageArgs(CursorKind.activities, 10, null));
      assert.deepEqual(calls!.nodes.map((a) => a.callId), ['call-42']);
    });

    test('customer status: ACTIVE to begin with; set once, a repeat writes nothing, the history pages newest first', async () => {
      const [customer] = await source.customersByIds([id(4)]);
      assert.equal(customer!.status, 'ACTIVE');
      if (!harness.status) {
        await assert.rejects(source.setStatus(id(4), 'INACTIVE', null, 'agent-1'), code('FORBIDDEN', 'SOURCE_NOT_SUPPORTED'));
        await assert.rejects(source.statusChangesByCustomerIds([id(4)], pageArgs(CursorKind.statusChanges, 10, null)), code('FORBIDDEN', 'SOURCE_NOT_SUPPORTED'));
        return;
      }
      await assert.rejects(source.setStatus('999999', 'INACTIVE', null, 'agent-1'), code('NOT_FOUND'));
      await assert.rejects(source.setStatus(id(4), 'INACTIVE', 'x'.repeat(501), 'agent-1'), code('BAD_USER_INPUT'));
      const off = await source.setStatus(id(4), 'INACTIVE', '  Closed the account  ', 'agent-1');
      assert.deepEqual([off.customer.status, off.change?.from, off.change?.to, off.change?.reason, off.change?.changedBy], ['INACTIVE', 'ACTIVE', 'INACTIVE', 'Closed the account', 'agent-1']);
      assert.equal((await source.setStatus(id(4), 'INACTIVE', 'again', 'agent-2')).change, null, 'the status it has: a no-op');
      const on = await source.setStatus(id(4), 'ACTIVE', '   ', 'agent-2');
      assert.deepEqual([on.customer.status, on.change?.reason], ['ACTIVE', null]);
      const [first, none] = await source.statusChangesByCustomerIds([id(4), id(5)], pageArgs(CursorKind.statusChanges, 1, null));
      assert.equal(first!.totalCount, 2);
      assert.deepEqual(first!.nodes.map((c) => [c.from, c.to]), [['INACTIVE', 'ACTIVE']]);
      assert.equal(none!.totalCount, 0);
      const [rest] = await source.statusChangesByCustomerIds([id(4)], pageArgs(CursorKind.statusChanges, 1, first!.pageInfo.endCursor));
      assert.deepEqual(rest!.nodes.map((c) => [c.from, c.to, c.id]), [['ACTIVE', 'INACTIVE', off.change!.id]]);
      assert.equal(rest!.pageInfo.hasNextPage, false);
    });

    test('writes: a note on an unknown customer is NOT_FOUND, an empty one BAD_USER_INPUT, nothing written', async () => {
      if (!harness.writes) {
        await assert.rejects(source.addNote(id(1), 'hello', 'agent-1'), code('FORBIDDEN', 'SOURCE_READ_ONLY'));
        return;
      }
      await assert.rejects(source.addNote('999999', 'hello', 'agent-1'), code('NOT_FOUND'));
      await assert.rejects(source.addNote(id(2), '   ', 'agent-1'), code('BAD_USER_INPUT'));
      const note = await source.addNote(id(2), '  Called back  ', 'agent-1');
      assert.equal(note.body, 'Called back');
      const [timeline] = await source.activitiesByCustomerIds([id(2)], null, pageArgs(CursorKind.activities, 10, null));
      assert.deepEqual(timeline!.nodes.map((a) => a.body), ['Called back']);
    });
  });
}
