/**
 * The ticket roll-ups give what the raw tickets give: on a generated data set (the seed
 * generator, 400 customers, ~800 tickets) loaded through `loadSeed`, and after live changes
 * (tickets created, solved, reopened) through the store, every metric of `ticketMetrics` for
 * every grouping, over ranges on and off the hour and in zones with whole- and half-hour
 * offsets, and `ticketMetricsByTier`, equal the computation over raw tickets; percentiles
 * within their documented bound (exact below 128 s, else within half a bucket, at most 1/32).
 * The rebuild leaves the roll-ups as maintenance on write left them. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import { deriveMultiDayBlocks } from '../../subgraphs/shared/reporting/histograms.js';
import type { TicketGrouping } from '../../subgraphs/tickets/reports/ticket-metrics-sql.js';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';
import { assertRollupsMatch } from './stores.js';

const pgReachable = await postgresReachable();
const DAY_MS = 86_400_000;
// The data set ends tomorrow (UTC), so live changes made now fall inside it.
const ANCHOR_MS = (Math.floor(Date.now() / DAY_MS) + 1) * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const GROUPINGS: (TicketGrouping | null)[] = [null, 'HOUR', 'DAY', 'PRIORITY', 'CHANNEL', 'ASSIGNEE', 'TEAM'];
const RANGES = [
  { name: '30 days on UTC days', range: { from: iso(ANCHOR_MS - 30 * DAY_MS), to: iso(ANCHOR_MS), timeZone: 'UTC' } },
  { name: '7 days in Asia/Shanghai', range: { from: iso(ANCHOR_MS - 7 * DAY_MS - 8 * 3_600_000), to: iso(ANCHOR_MS - 8 * 3_600_000), timeZone: 'Asia/Shanghai' } },
  { name: '5 days in Asia/Kolkata (half-hour offset)', range: { from: iso(ANCHOR_MS - 5 * DAY_MS - 5.5 * 3_600_000), to: iso(ANCHOR_MS - 5.5 * 3_600_000), timeZone: 'Asia/Kolkata' } },
  { name: 'off the hour, 3 days', range: { from: iso(ANCHOR_MS - 3 * DAY_MS - 4_321_000), to: iso(ANCHOR_MS - 1_234_000), timeZone: 'America/New_York' } },
  { name: '90 days', range: { from: iso(ANCHOR_MS - 90 * DAY_MS), to: iso(ANCHOR_MS), timeZone: 'UTC' } },
];

function suite(dialect: 'sqlite' | 'postgres', skip: string | false) {
  describe.skipIf(skip)(skipNote(`ticket roll-ups equal raw tickets on ${dialect}`, skip), () => {
    let temp: TempDatabase;
    let store: SqlTicketStore;
    let rollups: SqlTicketReports;
    let raw: SqlTicketReports;

    beforeAll(async () => {
      temp = dialect === 'sqlite' ? await tempSqlite('ticket_rollups') : await tempPostgresSchema('ticket_rollups');
      store = await openEmbeddedTicketsSource(temp.config);
      for (const chunk of generateDataset({ seed: 7, customers: 400, anchor: iso(ANCHOR_MS) })) await store.loadSeed(chunk.tickets);
      rollups = new SqlTicketReports(store.database.db);
      raw = new SqlTicketReports(store.database.db, undefined, 'raw');
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await temp?.cleanup();
    });

    async function assertSame(label: string): Promise<number> {
      let compared = 0;
      for (const { name, range } of RANGES) {
        for (const groupBy of GROUPINGS) {
          if (groupBy === 'HOUR' && Date.parse(range.to) - Date.parse(range.from) > 31 * DAY_MS) continue;
          const args = { range, groupBy };
          assertRollupsMatch(await rollups.ticketMetrics(args), await raw.ticketMetrics(args), `${label}: ${name}, groupBy ${groupBy ?? 'none'}`);
          compared += 1;
        }
        assertRollupsMatch(await rollups.ticketMetricsByTier(range), await raw.ticketMetricsByTier(range), `${label}: ${name}, by tier`);
      }
      return compared;
    }

    it('gives every metric of every grouping as the raw tickets do, after a bulk load', async () => {
      const report = await raw.ticketMetrics({ range: RANGES[4]!.range, groupBy: 'PRIORITY' });
      // The comparison means something: tickets created, solved and breached, replied to after minutes and hours.
      assert.ok(report.totals.created > 100 && report.totals.solved > 50 && report.totals.slaBreached > 0, JSON.stringify(report.totals));
      assert.ok((report.totals.resolutionTime.median ?? 0) >= 128, 'resolution times fall in buckets wider than a second');
      assert.ok((await raw.ticketMetricsByTier(RANGES[4]!.range)).length >= 3);
      assert.equal(await assertSame('after loadSeed'), 34);
    });

    it('a seed loaded with its roll-ups deferred and summed once (the seed command) leaves what maintenance per chunk leaves', async () => {
      const deferredTemp = dialect === 'sqlite' ? await tempSqlite('ticket_rollups_deferred') : await tempPostgresSchema('ticket_rollups_deferred');
      const deferred = await openEmbeddedTicketsSource(deferredTemp.config);
      try {
        for (const chunk of generateDataset({ seed: 7, customers: 400, anchor: iso(ANCHOR_MS) })) await deferred.loadSeed(chunk.tickets, { deferReports: true });
        const rows = (db: typeof store.database.db) => sql<Record<string, unknown>>`SELECT * FROM ticket_rollups ORDER BY dimension, grain, hour, key, measure, bucket`.execute(db).then((r) => r.rows);
        assert.equal((await rows(deferred.database.db)).length, 0, 'nothing summed while deferred');
        await deferred.rebuildReports();
        const expected = await rows(store.database.db);
        assert.ok(expected.length > 0);
        assert.deepEqual(await rows(deferred.database.db), expected);
      } finally {
        await deferred.close();
        await deferredTemp.cleanup();
      }
    }, 120_000);

    it('stays equal as tickets are created, solved and reopened, and the rebuild changes nothing', async () => {
      const open = await sql<{ id: string; status: string }>`SELECT id, status FROM tickets WHERE status IN ('NEW', 'OPEN', 'PENDING', 'HOLD') ORDER BY id LIMIT 6`.execute(store.database.db);
      for (const { id } of open.rows) await store.changeStatus(id, 'SOLVED');
      for (const { id } of open.rows.slice(0, 2)) await store.changeStatus(id, 'OPEN');
      for (const [i, priority] of (['URGENT', 'LOW', 'NORMAL'] as const).entries()) {
        await store.createTicket({ idempotencyKey: `rollups-${i}`, requesterId: `cus_00000${i + 1}`, subject: 'Live', priority, assigneeId: i === 0 ? 'agt_001' : null });
      }
      const live = await raw.ticketMetrics({ range: RANGES[0]!.range });
      assert.ok(live.totals.created >= 3);
      assert.equal(await assertSame('after live changes'), 34);

      const db = store.database.db;
      const snapshot = () => sql<Record<string, unknown>>`SELECT * FROM ticket_rollups ORDER BY dimension, grain, hour, key, measure, bucket`.execute(db).then((r) => r.rows);
      const maintained = await snapshot();
      assert.ok(maintained.length > 0);
      await store.rebuildReports();
      assert.deepEqual(await snapshot(), maintained);
      // Migration 0007's derivation of the 4- and 16-day blocks from the one-day blocks gives what writes keep.
      assert.ok(maintained.some((row) => Number(row.grain) === 96 && row.dimension === 'ASSIGNEE'));
      await deriveMultiDayBlocks(db, 'ticket_rollups');
      assert.deepEqual(await snapshot(), maintained);
    }, 120_000);
  });
}

suite('sqlite', false);
suite('postgres', pgReachable ? false : POSTGRES_SKIP_REASON);
