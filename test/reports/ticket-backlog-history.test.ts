/**
 * Ticket status history and the backlog computed from it, on SQLite and (when reachable)
 * PostgreSQL: tickets created and moved at fixed instants (the clock is set for each write),
 * then the backlog per DAY and at the end of ranges compared with the hand-computed one. A
 * ticket solved, reopened and solved again is in the backlog exactly while it was open.
 */
import { afterAll, afterEach, beforeAll, describe, it, vi } from 'vitest';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import type { ChangeEventTables } from '../../subgraphs/shared/change-events/tables.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import type { TicketStatus } from '../../subgraphs/tickets/source/records.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

const pgReachable = await postgresReachable();

function suite(dialect: 'sqlite' | 'postgres', skip: string | false) {
  describe.skipIf(skip)(skipNote(`ticket backlog from status history on ${dialect}`, skip), () => {
    let temp: TempDatabase;
    let store: SqlTicketStore;
    let reports: SqlTicketReports;
    const ids: Record<string, string> = {};

    async function at<T>(instant: string, write: () => Promise<T>): Promise<T> {
      vi.setSystemTime(new Date(instant));
      try {
        return await write();
      } finally {
        vi.useRealTimers();
      }
    }
    const move = (name: string, status: TicketStatus, instant: string) => at(instant, () => store.changeStatus(ids[name]!, status));

    beforeAll(async () => {
      temp = dialect === 'sqlite' ? await tempSqlite('backlog_history') : await tempPostgresSchema('backlog_history');
      store = (await openEmbeddedTicketsSource(temp.config)) as SqlTicketStore;
      reports = new SqlTicketReports(store.database.db, () => '2026-11-10T00:00:00.000Z');
      vi.useFakeTimers({ toFake: ['Date'] });
      const create = (name: string, priority: 'HIGH' | 'NORMAL', instant: string) =>
        at(instant, async () => {
          ids[name] = (await store.createTicket({ idempotencyKey: `backlog-${name}`, requesterId: 'cus_000001', subject: name, priority })).id;
        });
      // A: created 11-01, solved 11-02, reopened 11-03, solved again 11-05.
      await create('A', 'HIGH', '2026-11-01T10:00:00.000Z');
      await move('A', 'SOLVED', '2026-11-02T10:00:00.000Z');
      await move('A', 'OPEN', '2026-11-03T10:00:00.000Z');
      await move('A', 'SOLVED', '2026-11-05T10:00:00.000Z');
      // B: created 11-02, pending (still open), solved 11-04, closed 11-06 (no backlog change).
      await create('B', 'NORMAL', '2026-11-02T12:00:00.000Z');
      await move('B', 'PENDING', '2026-11-02T13:00:00.000Z');
      await move('B', 'SOLVED', '2026-11-04T09:00:00.000Z');
      await move('B', 'CLOSED', '2026-11-06T09:00:00.000Z');
      // C: created 11-03, never touched.
      await create('C', 'NORMAL', '2026-11-03T08:00:00.000Z');
    });
    afterEach(() => vi.useRealTimers());
    afterAll(async () => {
      await store?.close();
      await temp?.cleanup();
    });

    it('records every status a ticket entered, in order, with its backlog change', async () => {
      const rows = await store.database.db
        .selectFrom('ticket_status_history')
        .select(['seq', 'status', 'previous_status', 'at', 'backlog_delta'])
        .where('ticket_id', '=', ids.A!)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => [Number(r.seq), r.status, r.previous_status, r.at, Number(r.backlog_delta)]),
        [
          [1, 'NEW', null, '2026-11-01T10:00:00.000Z', 1],
          [2, 'SOLVED', 'NEW', '2026-11-02T10:00:00.000Z', -1],
          [3, 'OPEN', 'SOLVED', '2026-11-03T10:00:00.000Z', 1],
          [4, 'SOLVED', 'OPEN', '2026-11-05T10:00:00.000Z', -1],
        ],
      );
    });

    it('gives the backlog at the end of each day from the history, not from the last solve', async () => {
      const report = await reports.ticketMetrics({ range: { from: '2026-11-01T00:00:00Z', to: '2026-11-07T00:00:00Z', timeZone: 'UTC' }, groupBy: 'DAY' });
      // End of 11-01: A. 11-02: B (A solved). 11-03: A reopened, B, C. 11-04: A, C (B solved).
      // 11-05: C (A solved again). 11-06: C (B closed: already out).
      assert.deepEqual(
        report.groups.map((g) => [g.key?.slice(0, 10), g.created, g.solved, g.backlog]),
        [
          ['2026-11-01', 1, 0, 1],
          ['2026-11-02', 1, 0, 1], // A's solve on 11-02 no longer counts as solved (its solvedAt is 11-05)
          ['2026-11-03', 1, 0, 3],
          ['2026-11-04', 0, 1, 2],
          ['2026-11-05', 0, 1, 1],
          ['2026-11-06', 0, 0, 1],
        ],
      );
      assert.equal(report.totals.backlog, 1);
    });

    it('gives the backlog at the end of a range per group, from the status in effect then', async () => {
      const at0203 = await reports.ticketMetrics({ range: { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z', timeZone: 'UTC' } });
      assert.equal(at0203.totals.backlog, 1, 'only B: A was solved on 11-02 (a backlog from the current solvedAt would say 2)');
      const at0204 = await reports.ticketMetrics({ range: { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z', timeZone: 'UTC' }, groupBy: 'PRIORITY' });
      assert.deepEqual(at0204.groups.map((g) => [g.key, g.backlog]), [['HIGH', 1], ['NORMAL', 2]]);
      const before = await reports.ticketMetrics({ range: { from: '2026-10-01T00:00:00Z', to: '2026-11-01T10:00:00Z', timeZone: 'UTC' } });
      assert.equal(before.totals.backlog, 0, 'A is created at 10:00, the range ends before it ([from, to))');
    });

    it('stores category and tags at creation and on update, and refuses codes of another shape', async () => {
      const created = await store.createTicket({ idempotencyKey: 'classified', requesterId: 'cus_000002', subject: 'Refund', category: 'billing', tags: ['refund', 'vip', 'refund'] });
      assert.equal(created.category, 'billing');
      assert.deepEqual(created.tags, ['refund', 'vip']);
      const [read] = await store.ticketsByIds([created.id]);
      assert.deepEqual([read?.category, read?.tags], ['billing', ['refund', 'vip']]);
      const updated = await store.classifyTicket(created.id, 'delivery', []);
      assert.deepEqual([updated.category, updated.tags], ['delivery', []]);
      // The change is announced (ticket.classified) in its transaction; the same classification again announces nothing.
      const classified = async () =>
        (await store.database.db.withTables<ChangeEventTables>().selectFrom('change_events').select(['type', 'data']).where('subject_id', '=', created.id).where('type', '=', 'TICKET_CLASSIFIED').execute()).map((row) => JSON.parse(row.data) as Record<string, unknown>);
      assert.deepEqual(
        (await classified()).map((d) => [d.category, d.tags, d.previousCategory, d.previousTags]),
        [['delivery', [], 'billing', ['refund', 'vip']]],
      );
      await store.classifyTicket(created.id, 'delivery', []);
      assert.equal((await classified()).length, 1);
      const refused = await store.createTicket({ idempotencyKey: 'bad-class', requesterId: 'cus_000002', subject: 'x', category: 'Billing Issue', tags: ['ok', '1bad'] }).catch((e: unknown) => e);
      assert.ok(refused instanceof GraphQLError);
      assert.equal(refused.extensions.code, 'BAD_USER_INPUT');
      assert.deepEqual((refused.extensions.problems as { field: string }[]).map((p) => p.field), ['input.category', 'input.tags']);
      const unknown = await store.classifyTicket('tkt_missing', 'billing', []).catch((e: unknown) => e);
      assert.equal((unknown as GraphQLError).extensions.code, 'NOT_FOUND');
      // A retry with the same key and classification replays; a different category is a conflict.
      assert.equal((await store.createTicket({ idempotencyKey: 'classified', requesterId: 'cus_000002', subject: 'Refund', category: 'billing', tags: ['refund', 'vip'] })).id, created.id);
      const conflict = await store.createTicket({ idempotencyKey: 'classified', requesterId: 'cus_000002', subject: 'Refund', category: 'returns', tags: ['refund', 'vip'] }).catch((e: unknown) => e);
      assert.equal((conflict as GraphQLError).extensions.code, 'CONFLICT');
    });
  });
}

suite('sqlite', false);
suite('postgres', pgReachable ? false : POSTGRES_SKIP_REASON);
