/**
 * Ticket reports on the hand-made data set (test/reports/fixture.ts), on SQLite and (when
 * reachable) PostgreSQL: the same SQL must give the same, hand-computed figures.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import type { TicketMetricsValues } from '../../subgraphs/tickets/reports/ticket-metrics.js';
import { isSlaBreached } from '../../subgraphs/tickets/source/sla.js';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../support/databases.js';
import { TICKET_NOW, TICKET_RANGE, tickets } from './fixture.js';
import { openReportStores, type ReportStores } from './stores.js';
import { skipNote } from '../support/skip.js';

const pgReachable = await postgresReachable();

function suite(dialect: 'sqlite' | 'postgres', skip: string | false) {
  describe.skipIf(skip)(skipNote(`ticket reports on ${dialect}`, skip), () => {
    let stores: ReportStores;
    beforeAll(async () => {
      stores = await openReportStores(dialect);
    });
    afterAll(() => stores?.dispose());
    const reports = () => stores.ticketReports;

    it('computes every metric of the range by hand', async () => {
      const report = await reports().ticketMetrics({ range: TICKET_RANGE });
      assert.deepEqual(report.groups, []);
      assert.deepEqual(report.totals, {
        key: null,
        created: 5, // t2-t6
        solved: 3, // t2, t3, t7 (created before the range); t6 was solved after it
        backlog: 4, // t1, t4, t5 unsolved; t6 solved only after the range ended
        slaBreached: 2, // t2 (stored), t4 (due 10-15 01:00, past)
        slaBreachRate: 2 / 5,
        firstReplyTime: { median: 600, p90: 1200 }, // t3 300, t2 600, t6 1200: ranks 2 and 3
        resolutionTime: { median: 86_400, p90: 2_937_600 }, // t3 7200, t2 86400, t7 34 days
      } satisfies TicketMetricsValues);
    });

    it('counts breaches by the same rule as Ticket.slaBreached', async () => {
      const inRange = tickets.filter((t) => t.createdAt >= '2026-10-01' && t.createdAt < '2026-11-01');
      const breached = inRange.filter((t) => isSlaBreached(t, TICKET_NOW)).length;
      assert.equal((await reports().ticketMetrics({ range: TICKET_RANGE })).totals.slaBreached, breached);
    });

    it('gives zeros and null rates for an empty range, and still the backlog at its end', async () => {
      const report = await reports().ticketMetrics({ range: { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', timeZone: 'UTC' }, groupBy: 'PRIORITY' });
      assert.deepEqual(report.totals, {
        key: null, created: 0, solved: 0, backlog: 4, slaBreached: 0, slaBreachRate: null, // backlog: t1, t4, t5, t8
        firstReplyTime: { median: null, p90: null }, resolutionTime: { median: null, p90: null },
      });
      assert.deepEqual(report.groups.map((g) => [g.key, g.backlog, g.created]), [['LOW', 1, 0], ['NORMAL', 2, 0], ['URGENT', 1, 0]]);
    });

    it('groups by DAY and HOUR: created and solved per bucket, backlog at the end of each bucket', async () => {
      const days = await reports().ticketMetrics({ range: { from: '2026-10-01T00:00:00Z', to: '2026-10-06T00:00:00Z', timeZone: 'UTC' }, groupBy: 'DAY' });
      // Backlog at 10-01: t1 (open) and t7 (solved only 10-05). t2 created 10-02, solved 10-03.
      assert.deepEqual(days.groups.map((g) => [g.key?.slice(0, 10), g.created, g.solved, g.backlog]), [
        ['2026-10-01', 0, 0, 2],
        ['2026-10-02', 1, 0, 3],
        ['2026-10-03', 0, 1, 2],
        ['2026-10-04', 0, 0, 2],
        ['2026-10-05', 0, 1, 1], // t7 solved
      ]);
      assert.deepEqual([days.totals.created, days.totals.solved, days.totals.backlog], [1, 2, 1]);
      assert.equal(days.groups[1]!.slaBreached, 1); // t2 (stored flag)

      // t3: created 10-10 00:00, first reply after 300 s, solved 02:00 (7200 s). Backlog before: t1.
      const hours = await reports().ticketMetrics({ range: { from: '2026-10-10T00:00:00Z', to: '2026-10-10T03:00:00Z', timeZone: 'UTC' }, groupBy: 'HOUR' });
      assert.deepEqual(hours.groups.map((g) => [g.created, g.solved, g.backlog, g.firstReplyTime.median, g.resolutionTime.median]), [
        [1, 0, 2, 300, null],
        [0, 0, 2, null, null],
        [0, 1, 1, null, 7200],
      ]);
    });

    it('groups by priority', async () => {
      const report = await reports().ticketMetrics({ range: TICKET_RANGE, groupBy: 'PRIORITY' });
      assert.deepEqual(report.groups, [
        { key: 'HIGH', created: 2, solved: 2, backlog: 0, slaBreached: 1, slaBreachRate: 1 / 2, firstReplyTime: { median: 300, p90: 600 }, resolutionTime: { median: 7200, p90: 86_400 } },
        { key: 'LOW', created: 1, solved: 0, backlog: 1, slaBreached: 0, slaBreachRate: 0, firstReplyTime: { median: null, p90: null }, resolutionTime: { median: null, p90: null } },
        { key: 'NORMAL', created: 1, solved: 0, backlog: 2, slaBreached: 0, slaBreachRate: 0, firstReplyTime: { median: 1200, p90: 1200 }, resolutionTime: { median: null, p90: null } },
        { key: 'URGENT', created: 1, solved: 1, backlog: 1, slaBreached: 1, slaBreachRate: 1, firstReplyTime: { median: null, p90: null }, resolutionTime: { median: 2_937_600, p90: 2_937_600 } },
      ] satisfies TicketMetricsValues[]);
    });

    it('groups by channel, assignee and team (unassigned last)', async () => {
      const channel = await reports().ticketMetrics({ range: TICKET_RANGE, groupBy: 'CHANNEL' });
      assert.deepEqual(channel.groups.map((g) => [g.key, g.created, g.solved, g.backlog]), [
        ['CHAT', 1, 0, 1], // t4
        ['EMAIL', 2, 1, 2], // t3, t6 created; t3 solved; t1, t6 backlog
        ['PHONE', 1, 2, 0], // t2 created; t2, t7 solved
        ['WEB', 1, 0, 1], // t5
      ]);
      const assignee = await reports().ticketMetrics({ range: TICKET_RANGE, groupBy: 'ASSIGNEE' });
      assert.deepEqual(assignee.groups.map((g) => [g.key, g.created, g.solved, g.backlog, g.slaBreached]), [
        ['agt_1', 1, 1, 1, 1], // t2; t2; t1
        ['agt_2', 1, 1, 1, 1], // t4; t7; t4
        ['agt_3', 2, 1, 1, 0], // t3, t6; t3; t6
        [null, 1, 0, 1, 0], // t5
      ]);
      const team = await reports().ticketMetrics({ range: TICKET_RANGE, groupBy: 'TEAM' });
      assert.deepEqual(team.groups.map((g) => [g.key, g.created, g.solved, g.backlog, g.slaBreachRate]), [
        ['team-a', 2, 2, 2, 1], // agt_1, agt_2
        ['team-b', 2, 1, 1, 0], // agt_3
        [null, 1, 0, 1, 0],
      ]);
    });

    it('reports tickets and SLA breaches per requester tier', async () => {
      assert.deepEqual(await reports().ticketMetricsByTier(TICKET_RANGE), [
        { tier: 'GOLD', created: 1, slaBreached: 1, slaBreachRate: 1 }, // t2
        { tier: 'SILVER', created: 1, slaBreached: 0, slaBreachRate: 0 }, // t6
        { tier: 'STANDARD', created: 2, slaBreached: 1, slaBreachRate: 1 / 2 }, // t3, t4
        { tier: null, created: 1, slaBreached: 0, slaBreachRate: 0 }, // t5
      ]);
    });

    it("summarises customers' tickets in one batch", async () => {
      const statements: string[] = [];
      const stop = stores.tickets.database.onStatement((statement) => statements.push(statement));
      const [a, b, nobody] = await reports().ticketSummaries(['cus_A', 'cus_B', 'cus_nobody'], TICKET_RANGE);
      stop();
      assert.equal(statements.length, 1);
      assert.deepEqual(a, { created: 1, byStatus: [{ status: 'SOLVED', count: 1 }], slaBreached: 1 });
      assert.deepEqual(b, { created: 2, byStatus: [{ status: 'NEW', count: 1 }, { status: 'CLOSED', count: 1 }], slaBreached: 1 });
      assert.deepEqual(nobody, { created: 0, byStatus: [], slaBreached: 0 });
    });

    it('refuses a bad range with BAD_USER_INPUT', async () => {
      await assert.rejects(reports().ticketMetrics({ range: { ...TICKET_RANGE, timeZone: 'Nowhere/City' } }), (error: unknown) => {
        assert.ok(error instanceof GraphQLError);
        assert.equal(error.extensions.code, 'BAD_USER_INPUT');
        assert.equal(error.extensions.argumentName, 'range.timeZone');
        return true;
      });
    });
  });
}

suite('sqlite', false);
suite('postgres', pgReachable ? false : POSTGRES_SKIP_REASON);
