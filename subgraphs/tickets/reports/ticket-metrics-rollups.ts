/**
 * The created and solved blocks of `ticketMetrics`, and `ticketMetricsByTier`, from the ticket
 * roll-ups (ticket-rollups.ts): whole UTC hours from roll-up blocks, the rest of a slice from
 * raw tickets, breaches that only `now` decides from raw tickets with an open SLA target; one
 * statement each, the same for SQLite and PostgreSQL. Counts equal the raw blocks of
 * ticket-metrics-sql.ts; percentiles are bucketed (exact below 128 s, else within 1/32).
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { BucketCounts } from '../../shared/reporting/histograms.js';
import { DAY_GRAINS, GRAINS, blockRanges, bucketSql, decompose, readBucketCounts } from '../../shared/reporting/histograms.js';
import { ratio, slicesCte, type Slice } from '../../shared/reporting/sql-fragments.js';
import { compareTiers } from '../../shared/reporting/tiers.js';
import { DAY_MS, type ReportRange } from '../../shared/reporting/time-range.js';
import type { TierTicketMetrics } from './customer-reports-sql.js';
import { firstReplySeconds, resolutionSeconds } from './ticket-definitions.js';
import type { BlockRows, CreatedCounts, SolvedCounts, TicketGrouping } from './ticket-metrics-sql.js';
import type { TicketRollupDimension, TicketRollupMeasure } from './ticket-rollups.js';

type Grouping = TicketGrouping | 'TIER' | null;

interface MeasureRow {
  count: number;
  median: number | null;
  p90: number | null;
}

type Measures = Partial<Record<TicketRollupMeasure, MeasureRow>>;

const DIMENSION: Record<Exclude<Grouping, null>, TicketRollupDimension> = {
  HOUR: 'ALL',
  DAY: 'ALL',
  PRIORITY: 'PRIORITY',
  CHANNEL: 'CHANNEL',
  ASSIGNEE: 'ASSIGNEE',
  TEAM: 'ASSIGNEE',
  TIER: 'TIER',
};

const RAW_KEY: Record<Exclude<Grouping, null | 'HOUR' | 'DAY'>, RawBuilder<string | null>> = {
  PRIORITY: sql`t.priority`,
  CHANNEL: sql`t.channel`,
  ASSIGNEE: sql`t.assignee_id`,
  TEAM: sql`g.team`,
  TIER: sql`t.requester_tier`,
};

/**
 * Per group and over all (`is_total`), for each measure asked: the count (sum) and, for the
 * bucketed measures, the nearest-rank median and p90 as bucket values. `breachedAt`: also
 * count as BREACHED the tickets created in the slices whose target fell due before it.
 */
