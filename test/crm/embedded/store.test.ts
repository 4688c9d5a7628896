/**
 * The CRM store (the one SQL adapter) against SQLite and, when reachable, PostgreSQL:
 * the same tests, so every query is known to work on both dialects.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { openDatabase } from '../../../subgraphs/shared/database.js';
import { pageArgs } from '../../../subgraphs/shared/pagination.js';
import { CursorKind } from '../../../subgraphs/crm/source/port.js';
import { openEmbeddedCrmStore } from '../../../subgraphs/crm/source/embedded/open.js';
import type { SqlCrmStore } from '../../../subgraphs/crm/source/embedded/store.js';
import { CUSTOMER_COUNT, SHARED_NUMBER, crmFixture, customerId, newestFirst, orderCount } from '../fixture.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../../support/databases.js';

const code = (expected: string) => (error: unknown) => {
  assert.equal((error as GraphQLError).extensions?.code, expected, (error as Error).message);
  return true;
};

function storeSuite(dialect: string, openTestDatabase: () => Promise<TempDatabase>) {
  describe(`CRM store on ${dialect}`, () => {
    const fixture = crmFixture();
    let database: TempDatabase;
    let store: SqlCrmStore;
    const counted = async <T>(fn: () => Promise<T>) => {
      let statements = 0;
      const stop = store.database.onStatement(() => {
        statements += 1;
      });
      try {
        return { result: await fn(), statements };
      } finally {
        stop();
      }
    };

    beforeAll(async () => {
      database = await openTestDatabase();
      store = await openEmbeddedCrmStore(database.config);
    });
    afterAll(async () => {
      await store?.close();
      await database?.cleanup();
    });

    test('loads a seed chunk in one go and migrations are idempotent', async () => {
      assert.equal(await store.isEmpty(), true);
      await store.loadSeed(fixture);
      assert.equal(await store.isEmpty(), false);
      const again = await openEmbeddedCrmStore(database.config);
      await again.close();
      const [first] = await store.customersByIds(['cus_000001']);
      assert.deepEqual(first, fixture.customers[0]);
    });

    test('a database created before phone extensions gains the column and keeps its numbers', async () => {
      const old = await openTestDatabase();
      const raw = openDatabase<Record<string, never>>(old.config);
      try {
        // The customer_phones table as the first release created it: no extension column.
        await sql`create table customer_phones (customer_id text not null, position integer not null, raw text not null, e164 text not null, type text not null, primary key (customer_id, position))`.execute(raw.db);
        await sql`insert into customer_phones values ('cus_000001', 0, '138 0013 8000', '+8613800138000', 'MOBILE')`.execute(raw.db);
      } finally {
        await raw.close();
      }
      const upgraded = await openEmbeddedCrmStore(old.config);
      try {
        await upgraded.loadSeed({ owners: [], customers: [{ ...fixture.customers[0]!, phones: [] }], orders: [], activities: [] });
        const [found] = await upgraded.customersByPhoneNumbers(['+8613800138000']);
        assert.deepEqual(found?.map((c) => c.phones), [[{ raw: '138 0013 8000', e164: '+8613800138000', extension: null, type: 'MOBILE' }]]);
        const updated = await upgraded.updateContact('cus_000001', { phones: [{ number: '010-65529988转8001', type: 'WORK' }] });
        assert.deepEqual(updated.phones, [{ raw: '010-65529988转8001', e164: '+861065529988', extension: '8001', type: 'WORK' }]);
        // Migrating again is a no-op.
        await (await openEmbeddedCrmStore(old.config)).close();
      } finally {
        await upgraded.close();
        await old.cleanup();
      }
    });

    test('customersByIds keeps order, repeats and unknown ids, in 3 statements for 50 ids', async () => {
      const ids = [...Array.from({ length: 50 }, (_, i) => customerId(i + 1)), 'cus_999999', 'cus_000002'];
      const { result, statements } = await counted(() => store.customersByIds(ids));
      assert.equal(statements, 3);
      assert.deepEqual(result.map((c) => c?.id ?? null), [...ids.slice(0, 50), null, 'cus_000002']);
      assert.deepEqual(result[2], fixture.customers[2]);
    });

    test('customersByPhoneNumbers returns every holder of each number', async () => {
      const lists = await store.customersByPhoneNumbers([SHARED_NUMBER, '+861065529988', '+12025550100']);
      assert.deepEqual(lists.map((list) => list.map((c) => c.id)), [['cus_000002', 'cus_000003'], ['cus_000001'], []]);
    });

    test('searchCustomers: pages, totals, tier, name and phone in another format', async () => {
      const first = await store.searchCustomers({}, pageArgs(CursorKind.customers, 40, null));
      assert.equal(first.totalCount, CUSTOMER_COUNT);
      assert.equal(first.pageInfo.hasNextPage, true);
      const second = await store.searchCustomers({}, pageArgs(CursorKind.customers, 40, first.pageInfo.endCursor));
      assert.equal(second.pageInfo.hasNextPage, false);
      assert.deepEqual([...first.nodes, ...second.nodes].map((c) => c.id), newestFirst(fixture.customers));

      const named = await store.searchCustomers({ search: 'wang FANG' }, pageArgs(CursorKind.customers, 10, null));
      assert.deepEqual(named.nodes.map((c) => c.id), ['cus_000003']);
      const byPhone = await store.searchCustomers({ search: '+86 (139) 0013-9000', tier: 'SILVER' }, pageArgs(CursorKind.customers, 10, null));
      assert.deepEqual(byPhone.nodes.map((c) => c.id), ['cus_000003']);
      assert.equal(byPhone.totalCount, 1);
      const wildcard = await store.searchCustomers({ search: '_' }, pageArgs(CursorKind.customers, 10, null));
      assert.deepEqual(wildcard.nodes.map((c) => c.id), ['cus_000004']);
    });

    test('ordersByCustomerIds: one statement, one page per customer, totals even when a page is empty', async () => {
      const ids = Array.from({ length: 50 }, (_, i) => customerId(i + 1));
      const { result: pages, statements } = await counted(() => store.ordersByCustomerIds(ids, pageArgs(CursorKind.orders, 3, null)));
      assert.equal(statements, 1);
      pages.forEach((page, i) => {
        assert.equal(page.totalCount, orderCount(i + 1));
        assert.equal(page.nodes.length, Math.min(3, orderCount(i + 1)));
      });
      // A cursor inside cus_000001's orders: cus_000005's only order is newer, so its page is empty but counted.
      const next = await store.ordersByCustomerIds(['cus_000001', 'cus_000005', 'cus_000004'], pageArgs(CursorKind.orders, 3, pages[0]!.pageInfo.endCursor));
      assert.deepEqual(next.map((p) => [p.totalCount, p.nodes.length, p.pageInfo.hasNextPage]), [[12, 3, true], [1, 0, false], [0, 0, false]]);
      assert.deepEqual(next[0]!.nodes.map((o) => o.id), ['ord_000001_08', 'ord_000001_07', 'ord_000001_06']);
      assert.deepEqual(next[0]!.nodes[0], fixture.orders.find((o) => o.id === 'ord_000001_08'));
    });

    test('activitiesByCustomerIds filters by type in one statement', async () => {
      const { result, statements } = await counted(() =>
        store.activitiesByCustomerIds(['cus_000001', 'cus_000002'], ['CHAT_TRANSCRIPT', 'NOTE'], pageArgs(CursorKind.activities, 100, null)),
      );
      assert.equal(statements, 1);
      assert.equal(result[0]!.totalCount, 17);
      assert.ok(result[0]!.nodes.every((a) => a.type !== 'CALL_LOG'));
      assert.deepEqual(result[1]!.nodes.map((a) => a.type), ['CHAT_TRANSCRIPT', 'NOTE']);
      assert.deepEqual(result[1]!.nodes[0]!.messages, [{ from: 'customer', at: '2026-03-25T08:00:00.000Z', text: 'Hello?' }]);
    });

    test('updateContact validates everything before writing anything', async () => {
      const before = (await store.customersByIds(['cus_000020']))[0]!;
      await assert.rejects(
        store.updateContact('cus_000020', { emails: ['x@example.com'], phones: [{ number: '138 0013 8002', type: 'MOBILE' }, { number: 'call me', type: 'HOME' }] }),
        (error: unknown) => code('BAD_USER_INPUT')(error) && (error as GraphQLError).extensions.argumentName === 'phones[1].number',
      );
      assert.deepEqual((await store.customersByIds(['cus_000020']))[0], before);
      await assert.rejects(store.updateContact('cus_999999', { emails: [] }), code('NOT_FOUND'));
      const updated = await store.updateContact('cus_000020', { phones: [{ number: '010-65529988', type: 'WORK' }] });
      assert.deepEqual(updated.phones, [{ raw: '010-65529988', e164: '+861065529988', extension: null, type: 'WORK' }]);
      assert.deepEqual(updated.emails, before.emails);
      const holders = await store.customersByPhoneNumbers(['+861065529988']);
      assert.deepEqual(holders[0]!.map((c) => c.id), ['cus_000001', 'cus_000020']);
    });

    test('addNote trims, validates and bumps lastContactAt', async () => {
      await assert.rejects(store.addNote('cus_000021', ' \n ', 'own_01'), code('BAD_USER_INPUT'));
      await assert.rejects(store.addNote('cus_999999', 'hello', 'own_01'), code('NOT_FOUND'));
      const note = await store.addNote('cus_000021', '  Wants a callback.  ', 'own_01');
      assert.equal(note.body, 'Wants a callback.');
      const [customer] = await store.customersByIds(['cus_000021']);
      assert.equal(customer?.lastContactAt, note.at);
      assert.equal(customer?.updatedAt, note.at);
      const [page] = await store.activitiesByCustomerIds(['cus_000021'], ['NOTE'], pageArgs(CursorKind.activities, 1, null));
      assert.deepEqual(page!.nodes[0], note);
    });

    test('recordCallLog writes a call exactly once per customer and call id', async () => {
      const input = {
        customerId: 'cus_000030',
        callId: 'call_9000001',
        at: '2026-05-01T10:00:00.000Z',
        author: 'agt_001',
        durationSeconds: 95,
        agentId: 'agt_001',
        disposition: 'ANSWERED',
        recordingRef: 'rec/9000001.ogg',
      };
      const created = await store.recordCallLog(input);
      assert.equal(created.type, 'CALL_LOG');
      const repeated = await store.recordCallLog({ ...input, durationSeconds: 1 });
      assert.deepEqual(repeated, created);
      // Concurrent deliveries of one new call: still one row.
      const racing = await Promise.all([1, 2, 3].map(() => store.recordCallLog({ ...input, callId: 'call_9000002' })));
      assert.equal(new Set(racing.map((a) => a.id)).size, 1);
      const [timeline] = await store.activitiesByCustomerIds(['cus_000030'], ['CALL_LOG'], pageArgs(CursorKind.activities, 100, null));
      assert.deepEqual(timeline!.nodes.filter((a) => a.callId === 'call_9000001'), [created]);
      assert.equal(timeline!.nodes.filter((a) => a.callId === 'call_9000002').length, 1);
      assert.equal(timeline!.totalCount, 3);
      // The same call may be on another customer's timeline.
      const other = await store.recordCallLog({ ...input, customerId: 'cus_000031' });
      assert.notEqual(other.id, created.id);

      const [customer] = await store.customersByIds(['cus_000030']);
      assert.equal(customer?.lastContactAt, '2026-05-01T10:00:00.000Z');
      // An older call never moves lastContactAt back.
      await store.recordCallLog({ ...input, callId: 'call_9000003', at: '2026-04-01T10:00:00.000Z' });
      assert.equal((await store.customersByIds(['cus_000030']))[0]?.lastContactAt, '2026-05-01T10:00:00.000Z');

      await assert.rejects(store.recordCallLog({ ...input, customerId: 'cus_999999' }), code('NOT_FOUND'));
      await assert.rejects(store.recordCallLog({ ...input, callId: 'call_9000004', durationSeconds: -5 }), code('BAD_USER_INPUT'));
    });
  });
}

storeSuite('SQLite', () => tempSqlite('crm'));

if (await postgresReachable()) {
  storeSuite('PostgreSQL', () => tempPostgresSchema('crm_test'));
} else {
  test('CRM store on PostgreSQL', (t) => {
    t.skip(POSTGRES_SKIP_REASON);
  });
}
