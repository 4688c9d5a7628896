/**
 * The customer status through the gateway over real subgraphs, with the embedded CRM store on
 * SQLite and on PostgreSQL: `setCustomerStatus` (history, the no-op, errors with their codes,
 * who may), the change event and the audit entry it leaves, and the churn rule
 * TURNED_INACTIVE of `churnJourneys` on hand-made histories in a range the seed does not reach
 * (March 2025), alone and together with STOPPED_ORDERING. Every figure is computed by hand in
 * the comments.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import type { CrmTables } from '../../subgraphs/crm/source/embedded/tables.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';

const SET = `mutation($input: SetCustomerStatusInput!) { setCustomerStatus(input: $input) {
  id status statusHistory(first: 5) { totalCount nodes { id at from to changedBy reason } } } }`;
/** Only fields an agent or supervisor reads of any customer (status is MINIMAL): their record-level rule does not interfere. */
const SET_STATUS_ONLY = 'mutation($input: SetCustomerStatusInput!) { setCustomerStatus(input: $input) { id status } }';
const HISTORY = 'query($id: ID!, $after: String) { customer(id: $id) { status statusHistory(first: 1, after: $after) { totalCount nodes { from to } pageInfo { hasNextPage endCursor } } } }';
const CHURN = `query($range: TimeRangeInput!, $rules: [ChurnRule!]) { churnJourneys(range: $range, quietDays: 30, lookbackDays: 30, rules: $rules) {
  churned rules customers { customer { id } rule lastOrderAt churnedAt windowStart conversations contacts ticketsCreated } } }`;
const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', timeZone: 'UTC' };

type Change = { id: string; at: string; from: string; to: string; changedBy: string; reason: string | null };
type SetResult = { setCustomerStatus: { id: string; status: string; statusHistory: { totalCount: number; nodes: Change[] } } | null };
type Journey = { customer: { id: string }; rule: string; lastOrderAt: string | null; churnedAt: string; windowStart: string; conversations: number; contacts: number; ticketsCreated: number };
type Churn = { churnJourneys: { churned: number; rules: string[]; customers: Journey[] } };

