/**
 * Call-center reports on the hand-made data set (test/reports/fixture.ts), on SQLite and
 * (when reachable) PostgreSQL: the same SQL must give the same, hand-computed figures.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import type { CallMetricsValues } from '../../subgraphs/callcenter/reports/call-metrics.js';
import { POSTGRES_SKIP_REASON, postgresReachable } from '../support/databases.js';
import { EMPTY_RANGE, MANY_AGENTS_RANGE, RANGE } from './fixture.js';
import { openReportStores, type ReportStores } from './stores.js';
import { skipNote } from '../support/skip.js';

const pgReachable = await postgresReachable();

/** The fields of `actual` that `expected` names. */
function pick(actual: CallMetricsValues, expected: Partial<CallMetricsValues>): Partial<CallMetricsValues> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key as keyof CallMetricsValues]]));
}

async function assertBadInput(promise: Promise<unknown>, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof GraphQLError, String(error));
    assert.equal(error.extensions.code, 'BAD_USER_INPUT');
    assert.match(error.message, message);
    return true;
  });
}

function suite(dialect: 'sqlite' | 'postgres', skip: string | false) {
  describe.skipIf(skip)(skipNote(`call-center reports on ${dialect}`, skip), () => {
    let stores: ReportStores;
    beforeAll(async () => {
      stores = await openReportStores(dialect);
    });
    afterAll(() => stores?.dispose());
    const reports = () => stores.callReports;

    it('computes every metric of the range by hand', async () => {
      const report = await reports().callCenterMetrics({ range: RANGE });
      assert.deepEqual(report.groups, []);
      assert.equal(report.serviceLevelSeconds, 20);
      assert.equal(report.firstContactResolutionDays, 7);
      assert.deepEqual(report.totals, {
        key: null,
        // c01-c08; the transfer leg c03b and the outbound c09 are not contacts.
        offered: 8,
        answered: 4, // c01, c03 (transferred, so answered), c04, c06
        abandoned: 2, // c02, c08
        missed: 1, // c05
        voicemail: 1, // c07
        transferred: 1, // c03, counted once
        expired: 0,
        answerRate: 4 / 8,
        abandonmentRate: 2 / 8,
        // Answered within 20 s: c01 (10), c04 (15); over answered + abandoned = 6. c02 was
        // abandoned after 5 s, inside the threshold: it counts against the service level.
        serviceLevel: 2 / 6,
        averageSpeedOfAnswer: (10 + 30 + 15 + 40) / 4,
        longestWait: 50, // c08
        waitTime: { median: 15, p90: 40 }, // answered waits 10, 15, 30, 40: ranks 2 and 4
        // Handled legs c01 120, c03 80, c03b 240, c04 1800, c06 400.
        handled: 5,
        averageHandleTime: (120 + 80 + 240 + 1800 + 400) / 5,
        handleTime: { median: 240, p90: 1800 }, // 80, 120, 240, 400, 1800: ranks 3 and 5
        // Identified contacts: all but the withheld c07 (7). Repeats within 7 days of the
        // same caller's previous contact: c03 (after c01), c08 (after c02), c04 (after c10 on
        // 10-28, before the range), c06 (after c05, same unknown number) = 4.
        repeatCallerRate: 4 / 7,
        // Answered identified contacts c01, c03, c04, c06; c01 is followed by c03 and c03 by
        // c11 (11-05, after the range) within 7 days: 2 resolved.
        firstContactResolutionRate: 2 / 4,
      });
    });

    it('gives zeros and null rates for a range without calls', async () => {
      const report = await reports().callCenterMetrics({ range: EMPTY_RANGE, groupBy: 'DAY' });
      const empty: CallMetricsValues = {
        key: null, offered: 0, answered: 0, abandoned: 0, missed: 0, voicemail: 0, transferred: 0, expired: 0,
        answerRate: null, abandonmentRate: null, serviceLevel: null, averageSpeedOfAnswer: null, longestWait: null,
        waitTime: { median: null, p90: null }, handled: 0, averageHandleTime: null, handleTime: { median: null, p90: null },
        repeatCallerRate: null, firstContactResolutionRate: null,
      };
      assert.deepEqual(report.totals, empty);
      assert.deepEqual(report.groups, [{ ...empty, key: '2026-12-01T00:00:00+00:00' }]);
    });

    it('puts a call spanning midnight in the day it was offered, in the range time zone', async () => {
      const utc = await reports().callCenterMetrics({ range: RANGE, groupBy: 'DAY' });
      assert.deepEqual(
        utc.groups.map((g) => pick(g, { key: g.key, offered: 0, answered: 0, abandoned: 0, handled: 0, averageHandleTime: 0 })),
        [
          // c01-c04 (c04 starts 23:50 and ends 00:20 the next day); legs c01, c03, c03b, c04.
          { key: '2026-10-31T00:00:00+00:00', offered: 4, answered: 3, abandoned: 1, handled: 4, averageHandleTime: (120 + 80 + 240 + 1800) / 4 },
          { key: '2026-11-01T00:00:00+00:00', offered: 4, answered: 1, abandoned: 1, handled: 1, averageHandleTime: 400 },
        ],
      );
      // The same range in Shanghai (UTC+8) is local 10-31 08:00 to 11-02 08:00: c02 (15:30Z,
      // 23:30 local) stays on 10-31, c03 (20:00Z, 04:00 local) moves to 11-01.
      const shanghai = await reports().callCenterMetrics({ range: { ...RANGE, timeZone: 'Asia/Shanghai' }, groupBy: 'DAY' });
      assert.deepEqual(
        shanghai.groups.map((g) => pick(g, { key: g.key, offered: 0, answerRate: 0 })),
        [
          { key: '2026-10-31T00:00:00+08:00', offered: 2, answerRate: 1 / 2 }, // c01, c02
          { key: '2026-11-01T00:00:00+08:00', offered: 6, answerRate: 3 / 6 }, // c03-c08
          { key: '2026-11-02T00:00:00+08:00', offered: 0, answerRate: null }, // 00:00-08:00 local
        ],
      );
      assert.deepEqual(shanghai.totals, utc.totals);
    });

    it('cuts HOUR buckets in local time across the end of daylight saving time', async () => {
      // 2025-11-02 in New York: 01:00-02:00 happens twice, first in EDT (-04:00), then in EST (-05:00).
      const report = await reports().callCenterMetrics({
        range: { from: '2025-11-02T04:00:00Z', to: '2025-11-02T08:00:00Z', timeZone: 'America/New_York' },
        groupBy: 'HOUR',
      });
      assert.deepEqual(
        report.groups.map((g) => [g.key, g.offered]),
        [
          ['2025-11-02T00:00:00-04:00', 1], // d1 00:10 EDT
          ['2025-11-02T01:00:00-04:00', 1], // d2 01:30 EDT
          ['2025-11-02T01:00:00-05:00', 1], // d3 01:30 EST
          ['2025-11-02T02:00:00-05:00', 0],
        ],
      );
      const days = await reports().callCenterMetrics({
        range: { from: '2025-11-01T04:00:00Z', to: '2025-11-03T05:00:00Z', timeZone: 'America/New_York' },
        groupBy: 'DAY',
      });
      // 2025-11-02 is a 25-hour day: 04:00Z to 05:00Z the next day.
      assert.deepEqual(days.groups.map((g) => [g.key, g.offered]), [['2025-11-01T00:00:00-04:00', 0], ['2025-11-02T00:00:00-04:00', 3]]);
    });

    it('groups by queue: a transfer counts once where it was offered, its legs where they were handled', async () => {
      const report = await reports().callCenterMetrics({ range: RANGE, groupBy: 'QUEUE', serviceLevelSeconds: 30 });
      assert.deepEqual(
        report.groups.map((g) => pick(g, { key: g.key, offered: 0, answered: 0, transferred: 0, serviceLevel: 0, handled: 0, averageHandleTime: 0, handleTime: g.handleTime })),
        [
          // c01, c02, c04, c07; handled legs c01, c03b (the transfer's new leg went to q_a), c04.
          { key: 'q_a', offered: 4, answered: 2, transferred: 0, serviceLevel: 2 / 3, handled: 3, averageHandleTime: (120 + 240 + 1800) / 3, handleTime: { median: 240, p90: 1800 } },
          // c03, c05, c06, c08; within 30 s: c03 (30). Handled c03, c06.
          { key: 'q_b', offered: 4, answered: 2, transferred: 1, serviceLevel: 1 / 3, handled: 2, averageHandleTime: (80 + 400) / 2, handleTime: { median: 80, p90: 400 } },
        ],
      );
      assert.equal(report.totals.offered, 8);
      assert.equal(report.totals.serviceLevel, 3 / 6);
    });

    it('groups by agent and team, calls without agent under the null key', async () => {
      const byAgent = await reports().callCenterMetrics({ range: RANGE, groupBy: 'AGENT' });
      assert.deepEqual(byAgent.groups.map((g) => [g.key, g.offered, g.handled]), [
        ['agt_1', 2, 2], // c01, c04
        ['agt_2', 2, 1], // c03, c05; handled c03
        ['agt_3', 1, 2], // c06; handled c03b, c06
        [null, 3, 0], // c02, c07, c08
      ]);
      const byTeam = await reports().callCenterMetrics({ range: RANGE, groupBy: 'TEAM' });
      assert.deepEqual(byTeam.groups.map((g) => [g.key, g.offered, g.answered, g.handled, g.repeatCallerRate]), [
        ['team-a', 4, 3, 3, 2 / 4], // c01, c03, c04, c05: repeats c03, c04
        ['team-b', 1, 1, 2, 1 / 1], // c06 (repeat of c05)
        [null, 3, 0, 0, 1 / 2], // c02, c07 (withheld), c08 (repeat of c02)
      ]);
    });

    it('counts repeat contacts over the window the caller asks for', async () => {
      // With a one-day window c04 (3 days after c10) is no repeat and c03 is no longer followed by c11 (4.5 days).
      const report = await reports().callCenterMetrics({ range: RANGE, firstContactResolutionDays: 1 });
      assert.equal(report.totals.repeatCallerRate, 3 / 7);
      assert.equal(report.totals.firstContactResolutionRate, 3 / 4);
    });

    it('ranks the customers with the most contacts', async () => {
      assert.deepEqual(await reports().topContactingCustomers(RANGE, 2), [
        { customerId: 'cus_A', contacts: 2, calls: 4, lastCallAt: '2026-11-01T13:00:00.000Z' }, // c01, c03 (+ c03b, c09)
        { customerId: 'cus_B', contacts: 2, calls: 2, lastCallAt: '2026-11-01T12:00:00.000Z' },
      ]);
      assert.deepEqual((await reports().topContactingCustomers(RANGE, 10)).map((c) => c.customerId), ['cus_A', 'cus_B', 'cus_C']);
      assert.deepEqual(await reports().topContactingCustomers(EMPTY_RANGE, 10), []);
    });

    it("summarises customers' calls in one batch, a transfer once", async () => {
      const statements: string[] = [];
      const stop = stores.callcenter.database.onStatement((statement) => statements.push(statement));
      const [a, nobody, c] = await reports().callSummaries(['cus_A', 'cus_nobody', 'cus_C'], RANGE);
      stop();
      assert.equal(statements.length, 1);
      assert.deepEqual(a, {
        total: 3, inbound: 2, outbound: 1, // c01, c03, c09 (not the leg c03b)
        byDisposition: [{ disposition: 'ANSWERED', count: 2 }, { disposition: 'TRANSFERRED', count: 1 }],
        lastCallAt: '2026-11-01T13:00:00.000Z',
      });
      assert.deepEqual(nobody, { total: 0, inbound: 0, outbound: 0, byDisposition: [], lastCallAt: null });
      assert.deepEqual(c, { total: 1, inbound: 1, outbound: 0, byDisposition: [{ disposition: 'ANSWERED', count: 1 }], lastCallAt: '2026-10-31T23:50:00.000Z' });
    });

    it('reports contacts per customer tier at the time of the call', async () => {
      assert.deepEqual(await reports().callMetricsByTier(RANGE), [
        { tier: 'GOLD', offered: 2, answered: 2, answerRate: 1 }, // cus_A: c01, c03
        { tier: 'SILVER', offered: 1, answered: 1, answerRate: 1 }, // cus_C: c04
        { tier: 'STANDARD', offered: 2, answered: 0, answerRate: 0 }, // cus_B: c02, c08
        { tier: null, offered: 3, answered: 1, answerRate: 1 / 3 }, // c05, c06 unknown, c07 withheld
      ]);
    });

    it('refuses bad ranges and too many groups with BAD_USER_INPUT naming the limit', async () => {
      const r = reports();
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, from: RANGE.to, to: RANGE.from } }), /range\.from.*before.*range\.to/);
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, to: RANGE.from } }), /before/);
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' } }), /367 days.*at most 366 days/);
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, timeZone: 'Mars/Olympus_Mons' } }), /timeZone.*IANA/);
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, from: '2026-10-31' } }), /range\.from.*ISO-8601 instant/);
      await assertBadInput(r.callCenterMetrics({ range: { ...RANGE, from: '2026-10-01T00:00:00Z' }, groupBy: 'HOUR' }), /HOUR covers at most 31 days/);
      await assertBadInput(r.callCenterMetrics({ range: RANGE, serviceLevelSeconds: -1 }), /serviceLevelSeconds.*0 to 3600/);
      await assertBadInput(r.callCenterMetrics({ range: RANGE, firstContactResolutionDays: 0 }), /firstContactResolutionDays.*1 to 90/);
      await assertBadInput(r.callCenterMetrics({ range: MANY_AGENTS_RANGE, groupBy: 'AGENT' }), /more than 1000 groups/);
      await assertBadInput(r.topContactingCustomers(RANGE, 101), /first.*0 to 100/);
      // The same range by queue is fine: one group.
      assert.equal((await r.callCenterMetrics({ range: MANY_AGENTS_RANGE, groupBy: 'QUEUE' })).groups.length, 1);
    });
  });
}

suite('sqlite', false);
suite('postgres', pgReachable ? false : POSTGRES_SKIP_REASON);
