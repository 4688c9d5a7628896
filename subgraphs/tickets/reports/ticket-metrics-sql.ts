/**
 * The ticket metric blocks, one SQL statement each, identical for SQLite and PostgreSQL;
 * only aggregates leave the database. The created and solved blocks also return the totals
 * over all rows (`is_total = 1`), their percentiles from the values' histogram; backlog
 * totals are the sum of its groups, and the backlog comes from the status history.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { percentilesCte, samePercentileGroup, slicesCte, toNumber, toNumberOrNull, type Slice } from '../../shared/reporting/sql-fragments.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';
import { firstReplySeconds, isBreached, resolutionSeconds } from './ticket-definitions.js';
import type { ReportingTicketsDatabase } from './tables.js';

export type TicketGrouping = 'HOUR' | 'DAY' | 'PRIORITY' | 'CHANNEL' | 'ASSIGNEE' | 'TEAM';

type Db = Kysely<ReportingTicketsDatabase>;

export interface BlockRows<T> {
  totals: T | null;
  groups: Map<string | null, T>;
}

export interface CreatedCounts {
  created: number;
  slaBreached: number;
  firstReplyMedian: number | null;
  firstReplyP90: number | null;
}

export interface SolvedCounts {
  solved: number;
  resolutionMedian: number | null;
  resolutionP90: number | null;
}

function groupKey(grouping: TicketGrouping | null): RawBuilder<string | null> {
  switch (grouping) {
    case 'PRIORITY':
      return sql`t.priority`;
    case 'CHANNEL':
      return sql`t.channel`;
    case 'ASSIGNEE':
      return sql`t.assignee_id`;
    case 'TEAM':
      return sql`g.team`;
    default:
      return sql`s.slice_key`;
  }
}

const teamJoin = (grouping: TicketGrouping | null) => (grouping === 'TEAM' ? sql`LEFT JOIN agent_teams g ON g.agent_id = t.assignee_id` : sql``);

function collect<R extends { is_total: unknown; grp: unknown }, T>(rows: R[], map: (row: R) => T): BlockRows<T> {
  const result: BlockRows<T> = { totals: null, groups: new Map() };
  for (const row of rows) {
    const value = map(row);
    if (Number(row.is_total) === 1) result.totals = value;
    else result.groups.set(row.grp === null ? null : String(row.grp), value);
  }
  return result;
}

/** Tickets created in the slices (the range, or its HOUR/DAY buckets): count, SLA breaches, first-reply time. */
export async function createdBlock(db: Db, slices: readonly Slice[], grouping: TicketGrouping | null, now: string): Promise<BlockRows<CreatedCounts>> {
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping)} AS grp,
        CASE WHEN ${isBreached('t', now)} THEN 1 ELSE 0 END AS breached,
        ${firstReplySeconds('t')} AS first_reply
      FROM slices s CROSS JOIN tickets t ${teamJoin(grouping)}
      WHERE t.created_at >= s.slice_start AND t.created_at < s.slice_end
    ),
    counts AS (
      SELECT 0 AS is_total, grp, COUNT(*) AS created, SUM(breached) AS breached FROM f GROUP BY grp
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, COUNT(*) AS created, SUM(breached) AS breached FROM f
    ),
    ${percentilesCte('replies', sql`SELECT grp, first_reply AS v FROM f`)}
    SELECT k.*, p.median AS first_reply_median, p.p90 AS first_reply_p90
    FROM counts k LEFT JOIN replies p ON ${samePercentileGroup('p', 'k')}`.execute(db);
  return collect(result.rows, (row) => ({
    created: toNumber(row.created),
    slaBreached: toNumber(row.breached),
    firstReplyMedian: toNumberOrNull(row.first_reply_median),
    firstReplyP90: toNumberOrNull(row.first_reply_p90),
  }));
}

/** Tickets solved in the slices: count and resolution time. */
export async function solvedBlock(db: Db, slices: readonly Slice[], grouping: TicketGrouping | null): Promise<BlockRows<SolvedCounts>> {
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping)} AS grp, ${resolutionSeconds('t')} AS resolution
      FROM slices s CROSS JOIN tickets t ${teamJoin(grouping)}
      WHERE t.solved_at >= s.slice_start AND t.solved_at < s.slice_end
    ),
    counts AS (
      SELECT 0 AS is_total, grp, COUNT(*) AS solved FROM f GROUP BY grp
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, COUNT(*) AS solved FROM f
    ),
    ${percentilesCte('resolutions', sql`SELECT grp, resolution AS v FROM f`)}
    SELECT k.*, p.median AS resolution_median, p.p90 AS resolution_p90
    FROM counts k LEFT JOIN resolutions p ON ${samePercentileGroup('p', 'k')}`.execute(db);
  return collect(result.rows, (row) => ({
    solved: toNumber(row.solved),
    resolutionMedian: toNumberOrNull(row.resolution_median),
    resolutionP90: toNumberOrNull(row.resolution_p90),
  }));
}

/**
 * Backlog at the end of the range, from the status history (`ticket_status_history`, written
 * with every change): the tickets whose status in effect just before `to` is open (NEW, OPEN,
 * PENDING, HOLD), i.e. the sum of the history's backlog deltas before `to` (+1 created or
 * reopened, -1 solved or closed), grouped by the ticket's key. One index range on `at`.
 */
export async function backlogBlock(db: Db, range: ReportRange, grouping: TicketGrouping | null): Promise<Map<string | null, number>> {
  if (grouping === 'HOUR' || grouping === 'DAY') throw new Error('backlogBlock groups by dimensions; time buckets come from backlogDeltaBlock.');
  // The total: one range over the history's index (at, backlog_delta), no ticket row read.
  // Per group: the deltas joined to their ticket's key (a ticket's deltas add up to 1 while open, 0 otherwise).
  const result =
    grouping === null
      ? await sql<{ grp: string | null; backlog: unknown }>`
          SELECT '' AS grp, COALESCE(SUM(h.backlog_delta), 0) AS backlog FROM ticket_status_history h
          WHERE h.at < ${range.to} AND h.backlog_delta <> 0`.execute(db)
      : await sql<{ grp: string | null; backlog: unknown }>`
          SELECT ${groupKey(grouping)} AS grp, SUM(h.backlog_delta) AS backlog
          FROM ticket_status_history h JOIN tickets t ON t.id = h.ticket_id ${teamJoin(grouping)}
          WHERE h.at < ${range.to} AND h.backlog_delta <> 0
          GROUP BY ${groupKey(grouping)}
          HAVING SUM(h.backlog_delta) <> 0`.execute(db);
  return new Map(result.rows.map((row) => [row.grp, toNumber(row.backlog)]));
}

/**
 * The change of the backlog within each slice: the sum of the history's backlog deltas with
 * `at` in the slice (tickets created or reopened minus tickets solved or closed there). The
 * backlog at the end of bucket i is the backlog at `from` plus the changes of buckets 0..i.
 */
export async function backlogDeltaBlock(db: Db, slices: readonly Slice[]): Promise<Map<string, number>> {
  const result = await sql<{ slice_key: string; delta: unknown }>`
    WITH ${slicesCte(slices)}
    SELECT s.slice_key, SUM(h.backlog_delta) AS delta
    FROM slices s CROSS JOIN ticket_status_history h
    WHERE h.at >= s.slice_start AND h.at < s.slice_end AND h.backlog_delta <> 0
    GROUP BY s.slice_key`.execute(db);
  return new Map(result.rows.map((row) => [String(row.slice_key), toNumber(row.delta)]));
}
