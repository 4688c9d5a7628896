/**
 * `Customer.lifetimeValue`: the CNY orders that were not cancelled or returned, summed
 * exactly, one statement for any number of customers; store on SQLite and PostgreSQL,
 * and through the subgraph with `finance:read`.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { openEmbeddedCrmStore } from '../../../subgraphs/crm/source/embedded/open.js';
import type { CrmSeed, OrderRecord, OrderStatus } from '../../../subgraphs/crm/source/records.js';
import type { SqlCrmStore } from '../../../subgraphs/crm/source/embedded/store.js';
import { CUSTOMER_COUNT, crmFixture, customerId, startCrm, type RunningCrm } from '../fixture.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../../support/databases.js';
import { internalHeaders, viewer } from '../../support/viewers.js';

function extraOrder(k: number, status: OrderStatus, total: string, currency = 'CNY'): OrderRecord {
  return { id: `ord_lv_${k}`, customerId: 'cus_000005', number: `LV-${k}`, status, total, currency, placedAt: `2026-06-0${k}T00:00:00.000Z`, shipment: null };
}

/**
 * cus_000005 has the fixture's one order (`100.50`, DELIVERED) plus these: only the PENDING
 * one counts (`0.05`): 100.55. cus_000001: 12 orders `100.50` … `111.50` = 1272.00.
 * cus_000004 has no orders: 0.00.
 */
function seed(): CrmSeed {
  const fixture = crmFixture();
  fixture.orders.push(
    extraOrder(1, 'CANCELLED', '999.99'),
    extraOrder(2, 'RETURNED', '10.00'),
    extraOrder(3, 'PAID', '20.00', 'USD'),
    extraOrder(4, 'PENDING', '0.05'),
  );
  return fixture;
}

function storeSuite(dialect: string, openTestDatabase: () => Promise<TempDatabase>) {
  describe(`lifetime values on ${dialect}`, () => {
    let database: TempDatabase;
    let store: SqlCrmStore;
    beforeAll(async () => {
      database = await openTestDatabase();
      store = await openEmbeddedCrmStore(database.config);
      await store.loadSeed(seed());
    });
    afterAll(async () => {
      await store?.close();
      await database?.cleanup();
    });

    test('sums CNY orders that are not cancelled or returned, per id in order, in one statement', async () => {
      let statements = 0;
      const stop = store.database.onStatement(() => (statements += 1));
      let values: string[];
      try {
        values = await store.lifetimeValuesByCustomerIds(['cus_000005', 'cus_000001', 'cus_000004', 'cus_999999', 'cus_000005']);
      } finally {
        stop();
      }
      assert.deepEqual(values, ['100.55', '1272.00', '0.00', '0.00', '100.55']);
      assert.equal(statements, 1);
      assert.deepEqual(await store.lifetimeValuesByCustomerIds([]), []);
    });
  });
}

storeSuite('SQLite', () => tempSqlite('crm'));

if (await postgresReachable()) {
  storeSuite('PostgreSQL', () => tempPostgresSchema('crm_ltv'));
} else {
  test('lifetime values on PostgreSQL', (t) => {
    t.skip(POSTGRES_SKIP_REASON);
  });
}

describe('Customer.lifetimeValue through the CRM subgraph', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm(seed());
  });
  afterAll(async () => {
    await crm?.close();
  });

  const LIST = /* GraphQL */ `query ($first: Int) { customers(first: $first) { nodes { id lifetimeValue } } }`;
  type List = { customers: { nodes: { id: string; lifetimeValue: string | null }[] } };

  test('for finance, every customer of a page, with one more statement however many customers', async () => {
    const finance = await internalHeaders(viewer('finance'));
    const small = await crm.countStatements(() => crm.query<List>(LIST, { first: 2 }, finance));
    const large = await crm.countStatements(() => crm.query<List>(LIST, { first: CUSTOMER_COUNT }, finance));
    assert.equal(large.result.errors, undefined);
    assert.equal(small.statements, large.statements);
    const values = new Map(large.result.data!.customers.nodes.map((n) => [n.id, n.lifetimeValue]));
    assert.equal(values.size, CUSTOMER_COUNT);
    assert.equal(values.get('cus_000005'), '100.55');
    assert.equal(values.get('cus_000001'), '1272.00');
    assert.equal(values.get(customerId(4)), '0.00');

    const withoutField = await crm.countStatements(() => crm.query(`{ customers(first: ${CUSTOMER_COUNT}) { nodes { id } } }`, {}, finance));
    assert.equal(large.statements, withoutField.statements + 1);
  });

  test('an agent (no finance:read) gets null and FORBIDDEN', async () => {
    const { data, errors } = await crm.query<{ customer: { lifetimeValue: string | null } }>(
      `{ customer(id: "cus_000001") { lifetimeValue } }`,
      {},
      await internalHeaders(viewer('agent')),
    );
    assert.equal(data?.customer.lifetimeValue, null);
    assert.equal(errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