async function measureRows(
  db: QueryExecutorProvider,
  slices: readonly Slice[],
  grouping: Grouping,
  measures: readonly TicketRollupMeasure[],
  breachedAt: string | null,
): Promise<BlockRows<Measures>> {
  const byTime = grouping === null || grouping === 'HOUR' || grouping === 'DAY';
  const dimension = grouping === null ? 'ALL' : DIMENSION[grouping];
  const { blocks, raw } = decompose(slices, byTime ? GRAINS : DAY_GRAINS);
  const teamJoin = (column: RawBuilder<unknown>) => (grouping === 'TEAM' ? sql`LEFT JOIN agent_teams g ON g.agent_id = ${column}` : sql``);
  const ctes: RawBuilder<unknown>[] = [];
  const parts: RawBuilder<unknown>[] = [];
  const list = sql.join(measures.map((m) => sql.lit(m)));
  const ranges = blockRanges(blocks, 'r');
  for (const range of ranges.ranges) {
    const key = byTime ? ranges.block : grouping === 'TEAM' ? sql`g.team` : sql`NULLIF(r.key, '')`;
    parts.push(sql`
      SELECT ${key} AS grp, r.measure, r.bucket, r.count AS c
      FROM ticket_rollups r ${teamJoin(sql`r.key`)}
      WHERE r.dimension = ${sql.lit(dimension)} AND ${range} AND r.measure IN (${list})`);
  }
  const rawKey = byTime ? sql`s.slice_key` : RAW_KEY[grouping as keyof typeof RAW_KEY];
  const arm = (slicesName: string, column: 'created_at' | 'solved_at', measure: TicketRollupMeasure, bucket: RawBuilder<unknown>, where: RawBuilder<unknown>) =>
    sql`SELECT ${rawKey} AS grp, ${sql.lit(measure)} AS measure, ${bucket} AS bucket, 1 AS c
      FROM ${sql.raw(slicesName)} s CROSS JOIN tickets t ${teamJoin(sql`t.assignee_id`)}
      WHERE t.${sql.raw(column)} >= s.slice_start AND t.${sql.raw(column)} < s.slice_end${where}`;
  const backlogArm = (measure: TicketRollupMeasure, moves: RawBuilder<boolean>) =>
    sql`SELECT ${rawKey} AS grp, ${sql.lit(measure)} AS measure, 0 AS bucket, 1 AS c
      FROM raw_slices s CROSS JOIN ticket_status_history h JOIN tickets t ON t.id = h.ticket_id ${teamJoin(sql`t.assignee_id`)}
      WHERE h.at >= s.slice_start AND h.at < s.slice_end AND ${moves}`;
  if (raw.length > 0) {
    ctes.push(slicesCte(raw, 'raw_slices'));
    const arms: Record<TicketRollupMeasure, RawBuilder<unknown>> = {
      CREATED: arm('raw_slices', 'created_at', 'CREATED', sql`0`, sql``),
      BREACHED: arm('raw_slices', 'created_at', 'BREACHED', sql`0`, sql` AND t.sla_breached = 1`),
      FIRST_REPLY: arm('raw_slices', 'created_at', 'FIRST_REPLY', bucketSql(firstReplySeconds('t') as RawBuilder<number>), sql` AND t.first_responded_at IS NOT NULL`),
      SOLVED: arm('raw_slices', 'solved_at', 'SOLVED', sql`0`, sql``),
      RESOLUTION: arm('raw_slices', 'solved_at', 'RESOLUTION', bucketSql(resolutionSeconds('t') as RawBuilder<number>), sql``),
      OPENED: backlogArm('OPENED', sql`h.backlog_delta > 0`),
      CLOSED: backlogArm('CLOSED', sql`h.backlog_delta < 0`),
    };
    for (const measure of measures) parts.push(arms[measure]);
  }
  if (breachedAt !== null) {
    // Read through tickets_report_sla_open (its WHERE terms spelled as the index's).
    ctes.push(slicesCte(slices, 'all_slices'));
    parts.push(arm('all_slices', 'created_at', 'BREACHED', sql`0`, sql` AND t.sla_breached = 0 AND t.sla_due_at IS NOT NULL AND t.sla_due_at < ${breachedAt}`));
  }
  const { totals, groups } = await readBucketCounts<TicketRollupMeasure>(db, ctes, parts, ranges.groupOf);
  const measuresOf = (counts: Map<TicketRollupMeasure, BucketCounts>): Measures => {
    const out: Measures = {};
    for (const [measure, c] of counts) out[measure] = { count: c.total, median: c.percentile(50), p90: c.percentile(90) };
    return out;
  };
  const out: BlockRows<Measures> = { totals: totals.size > 0 ? measuresOf(totals) : null, groups: new Map() };
  for (const [key, counts] of groups) out.groups.set(key, measuresOf(counts));
  return out;
}

function mapRows<T>(rows: BlockRows<Measures>, map: (m: Measures) => T | null): BlockRows<T> {
  const out: BlockRows<T> = { totals: rows.totals === null ? null : map(rows.totals), groups: new Map() };
  for (const [key, measures] of rows.groups) {
    const value = map(measures);
    if (value !== null) out.groups.set(key, value);
  }
  return out;
}

