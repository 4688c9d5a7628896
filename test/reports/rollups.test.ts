/**
 * The hourly roll-ups give what the raw rows give: on a generated data set (the seed
 * generator, 400 customers, ~4,000 calls) loaded through `loadSeed`, and after live CTI events
 * applied through the event store (calls created, answered, abandoned, ended, and one whose
 * offer time a late event moves to another hour), every metric of `callCenterMetrics` for
 * every grouping, over ranges on and off the hour and in zones with whole- and half-hour
 * offsets, and `callMetricsByTier`, equal the computation over raw calls. Also: the
 * rebuild leaves the roll-ups as maintenance on write left them, and a seed loaded with them
 * deferred and summed once at the end gets what maintenance per chunk gives. Percentiles come from
 * bucketed histograms: each is checked against the exact raw value within its documented
 * bound (exact below 128 s, else within half a bucket, at most 1/32); everything else,
 * repeat contacts and first-contact resolution included, is equal. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import { deriveDayRollups } from '../../subgraphs/callcenter/reports/call-rollups.js';
import { bucketErrorBound } from '../../subgraphs/callcenter/reports/call-histograms.js';
import { deriveMultiDayBlocks } from '../../subgraphs/shared/reporting/histograms.js';
import type { CallMetricsReport, CallMetricsValues } from '../../subgraphs/callcenter/reports/call-metrics.js';
import { SqlCallEventStore } from '../../subgraphs/callcenter/events/sql-event-store.js';
import type { AcceptedEvent, CallEventType, CtiEvent } from '../../subgraphs/callcenter/cti/event.js';
import type { CallGrouping } from '../../subgraphs/callcenter/reports/call-metrics-sql.js';
import { callerIdentity, isContact } from '../../subgraphs/callcenter/reports/call-definitions.js';
import { generateDataset } from '../../subgraphs/devdata/seed/generate.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

const pgReachable = await postgresReachable();
const ANCHOR = '2026-11-01T00:00:00.000Z';
const GROUPINGS: (CallGrouping | null)[] = [null, 'HOUR', 'DAY', 'QUEUE', 'AGENT', 'TEAM'];
const RANGES = [
  { name: '30 days on UTC days', range: { from: '2026-10-02T00:00:00Z', to: ANCHOR, timeZone: 'UTC' } },
  { name: '7 days in Asia/Shanghai', range: { from: '2026-10-24T16:00:00Z', to: '2026-10-31T16:00:00Z', timeZone: 'Asia/Shanghai' } },
  { name: '5 days in Asia/Kolkata (half-hour offset)', range: { from: '2026-10-26T18:30:00Z', to: '2026-10-31T18:30:00Z', timeZone: 'Asia/Kolkata' } },
  { name: 'off the hour, 3 days', range: { from: '2026-10-28T07:17:41Z', to: '2026-10-31T13:02:09Z', timeZone: 'America/New_York' } },
  { name: 'inside one hour', range: { from: '2026-10-30T10:05:00Z', to: '2026-10-30T10:55:00Z', timeZone: 'UTC' } },
];

/** An internal CTI event of `callId` at `at`. */
function ctiEvent(callId: string, type: CallEventType, at: string, extra: Partial<CtiEvent> = {}): AcceptedEvent {
  const event: CtiEvent = {
    id: `evt_${callId}_${type}_${at}`,
    callId,
    parentCallId: null,
    type,
    at,
    sequence: null,
    from: null,
    to: null,
    direction: null,
    queueId: null,
    agentId: null,
    disconnectReason: null,
    ...extra,
  };
  return { event, source: 'internal', raw: {} };
}

