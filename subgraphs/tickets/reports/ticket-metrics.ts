/**
 * `ticketMetrics`: validates the arguments, runs the three metric blocks (created, solved,
 * backlog) and turns their counts into the metrics of docs/reporting.md: rates are null
 * when their denominator is 0.
 */
import type { Kysely } from 'kysely';
import { ratio } from '../../shared/reporting/sql-fragments.js';
import { assertGroupCount, assertHourRange, parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';
import { timeBuckets } from '../../shared/reporting/time-buckets.js';
import type { Slice } from '../../shared/reporting/sql-fragments.js';
import { backlogBlock, backlogDeltaBlock, createdBlock, solvedBlock, type CreatedCounts, type SolvedCounts, type TicketGrouping } from './ticket-metrics-sql.js';
import type { ReportingTicketsDatabase } from './tables.js';
import { backlogFromRollups, createdFromRollups, solvedFromRollups } from './ticket-metrics-rollups.js';

export interface TicketMetricsArgs {
  range: TimeRangeArgument;
  groupBy?: TicketGrouping | null;
}

export interface TicketMetricsValues {
  key: string | null;
  created: number;
  solved: number;
  backlog: number;
  slaBreached: number;
  slaBreachRate: number | null;
  firstReplyTime: { median: number | null; p90: number | null };
  resolutionTime: { median: number | null; p90: number | null };
}

export interface TicketMetricsReport {
  groupBy: TicketGrouping | null;
  totals: TicketMetricsValues;
  groups: TicketMetricsValues[];
}

const NO_CREATED: CreatedCounts = { created: 0, slaBreached: 0, firstReplyMedian: null, firstReplyP90: null };
const NO_SOLVED: SolvedCounts = { solved: 0, resolutionMedian: null, resolutionP90: null };

function metrics(key: string | null, c: CreatedCounts, s: SolvedCounts, backlog: number): TicketMetricsValues {
  return {
    key,
    created: c.created,
    solved: s.solved,
    backlog,
    slaBreached: c.slaBreached,
    slaBreachRate: ratio(c.slaBreached, c.created),
    firstReplyTime: { median: c.firstReplyMedian, p90: c.firstReplyP90 },
    resolutionTime: { median: s.resolutionMedian, p90: s.resolutionP90 },
  };
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The report. HOUR and DAY buckets count tickets created and solved in each bucket; the
 * backlog at the end of bucket i is the backlog at `from` plus the backlog changes of the
 * status history in buckets 0..i (created or reopened +1, solved or closed -1), so a ticket
 * solved, reopened and solved again is in the backlog exactly while it was open.
 */
/**
 * Where created and solved counts and their percentiles come from: `rollups` (the default,
 * ticket-rollups.ts; percentiles bucketed, exact below 128 s, else within 1/32) or `raw`
 * (every ticket of the range: the reference the roll-ups are tested and benchmarked against).
 * The backlog per priority, channel, assignee or team comes from the roll-ups' backlog moves
 * too (`backlogFromRollups`); its total and its course over HOUR and DAY buckets from the
 * status history's index on time.
 */
export type TicketCountsSource = 'rollups' | 'raw';

export async function ticketMetrics(db: Kysely<ReportingTicketsDatabase>, args: TicketMetricsArgs, now: string, source: TicketCountsSource = 'rollups'): Promise<TicketMetricsReport> {
  const range = parseTimeRange(args.range);
  const groupBy = args.groupBy ?? null;
  const timeGrouping = groupBy === 'HOUR' || groupBy === 'DAY';
  if (groupBy === 'HOUR') assertHourRange(range);
  const slices: Slice[] = timeGrouping ? timeBuckets(range, groupBy) : [{ key: '', start: range.from, end: range.to }];
  if (timeGrouping) assertGroupCount(slices.length);
  const [created, solved, backlog, backlogAtStart, backlogChanges] = await Promise.all([
    source === 'rollups' ? createdFromRollups(db, slices, groupBy, now) : createdBlock(db, slices, groupBy, now),
    source === 'rollups' ? solvedFromRollups(db, slices, groupBy) : solvedBlock(db, slices, groupBy),
    source === 'rollups' && groupBy !== null && !timeGrouping ? backlogFromRollups(db, range, groupBy) : backlogBlock(db, range, timeGrouping ? null : groupBy),
    timeGrouping ? backlogBlock(db, { ...range, to: range.from, toMs: range.fromMs }, null) : Promise.resolve(new Map<string | null, number>()),
    timeGrouping ? backlogDeltaBlock(db, slices) : Promise.resolve(new Map<string, number>()),
  ]);
  let backlogTotal = 0;
  for (const count of backlog.values()) backlogTotal += count;
  const totals = metrics(null, created.totals ?? NO_CREATED, solved.totals ?? NO_SOLVED, backlogTotal);
  let groups: TicketMetricsValues[] = [];
  if (timeGrouping) {
    let running = 0;
    for (const count of backlogAtStart.values()) running += count;
    groups = slices.map((slice) => {
      const c = created.groups.get(slice.key) ?? NO_CREATED;
      const s = solved.groups.get(slice.key) ?? NO_SOLVED;
      running += backlogChanges.get(slice.key) ?? 0;
      return metrics(slice.key, c, s, running);
    });
  } else if (groupBy !== null) {
    const keys = [...new Set([...created.groups.keys(), ...solved.groups.keys(), ...backlog.keys()])].sort(compareKeys);
    assertGroupCount(keys.length);
    groups = keys.map((key) => metrics(key, created.groups.get(key) ?? NO_CREATED, solved.groups.get(key) ?? NO_SOLVED, backlog.get(key) ?? 0));
  }
  return { groupBy, totals, groups };
}