/** `createdBlock` from the roll-ups: tickets created, SLA breaches (as of `now`), first-reply time. */
export async function createdFromRollups(db: QueryExecutorProvider, slices: readonly Slice[], grouping: TicketGrouping | null, now: string): Promise<BlockRows<CreatedCounts>> {
  const rows = await measureRows(db, slices, grouping, ['CREATED', 'BREACHED', 'FIRST_REPLY'], now);
  return mapRows(rows, (m) =>
    (m.CREATED?.count ?? 0) === 0
      ? null
      : { created: m.CREATED?.count ?? 0, slaBreached: m.BREACHED?.count ?? 0, firstReplyMedian: m.FIRST_REPLY?.median ?? null, firstReplyP90: m.FIRST_REPLY?.p90 ?? null },
  );
}

/** `solvedBlock` from the roll-ups: tickets solved and resolution time. */
export async function solvedFromRollups(db: QueryExecutorProvider, slices: readonly Slice[], grouping: TicketGrouping | null): Promise<BlockRows<SolvedCounts>> {
  const rows = await measureRows(db, slices, grouping, ['SOLVED', 'RESOLUTION'], null);
  return mapRows(rows, (m) => ((m.SOLVED?.count ?? 0) === 0 ? null : { solved: m.SOLVED?.count ?? 0, resolutionMedian: m.RESOLUTION?.median ?? null, resolutionP90: m.RESOLUTION?.p90 ?? null }));
}

/** `ticketMetricsByTier` from the roll-ups (TIER rows for whole UTC days, raw tickets for the rest). */
export async function ticketMetricsByTierFromRollups(db: QueryExecutorProvider, range: ReportRange, now: string): Promise<TierTicketMetrics[]> {
  const rows = await measureRows(db, [{ key: '', start: range.from, end: range.to }], 'TIER', ['CREATED', 'BREACHED'], now);
  const out: TierTicketMetrics[] = [];
  for (const [tier, m] of rows.groups) {
    const created = m.CREATED?.count ?? 0;
    if (created === 0) continue;
    const slaBreached = m.BREACHED?.count ?? 0;
    out.push({ tier, created, slaBreached, slaBreachRate: ratio(slaBreached, created) });
  }
  return out.sort((a, b) => compareTiers(a.tier, b.tier));
}

/**
 * `backlogBlock` from the roll-ups, for the groupings by priority, channel, assignee and team:
 * the tickets in the backlog just before `range.to`, per group, as the backlog moves (OPENED
 * minus CLOSED, ticket-rollups.ts) from the first status change ever to `to`: blocks of 1, 4
 * and 16 UTC days, and the status history itself for the hours outside whole days. Equals
 * `backlogBlock` (the roll-up test compares them); groups with no backlog are left out.
 */
export async function backlogFromRollups(db: QueryExecutorProvider, range: ReportRange, grouping: 'PRIORITY' | 'CHANNEL' | 'ASSIGNEE' | 'TEAM'): Promise<Map<string | null, number>> {
  const first = await sql<{ at: string | null }>`SELECT MIN(at) AS at FROM ticket_status_history`.execute(db);
  const earliest = first.rows[0]?.at ?? null;
  const out = new Map<string | null, number>();
  if (earliest === null || earliest >= range.to) return out;
  // From the start of that UTC day (nothing lies before the first change), so the first day
  // is a whole-day block too, not status history joined to tickets: on PostgreSQL that join,
  // estimated from a parameter range, was a hash join over every ticket (about 80 ms).
  const start = new Date(Math.floor(Date.parse(earliest) / DAY_MS) * DAY_MS).toISOString();
  const rows = await measureRows(db, [{ key: '', start, end: range.to }], grouping, ['OPENED', 'CLOSED'], null);
  for (const [key, m] of rows.groups) {
    const backlog = (m.OPENED?.count ?? 0) - (m.CLOSED?.count ?? 0);
    if (backlog !== 0) out.set(key, backlog);
  }
  return out;
}