function suite(dialect: 'sqlite' | 'postgres', skip: string | false) {
  describe.skipIf(skip)(skipNote(`call roll-ups equal raw rows on ${dialect}`, skip), () => {
    let temp: TempDatabase;
    let store: SqlCallCenterStore;
    let rollups: SqlCallReports;
    let raw: SqlCallReports;

    beforeAll(async () => {
      temp = dialect === 'sqlite' ? await tempSqlite('rollups') : await tempPostgresSchema('rollups');
      store = await openCallCenterSource(temp.config);
      for (const chunk of generateDataset({ seed: 7, customers: 400, anchor: ANCHOR })) await store.loadSeed(chunk.callcenter);
      rollups = new SqlCallReports(store.database.db);
      raw = new SqlCallReports(store.database.db, 'raw');
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await temp?.cleanup();
    });

    /** The report with its percentiles set aside, and the percentiles as [path, value] pairs. */
    function split(report: CallMetricsReport): { rest: unknown; percentiles: [string, number | null][] } {
      const percentiles: [string, number | null][] = [];
      const strip = (values: CallMetricsValues, at: string) => {
        percentiles.push([`${at}.waitTime.median`, values.waitTime.median], [`${at}.waitTime.p90`, values.waitTime.p90]);
        percentiles.push([`${at}.handleTime.median`, values.handleTime.median], [`${at}.handleTime.p90`, values.handleTime.p90]);
        return { ...values, waitTime: null, handleTime: null };
      };
      return { rest: { ...report, totals: strip(report.totals, 'totals'), groups: report.groups.map((g) => strip(g, `group ${g.key}`)) }, percentiles };
    }

    /** Counts, rates and repeat figures equal; each percentile exact below 128 s, else within half its bucket (<= 1/32) of the exact one. */
    function assertMatches(fromRollups: CallMetricsReport, fromRaw: CallMetricsReport, label: string): number {
      const a = split(fromRollups);
      const b = split(fromRaw);
      assert.deepEqual(a.rest, b.rest, label);
      assert.equal(a.percentiles.length, b.percentiles.length, label);
      let bucketed = 0;
      a.percentiles.forEach(([path, value], i) => {
        const exact = b.percentiles[i]![1];
        if (exact === null || value === null) return assert.equal(value, exact, `${label}: ${path}`);
        const bound = bucketErrorBound(exact);
        assert.ok(bound <= exact / 32, `${label}: ${path}: bound ${bound}`);
        assert.ok(Math.abs(value - exact) <= bound, `${label}: ${path}: ${value} from the histograms, ${exact} exact (bound ${bound})`);
        if (exact >= 128) bucketed += 1;
      });
      return bucketed;
    }

    async function assertSame(label: string) {
      let compared = 0;
      let bucketed = 0;
      for (const { name, range } of RANGES) {
        for (const groupBy of GROUPINGS) {
          if (groupBy === 'HOUR' && Date.parse(range.to) - Date.parse(range.from) > 31 * 86_400_000) continue;
          for (const [serviceLevelSeconds, firstContactResolutionDays] of [[30, 3], [180, 30]] as const) {
            const args = { range, groupBy, serviceLevelSeconds, firstContactResolutionDays };
            const [fromRollups, fromRaw] = await Promise.all([rollups.callCenterMetrics(args), raw.callCenterMetrics(args)]);
            bucketed += assertMatches(fromRollups, fromRaw, `${label}: ${name}, groupBy ${groupBy ?? 'none'}, ${serviceLevelSeconds} s, ${firstContactResolutionDays} days`);
          }
          compared += 1;
        }
        assert.deepEqual(await rollups.callMetricsByTier(range), await raw.callMetricsByTier(range), `${label}: ${name}, by tier`);
      }
      // The bound was tested: some percentiles fell in buckets wider than one second.
      assert.ok(bucketed > 0, `${label}: no percentile of 128 s or more`);
      return compared;
    }

    it('gives every metric of every grouping as the raw rows do, after a bulk load', async () => {
      const report = await raw.callCenterMetrics({ range: RANGES[0]!.range });
      // The comparison means something: the data set has contacts of every kind in the range.
      assert.ok(report.totals.offered > 500, `offered ${report.totals.offered}`);
      assert.ok(report.totals.abandoned > 0 && report.totals.transferred > 0 && report.totals.handled > report.totals.answered);
      assert.ok((await raw.callMetricsByTier(RANGES[0]!.range)).length >= 3);
      // … repeat contacts and contacts resolved at the first try, not only first contacts.
      assert.ok(report.totals.repeatCallerRate !== null && report.totals.repeatCallerRate > 0 && report.totals.repeatCallerRate < 1, `repeat rate ${report.totals.repeatCallerRate}`);
      assert.ok(report.totals.firstContactResolutionRate !== null && report.totals.firstContactResolutionRate > 0 && report.totals.firstContactResolutionRate < 1);
      assert.equal(await assertSame('after loadSeed'), 30);
    });

    it('a seed loaded with its reports deferred and summed once (the seed command) leaves the tables maintenance per chunk leaves', async () => {
      const deferredTemp = dialect === 'sqlite' ? await tempSqlite('rollups_deferred') : await tempPostgresSchema('rollups_deferred');
      const deferred = await openCallCenterSource(deferredTemp.config);
      try {
        for (const chunk of generateDataset({ seed: 7, customers: 400, anchor: ANCHOR })) await deferred.loadSeed(chunk.callcenter, { deferReports: true });
        const tables = (db: typeof store.database.db) =>
          Promise.all([
            sql<Record<string, unknown>>`SELECT * FROM call_rollups ORDER BY dimension, hour, key`.execute(db).then((r) => r.rows),
            sql<Record<string, unknown>>`SELECT * FROM call_histograms ORDER BY dimension, grain, hour, key, measure, bucket`.execute(db).then((r) => r.rows),
            sql<Record<string, unknown>>`SELECT id, prev_contact_gap, next_contact_gap FROM calls ORDER BY id`.execute(db).then((r) => r.rows),
          ]);
        const [rollupRows, histogramRows] = await tables(deferred.database.db);
        assert.equal(rollupRows.length + histogramRows.length, 0, 'nothing summed while deferred');
        await deferred.rebuildReports();
        const [expected, actual] = await Promise.all([tables(store.database.db), tables(deferred.database.db)]);
        assert.ok(expected[0].length > 0 && expected[1].length > 0);
        assert.deepEqual(actual, expected);
        // The seed then refreshes the planner's statistics; on PostgreSQL the histogram blocks have their covering index.
        await deferred.analyze();
        if (dialect === 'postgres') {
          const db = deferred.database.db;
          const stats = await sql<{ relname: string; analyzed: boolean }>`SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('calls', 'call_histograms')`.execute(db);
          assert.deepEqual(stats.rows.map((r) => [r.relname, r.analyzed]).sort(), [['call_histograms', true], ['calls', true]]);
          const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'call_histograms'`.execute(db);
          assert.ok(indexes.rows.some((r) => r.indexname === 'call_histograms_covering'), JSON.stringify(indexes.rows));
          // The planner knows how many calls are identified contacts (extended statistics on the definitions' expressions),
          // instead of its 0.5%-per-expression guess that planned raw reports as nested loops over every call.
          const where = sql`${isContact('c')} AND ${callerIdentity('c')} IS NOT NULL`;
          const actual = Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM calls c WHERE ${where}`.execute(db)).rows[0]!.n);
          const plan = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`EXPLAIN (FORMAT JSON) SELECT * FROM calls c WHERE ${where}`.execute(db);
          const estimated = plan.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
          assert.ok(actual > 1000 && estimated > actual / 2 && estimated < actual * 2, `estimated ${estimated} identified contacts, actual ${actual}`);
        }
      } finally {
        await deferred.close();
        await deferredTemp.cleanup();
      }
    }, 120_000);

    it('stays equal as live events create, answer, abandon, end and move calls, and the rebuild changes nothing', async () => {
      const events = new SqlCallEventStore(store.database);
      const apply = async (batch: AcceptedEvent[]) => {
        await events.insertEvents(batch, new Date().toISOString());
        await events.applyEvents(batch.map((e) => e.event.id), new Date().toISOString());
      };
      const offered = { direction: 'INBOUND' as const, from: '+8613800000001', to: '+864008123456', queueId: 'q_support' };
      // Answered and ended across an hour boundary (counts at its offer hour).
      await apply([ctiEvent('live_a', 'OFFERED', '2026-10-30T10:59:50.000Z', offered)]);
      await apply([ctiEvent('live_a', 'ANSWERED', '2026-10-30T11:00:20.000Z', { agentId: 'agt_001' })]);
      await apply([ctiEvent('live_a', 'ENDED', '2026-10-30T11:04:00.000Z'), ctiEvent('live_a', 'WRAP_UP_DONE', '2026-10-30T11:05:00.000Z', { agentId: 'agt_001' })]);
      // Abandoned after a long wait: the hour's longest wait.
      await apply([ctiEvent('live_b', 'OFFERED', '2026-10-30T10:20:00.000Z', { ...offered, from: '+8613800000002', queueId: 'q_sales' })]);
      await apply([ctiEvent('live_b', 'ABANDONED', '2026-10-30T10:40:00.000Z')]);
      // Offered at 12:10 … then an earlier OFFERED arrives late: the call moves to 09:55.
      await apply([ctiEvent('live_c', 'OFFERED', '2026-10-30T12:10:00.000Z', { ...offered, from: '+8613800000003' })]);
      await apply([ctiEvent('live_c', 'ANSWERED', '2026-10-30T12:10:30.000Z', { agentId: 'agt_002' }), ctiEvent('live_c', 'ENDED', '2026-10-30T12:15:00.000Z')]);
      await apply([ctiEvent('live_c', 'OFFERED', '2026-10-30T09:55:00.000Z', { ...offered, from: '+8613800000003', sequence: 0 })]);
      // Still ringing: offered, not answered.
      await apply([ctiEvent('live_d', 'OFFERED', '2026-10-30T10:30:00.000Z', { ...offered, from: '+8613800000004' })]);

      const day = { from: '2026-10-30T00:00:00Z', to: '2026-10-31T00:00:00Z', timeZone: 'UTC' };
      const hour = await rollups.callCenterMetrics({ range: { from: '2026-10-30T10:00:00Z', to: '2026-10-30T11:00:00Z', timeZone: 'UTC' } });
      const before = await raw.callCenterMetrics({ range: { from: '2026-10-30T10:00:00Z', to: '2026-10-30T11:00:00Z', timeZone: 'UTC' } });
      assertMatches(hour, before, 'the live hour');
      assert.ok(hour.totals.longestWait !== null && hour.totals.longestWait >= 1200, `longest wait ${hour.totals.longestWait}`);
      assertMatches(await rollups.callCenterMetrics({ range: day, groupBy: 'HOUR' }), await raw.callCenterMetrics({ range: day, groupBy: 'HOUR' }), 'the live day by hour');
      assert.equal(await assertSame('after live events'), 30);

      const db = store.database.db;
      const snapshot = () => sql<Record<string, unknown>>`SELECT * FROM call_rollups ORDER BY dimension, hour, key`.execute(db).then((r) => r.rows);
      const histograms = () => sql<Record<string, unknown>>`SELECT * FROM call_histograms ORDER BY dimension, grain, hour, key, measure, bucket`.execute(db).then((r) => r.rows);
      const gaps = () => sql<Record<string, unknown>>`SELECT id, prev_contact_gap, next_contact_gap FROM calls ORDER BY id`.execute(db).then((r) => r.rows);
      const maintained = { rollups: await snapshot(), histograms: await histograms(), gaps: await gaps() };
      assert.ok(maintained.gaps.some((row) => row.prev_contact_gap !== null) && maintained.histograms.length > 0);
      await store.rebuildReports();
      assert.deepEqual({ rollups: await snapshot(), histograms: await histograms(), gaps: await gaps() }, maintained);
      // Migration 0009's derivation of the 4- and 16-day blocks from the one-day blocks gives what writes keep.
      assert.ok(maintained.histograms.some((row) => Number(row.grain) === 384 && row.dimension === 'AGENT'));
      await deriveMultiDayBlocks(db, 'call_histograms');
      assert.deepEqual(await histograms(), maintained.histograms);
      // … and migration 0010's day rows, summed from the hourly rows, those the writes keep.
      assert.ok(maintained.rollups.some((row) => row.dimension === 'AGENT_DAY'));
      await deriveDayRollups(db);
      assert.deepEqual(await snapshot(), maintained.rollups);
    }, 120_000);
  });
}

suite('sqlite', false);
suite('postgres', pgReachable ? false : POSTGRES_SKIP_REASON);