function customerStatusSuite(dialect: string, skip: string | null, database: () => Promise<TempDatabase | null>) {
  describe.skipIf(skip !== null)(skipNote(`customer status through the gateway (CRM on ${dialect})`, skip), () => {
    let stack: Stack;
    let temp: TempDatabase | null = null;
    let crm: Kysely<CrmTables>;
    /** Customers with no status history in the seed: m for the mutations, p…u for the churn histories. */
    let m: string, p: string, q: string, r: string, s: string, t: string, u: string;

    const statusEvents = async (customerId: string) =>
      (await sql<{ data: string; personal: string | null }>`SELECT data, personal FROM change_events WHERE type = 'CUSTOMER_STATUS_CHANGED' AND subject_id = ${customerId} ORDER BY occurred_at`.execute(crm)).rows;

    beforeAll(async () => {
      temp = await database();
      stack = await startStack({ customers: 30, ...(temp ? { crmDatabase: temp.config } : {}) });
      crm = (stack.crm.store as unknown as SqlCrmStore).database.db as unknown as Kysely<CrmTables>;
      const listed = await stack.query<{ customers: { nodes: { id: string; status: string; statusHistory: { totalCount: number } }[] } }>(
        '{ customers(first: 30) { nodes { id status statusHistory { totalCount } } } }',
      );
      const fresh = listed.data!.customers.nodes.filter((c) => c.status === 'ACTIVE' && c.statusHistory.totalCount === 0).map((c) => c.id);
      assert.ok(fresh.length >= 7, 'seven seeded customers without a status history');
      [m, p, q, r, s, t, u] = fresh as [string, string, string, string, string, string, string];

      // Hand-made histories (status and changes as setCustomerStatus would leave them), orders and conversations in 2025.
      const change = (customerId: string, n: number, at: string, from: string, to: string) => ({ id: `csc_test_${customerId}_${n}`, customer_id: customerId, at, from_status: from, to_status: to, changed_by: 'sup-1', reason: null });
      await crm.insertInto('customer_status_changes').values([
        change(p, 1, '2025-03-10T10:00:00.000Z', 'ACTIVE', 'INACTIVE'), // in March, still INACTIVE
        change(q, 1, '2025-03-05T10:00:00.000Z', 'ACTIVE', 'INACTIVE'), // in March, but ACTIVE again before its end
        change(q, 2, '2025-03-15T10:00:00.000Z', 'INACTIVE', 'ACTIVE'),
        change(r, 1, '2025-02-20T10:00:00.000Z', 'ACTIVE', 'INACTIVE'), // February: not March's
        change(s, 1, '2025-03-31T23:00:00.000Z', 'ACTIVE', 'INACTIVE'), // INACTIVE at March's end, ACTIVE again in April
        change(s, 2, '2025-04-05T10:00:00.000Z', 'INACTIVE', 'ACTIVE'),
        change(t, 1, '2025-03-20T09:00:00.000Z', 'ACTIVE', 'INACTIVE'), // also stopped ordering, later (04-01)
        change(u, 1, '2025-03-31T12:00:00.000Z', 'ACTIVE', 'INACTIVE'), // also stopped ordering, earlier (03-31 08:00)
      ]).execute();
      await crm.updateTable('customers').set({ status: 'INACTIVE' }).where('id', 'in', [p, r, t, u]).execute();
      const order = (id: string, customerId: string, placedAt: string) => ({
        id, customer_id: customerId, number: id, status: 'DELIVERED', total: '10.00', currency: 'CNY', placed_at: placedAt,
        shipment_carrier: null, shipment_tracking_number: null, shipment_status: null, shipment_shipped_at: null, shipment_delivered_at: null,
      });
      await crm.insertInto('orders').values([order('ord_cs_t', t, '2025-03-02T08:00:00.000Z'), order('ord_cs_u', u, '2025-03-01T08:00:00.000Z')]).execute();
      const conversation = (id: string, customerId: string, startedAt: string) => ({
        id, idempotency_key: id, request_hash: id, channel: 'WEB_CHAT', external_id: null, customer_id: customerId, status: 'CLOSED', participants: '[]',
        summary: null, intent: null, outcome: null, message_count: 0, started_at: startedAt, updated_at: startedAt, closed_at: startedAt,
      });
      await crm.insertInto('conversations').values([
        conversation('conv_cs_p', p, '2025-03-01T09:00:00.000Z'), // in P's window [02-08 10:00, 03-10 10:00)
        conversation('conv_cs_s', s, '2025-03-01T22:00:00.000Z'), // an hour before S's window [03-01 23:00, 03-31 23:00)
      ]).execute();
    });
    afterAll(async () => {
      await stack?.close();
      await temp?.cleanup();
    });

    test('INACTIVE with a reason: the change in the history, one event, the audit entry; setting it again changes nothing', async () => {
      const result = await stack.query<SetResult>(SET, { input: { customerId: m, status: 'INACTIVE', reason: '  Closed the account by phone  ' } });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const customer = result.data!.setCustomerStatus!;
      assert.equal(customer.status, 'INACTIVE');
      assert.equal(customer.statusHistory.totalCount, 1);
      const [made] = customer.statusHistory.nodes;
      assert.deepEqual({ ...made, id: undefined, at: undefined }, { id: undefined, at: undefined, from: 'ACTIVE', to: 'INACTIVE', changedBy: 'admin-1', reason: 'Closed the account by phone' });
      assert.ok(Math.abs(Date.parse(made!.at) - Date.now()) < 60_000);

      const events = await statusEvents(m);
      assert.equal(events.length, 1);
      assert.deepEqual(JSON.parse(events[0]!.data), { customerId: m, changeId: made!.id, from: 'ACTIVE', to: 'INACTIVE', changedBy: 'admin-1', changedAt: made!.at });
      assert.deepEqual(JSON.parse(events[0]!.personal!), { reason: 'Closed the account by phone' });

      const audit = await stack.query<{ auditEvents: { nodes: { fields: string[]; customerIds: string[]; subject: string; outcome: string }[] } }>('{ auditEvents(first: 50) { nodes { fields customerIds subject outcome } } }');
      const entry = audit.data!.auditEvents.nodes.find((e) => e.fields.includes('Mutation.setCustomerStatus'));
      assert.deepEqual(entry, { fields: ['Mutation.setCustomerStatus'], customerIds: [m], subject: 'admin-1', outcome: 'OK' });

      // The same status again: the customer as it is, no history entry, no event.
      const again = await stack.queryAs<SetResult>('agent', SET_STATUS_ONLY, { input: { customerId: m, status: 'INACTIVE', reason: 'again' } });
      assert.equal(again.errors, undefined, JSON.stringify(again.errors));
      assert.equal(again.data!.setCustomerStatus!.status, 'INACTIVE');
      assert.equal((await statusEvents(m)).length, 1);

      // Back to ACTIVE by a supervisor, without a reason: two changes, newest first, paged.
      const back = await stack.queryAs<SetResult>('supervisor', SET_STATUS_ONLY, { input: { customerId: m, status: 'ACTIVE' } });
      assert.equal(back.errors, undefined, JSON.stringify(back.errors));
      const both = await stack.query<SetResult>(SET, { input: { customerId: m, status: 'ACTIVE' } });
      assert.deepEqual(both.data!.setCustomerStatus!.statusHistory.nodes.map((c) => [c.from, c.to, c.reason, c.changedBy]), [
        ['INACTIVE', 'ACTIVE', null, 'supervisor-1'],
        ['ACTIVE', 'INACTIVE', 'Closed the account by phone', 'admin-1'],
      ]);
      assert.equal((await statusEvents(m))[1]!.personal, null, 'no reason, no personal part');
      const first = await stack.query<{ customer: { status: string; statusHistory: { totalCount: number; nodes: { from: string; to: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(HISTORY, { id: m });
      assert.deepEqual([first.data!.customer.status, first.data!.customer.statusHistory.totalCount, first.data!.customer.statusHistory.pageInfo.hasNextPage], ['ACTIVE', 2, true]);
      const second = await stack.query<typeof first.data & object>(HISTORY, { id: m, after: first.data!.customer.statusHistory.pageInfo.endCursor });
      assert.deepEqual(second.data!.customer.statusHistory.nodes, [{ from: 'ACTIVE', to: 'INACTIVE' }]);
    });

    test('errors carry their code and write nothing: unknown customer, over-long reason, callers without customers:write', async () => {
      const refusals: [string, Record<string, unknown>, string, string | null][] = [
        ['admin', { customerId: 'cus_none', status: 'INACTIVE' }, 'NOT_FOUND', null],
        ['admin', { customerId: q, status: 'ACTIVE', reason: 'x'.repeat(501) }, 'BAD_USER_INPUT', 'reason'],
        ['analyst', { customerId: q, status: 'ACTIVE' }, 'FORBIDDEN', null],
        ['finance', { customerId: q, status: 'ACTIVE' }, 'FORBIDDEN', null],
      ];
      for (const [role, input, code, argumentName] of refusals) {
        const result = await stack.queryAs<SetResult>(role as 'admin', SET, { input });
        assert.equal(result.errors?.[0]?.extensions?.code, code, JSON.stringify([role, result.errors]));
        if (argumentName) assert.equal(result.errors?.[0]?.extensions?.argumentName, argumentName);
        assert.equal(result.data?.setCustomerStatus ?? null, null);
      }
      const history = await stack.query<{ customer: { status: string; statusHistory: { totalCount: number } } }>(HISTORY, { id: q });
      assert.deepEqual([history.data!.customer.status, history.data!.customer.statusHistory.totalCount], ['ACTIVE', 2], 'only its two hand-made changes');
      assert.equal((await statusEvents(q)).length, 0);
    });

    test('churn by status in March: turned INACTIVE in the range and still INACTIVE at its end; both rules on one customer listed once', async () => {
      const result = await stack.queryAs<Churn>('analyst', CHURN, { range: MARCH });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const { churned, rules, customers } = result.data!.churnJourneys;
      assert.deepEqual(rules, ['STOPPED_ORDERING', 'TURNED_INACTIVE']);
      assert.equal(churned, 4, 'P, T, U, S; not Q (ACTIVE again in March), not R (February)');
      const zero = { contacts: 0, ticketsCreated: 0 };
      assert.deepEqual(customers, [
        { customer: { id: p }, rule: 'TURNED_INACTIVE', lastOrderAt: null, churnedAt: '2025-03-10T10:00:00.000Z', windowStart: '2025-02-08T10:00:00.000Z', conversations: 1, ...zero },
        // T: inactive 03-20 09:00, before its order churn (03-02 + 30 days = 04-01 08:00).
        { customer: { id: t }, rule: 'TURNED_INACTIVE', lastOrderAt: '2025-03-02T08:00:00.000Z', churnedAt: '2025-03-20T09:00:00.000Z', windowStart: '2025-02-18T09:00:00.000Z', conversations: 0, ...zero },
        // U: its order churn (03-01 + 30 days = 03-31 08:00) comes before its status change (03-31 12:00).
        { customer: { id: u }, rule: 'STOPPED_ORDERING', lastOrderAt: '2025-03-01T08:00:00.000Z', churnedAt: '2025-03-31T08:00:00.000Z', windowStart: '2025-01-30T08:00:00.000Z', conversations: 0, ...zero },
        // S: reactivated on 04-05, after the range: it still churned in March. Its conversation is an hour before the window.
        { customer: { id: s }, rule: 'TURNED_INACTIVE', lastOrderAt: null, churnedAt: '2025-03-31T23:00:00.000Z', windowStart: '2025-03-01T23:00:00.000Z', conversations: 0, ...zero },
      ]);
    });

    test('one rule at a time; outside the range nothing of March; an empty rule list is BAD_USER_INPUT', async () => {
      const byStatus = await stack.query<Churn>(CHURN, { range: MARCH, rules: ['TURNED_INACTIVE'] });
      assert.deepEqual(byStatus.data!.churnJourneys.customers.map((c) => [c.customer.id, c.rule, c.churnedAt]), [
        [p, 'TURNED_INACTIVE', '2025-03-10T10:00:00.000Z'],
        [t, 'TURNED_INACTIVE', '2025-03-20T09:00:00.000Z'],
        [u, 'TURNED_INACTIVE', '2025-03-31T12:00:00.000Z'],
        [s, 'TURNED_INACTIVE', '2025-03-31T23:00:00.000Z'],
      ]);
      const byOrders = await stack.query<Churn>(CHURN, { range: MARCH, rules: ['STOPPED_ORDERING'] });
      assert.deepEqual(byOrders.data!.churnJourneys.customers.map((c) => [c.customer.id, c.rule, c.lastOrderAt, c.churnedAt, c.windowStart]), [
        [u, 'STOPPED_ORDERING', '2025-03-01T08:00:00.000Z', '2025-03-31T08:00:00.000Z', '2025-01-30T08:00:00.000Z'],
        [t, 'STOPPED_ORDERING', '2025-03-02T08:00:00.000Z', '2025-04-01T08:00:00.000Z', '2025-01-31T08:00:00.000Z'],
      ]);
      const february = await stack.query<Churn>(CHURN, { range: { ...MARCH, from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } });
      assert.deepEqual(february.data!.churnJourneys.customers.map((c) => [c.customer.id, c.rule, c.churnedAt]), [[r, 'TURNED_INACTIVE', '2025-02-20T10:00:00.000Z']]);
      const april = await stack.query<Churn>(CHURN, { range: { ...MARCH, from: '2025-04-01T00:00:00Z', to: '2025-05-01T00:00:00Z' } });
      assert.equal(april.data!.churnJourneys.churned, 0, "S's reactivation in April is no churn");

      const empty: GraphQLResponse<Churn> = await stack.query<Churn>(CHURN, { range: MARCH, rules: [] });
      assert.equal(empty.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(empty.errors?.[0]?.extensions?.argumentName, 'rules');
      const part = await stack.query<{ churnedCustomers: unknown }>('query($range: TimeRangeInput!) { churnedCustomers(range: $range, rules: []) { total } }', { range: MARCH });
      assert.equal(part.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(part.errors?.[0]?.extensions?.argumentName, 'rules');
    });

    test('a status set through the mutation is a churn of the range it falls in', async () => {
      const { data } = await stack.query<SetResult>(SET, { input: { customerId: m, status: 'INACTIVE', reason: 'Moved abroad' } });
      const at = data!.setCustomerStatus!.statusHistory.nodes[0]!.at;
      const around = { from: new Date(Date.parse(at) - 86_400_000).toISOString(), to: new Date(Date.parse(at) + 86_400_000).toISOString(), timeZone: 'UTC' };
      const churn = await stack.query<Churn>(CHURN, { range: around, rules: ['TURNED_INACTIVE'] });
      const journey = churn.data!.churnJourneys.customers.find((c) => c.customer.id === m);
      assert.deepEqual([journey?.rule, journey?.churnedAt, journey?.windowStart], ['TURNED_INACTIVE', at, new Date(Date.parse(at) - 30 * 86_400_000).toISOString()]);
      const before = await stack.query<Churn>(CHURN, { range: { ...around, to: at }, rules: ['TURNED_INACTIVE'] });
      assert.ok(!before.data!.churnJourneys.customers.some((c) => c.customer.id === m), 'the range ends at the change: `to` is exclusive');
    });
  });
}

customerStatusSuite('SQLite', null, () => Promise.resolve(null));
customerStatusSuite('PostgreSQL', (await postgresReachable()) ? null : POSTGRES_SKIP_REASON, () => tempPostgresSchema('crm_status'));
