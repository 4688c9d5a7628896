/**
 * The reports through the gateway, over the seeded demo data set: the fields compose, the
 * figures agree with each other, customers come back as entities resolved by key (tier and
 * tickets from their own systems) with a constant number of statements, and bad input is a
 * BAD_USER_INPUT error.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, TEST_ANCHOR, type Stack } from '../support/stack.js';

const DAY = 86_400_000;
const RANGE = {
  from: new Date(Date.parse(TEST_ANCHOR) - 30 * DAY).toISOString(),
  to: TEST_ANCHOR,
  timeZone: 'Asia/Shanghai',
};

const REPORTS = /* GraphQL */ `
  query Reports($range: TimeRangeInput!) {
    callCenterMetrics(range: $range, groupBy: DAY, serviceLevelSeconds: 20) {
      totals { offered answered abandoned answerRate abandonmentRate serviceLevel averageSpeedOfAnswer averageHandleTime waitTime { median p90 } }
      groups { key offered answered abandoned answerRate serviceLevel averageHandleTime }
    }
    byQueue: callCenterMetrics(range: $range, groupBy: QUEUE) { groups { key offered queue { id name } } }
    ticketMetrics(range: $range, groupBy: PRIORITY) {
      totals { created solved backlog slaBreachRate firstReplyTime { median p90 } resolutionTime { median p90 } }
      groups { key created solved slaBreachRate }
    }
    callMetricsByTier(range: $range) { tier offered answered answerRate }
    ticketMetricsByTier(range: $range) { tier created slaBreached slaBreachRate }
  }
`;

const TOP = /* GraphQL */ `
  query Top($range: TimeRangeInput!, $first: Int!) {
    topContactingCustomers(range: $range, first: $first) {
      contacts calls lastCallAt
      customer {
        id displayName tier
        tickets(status: [NEW, OPEN, PENDING], first: 3) { totalCount }
        callSummary(range: $range) { total inbound outbound byDisposition { disposition count } }
        ticketSummary(range: $range) { created byStatus { status count } slaBreached }
      }
    }
  }
`;

interface Metrics { offered: number; answered: number; key?: string }
interface ReportsData {
  callCenterMetrics: { totals: Metrics & { answerRate: number | null }; groups: Metrics[] };
  byQueue: { groups: (Metrics & { queue: { id: string; name: string } | null })[] };
  ticketMetrics: { totals: { created: number; solved: number; backlog: number }; groups: { key: string; created: number; solved: number }[] };
  callMetricsByTier: { tier: string | null; offered: number }[];
  ticketMetricsByTier: { tier: string | null; created: number }[];
}
interface TopData {
  topContactingCustomers: {
    contacts: number;
    calls: number;
    customer: { id: string; displayName: string; tier: string; tickets: { totalCount: number } | null; callSummary: { inbound: number } | null; ticketSummary: { created: number } | null };
  }[];
}

describe('reports through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 300 });
  });
  afterAll(() => stack?.close());

  it('answers the reporting operation with figures that add up', async () => {
    const { data, errors } = await stack.query<ReportsData>(REPORTS, { range: RANGE });
    assert.equal(errors, undefined, JSON.stringify(errors));
    assert.ok(data);
    const calls = data.callCenterMetrics;
    assert.ok(calls.totals.offered > 0);
    // 30 days from 00:00Z are 08:00 to 08:00 in Shanghai: 29 whole local days and a part of one at each end.
    assert.equal(calls.groups.length, 31);
    const sum = (rows: { offered: number }[]) => rows.reduce((total, row) => total + row.offered, 0);
    assert.equal(sum(calls.groups), calls.totals.offered);
    assert.equal(sum(data.byQueue.groups), calls.totals.offered);
    assert.ok(data.byQueue.groups.every((g) => g.queue !== null && g.queue.id === g.key && g.queue.name.length > 0));
    assert.equal(sum(data.callMetricsByTier), calls.totals.offered);
    assert.equal(calls.totals.answerRate, calls.totals.answered / calls.totals.offered);
    const tickets = data.ticketMetrics;
    assert.equal(tickets.groups.reduce((total, g) => total + g.created, 0), tickets.totals.created);
    assert.equal(data.ticketMetricsByTier.reduce((total, t) => total + t.created, 0), tickets.totals.created);
  });

  it('resolves the top customers through entity keys with a constant number of statements', async () => {
    const run = async (first: number) => {
      const counts = { crm: 0, callcenter: 0, tickets: 0 };
      const stops = (['crm', 'callcenter', 'tickets'] as const).map((name) => stack[name].store!.database.onStatement(() => void (counts[name] += 1)));
      const response = await stack.query<TopData>(TOP, { range: RANGE, first });
      for (const stop of stops) stop();
      return { ...response, counts };
    };
    const { data, errors, counts } = await run(10);
    assert.equal(errors, undefined, JSON.stringify(errors));
    const rows = data?.topContactingCustomers ?? [];
    assert.equal(rows.length, 10);
    for (let i = 1; i < rows.length; i++) assert.ok((rows[i - 1]?.contacts ?? 0) >= (rows[i]?.contacts ?? 0), 'most contacts first');
    for (const row of rows) {
      assert.match(row.customer.displayName, /\S/);
      assert.match(row.customer.tier, /^(STANDARD|SILVER|GOLD|PLATINUM)$/);
      assert.ok(row.customer.tickets !== null && row.customer.ticketSummary !== null);
      // Every seeded inbound call is a contact; the summary counts the same calls.
      assert.equal(row.customer.callSummary?.inbound, row.contacts);
    }
    // callcenter: the top list, then one batch of summaries; tickets: one batch of lists, one of
    // summaries; and the same for 3 customers as for 10 in every subgraph (no fetch per row).
    assert.equal(counts.callcenter, 2);
    assert.equal(counts.tickets, 2);
    assert.deepEqual((await run(3)).counts, counts);
  });

  it('refuses a bad range with BAD_USER_INPUT', async () => {
    const { errors } = await stack.query(`query { callCenterMetrics(range: { from: "2026-11-01T00:00:00Z", to: "2026-10-01T00:00:00Z", timeZone: "UTC" }) { totals { offered } } }`);
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(errors?.[0]?.message ?? '', /before/);
  });
});
