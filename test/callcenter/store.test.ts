/**
 * The call center's SQL store, on SQLite and (when reachable) PostgreSQL: the same tests
 * against both dialects, since every query is written once for both.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { decodeCursor } from '../../subgraphs/shared/pagination.js';
import { CUSTOMER_CALLS_CURSOR } from '../../subgraphs/callcenter/source/port.js';
import {
  A1, A2, A_CALLS_NEWEST_FIRST, B1, C1, calls, countStatements, fixture, openPostgresStore, openSqliteStore, type OpenedStore,
} from './fixture.js';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

const pgReachable = await postgresReachable();

function storeTests(dialect: string, open: () => Promise<OpenedStore>, skip: string | false = false) {
  describe.skipIf(skip)(skipNote(`call-center store on ${dialect}`, skip), () => {
    let opened: OpenedStore;
    let emptyBeforeSeed: boolean;
    const store = () => opened.store;

    beforeAll(async () => {
      opened = await open();
      emptyBeforeSeed = await opened.store.isEmpty();
      await opened.store.loadSeed(fixture);
    });
    afterAll(() => opened?.dispose());

    it('is empty before the seed and not after', async () => {
      assert.equal(emptyBeforeSeed, true);
      assert.equal(await store().isEmpty(), false);
    });

    it('loads the same seed chunk twice without duplicating anything', async () => {
      await store().loadSeed({ agents: fixture.agents.slice(0, 1), queues: [], calls: calls.slice(0, 2) });
      const [page] = await store().callsByCustomerNumbers([[A1, A2]], { first: 100, after: null });
      assert.equal(page?.totalCount, 6);
      assert.equal((await store().listAgents()).length, 3);
    });

    it('hands out calls exactly as loaded, in input order, null for unknown ids', async () => {
      const result = await store().callsByIds(['call_0000004', 'call_9999999', 'call_0000001', 'call_0000004']);
      assert.deepEqual(result, [calls[3], null, calls[0], calls[3]]);
      assert.deepEqual(await store().callsByIds([]), []);
    });

    it('finds agents and queues by id in input order', async () => {
      assert.deepEqual((await store().agentsByIds(['agt_003', 'agt_404', 'agt_001'])).map((a) => a?.name ?? null), ['Chen Yu', null, 'Ada Li']);
      assert.deepEqual(await store().queuesByIds(['q_support', 'q_nope']), [{ id: 'q_support', name: 'Support' }, null]);
    });

    it('lists agents (of one team) and queues by id', async () => {
      assert.deepEqual((await store().listAgents()).map((a) => a.id), ['agt_001', 'agt_002', 'agt_003']);
      assert.deepEqual((await store().listAgents('team-bj')).map((a) => a.id), ['agt_001', 'agt_003']);
      assert.deepEqual(await store().listAgents('team-nowhere'), []);
      assert.deepEqual((await store().listQueues()).map((q) => q.name), ['Sales', 'Support']);
    });

    it("pages a batch of customers' calls newest first with totals, in one statement", async () => {
      const { result, statements } = await countStatements(store(), () =>
        store().callsByCustomerNumbers([[A1, A2], [B1], [C1], [], [A1]], { first: 4, after: null }),
      );
      assert.equal(statements.length, 1);
      const [a, b, c, none, aFirstNumberOnly] = result;
      assert.deepEqual(a?.nodes.map((n) => n.id), A_CALLS_NEWEST_FIRST.slice(0, 4));
      assert.equal(a?.totalCount, 6);
      assert.equal(a?.pageInfo.hasNextPage, true);
      assert.deepEqual(decodeCursor(CUSTOMER_CALLS_CURSOR, a?.pageInfo.endCursor ?? ''), { key: '2026-11-03T08:00:00.000Z', id: 'call_0000003' });
      assert.deepEqual(b?.nodes.map((n) => n.id), ['call_0000009', 'call_0000007']);
      assert.equal(b?.totalCount, 2);
      assert.equal(b?.pageInfo.hasNextPage, false);
      assert.deepEqual(c, { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
      assert.deepEqual(none, { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
      assert.deepEqual(aFirstNumberOnly?.nodes.map((n) => n.id), ['call_0000004', 'call_0000003', 'call_0000001']);
    });

    it('continues after a cursor and keeps every total, even for customers with nothing left', async () => {
      const [first] = await store().callsByCustomerNumbers([[A1, A2]], { first: 4, after: null });
      const cursor = decodeCursor(CUSTOMER_CALLS_CURSOR, first?.pageInfo.endCursor ?? '');
      const [a, b] = await store().callsByCustomerNumbers([[A1, A2], [B1]], { first: 4, after: cursor });
      assert.deepEqual(a?.nodes.map((n) => n.id), A_CALLS_NEWEST_FIRST.slice(4));
      assert.equal(a?.totalCount, 6);
      assert.equal(a?.pageInfo.hasNextPage, false);
      // B's newer call lies before A's cursor, its older one after it.
      assert.deepEqual(b?.nodes.map((n) => n.id), ['call_0000007']);
      assert.equal(b?.totalCount, 2);

      const lastCursor = decodeCursor(CUSTOMER_CALLS_CURSOR, a?.pageInfo.endCursor ?? '');
      const [end] = await store().callsByCustomerNumbers([[A1, A2]], { first: 4, after: lastCursor });
      assert.deepEqual(end, { nodes: [], totalCount: 6, pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('tells whether there is more with first: 0', async () => {
      const [a, c] = await store().callsByCustomerNumbers([[A1, A2], [C1]], { first: 0, after: null });
      assert.deepEqual(a, { nodes: [], totalCount: 6, pageInfo: { hasNextPage: true, endCursor: null } });
      assert.equal(c?.pageInfo.hasNextPage, false);
    });

    it("answers a batch without numbers without touching the database", async () => {
      const { result, statements } = await countStatements(store(), () => store().callsByCustomerNumbers([[], []], { first: 10, after: null }));
      assert.equal(statements.length, 0);
      assert.deepEqual(result.map((p) => p.totalCount), [0, 0]);
    });

    it("finds each customer's most recent call in one statement", async () => {
      const { result, statements } = await countStatements(store(), () => store().lastCallByCustomerNumbers([[A2, A1], [B1], [C1], []]));
      assert.equal(statements.length, 1);
      assert.deepEqual(result.map((c) => c?.id ?? null), ['call_0000006', 'call_0000009', null, null]);
    });
  });
}

storeTests('SQLite', openSqliteStore);
storeTests('PostgreSQL', openPostgresStore, pgReachable ? false : POSTGRES_SKIP_REASON);
