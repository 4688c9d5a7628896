/**
 * The call-center metric blocks, one SQL statement each, identical for SQLite and
 * PostgreSQL; only aggregates leave the database. Every block groups the rows of its
 * time slices (`slices` CTE: the HOUR/DAY buckets, or the whole range) by the report's
 * grouping; the contact and handling blocks also return the totals over all rows
 * (`is_total = 1`) from the same statement, their percentiles from the values' histogram.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { callerIdentity, isContact, isHandledLeg } from './call-definitions.js';
import { epochSeconds, percentilesCte, samePercentileGroup, slicesCte, toNumber, toNumberOrNull, type Slice } from '../../shared/reporting/sql-fragments.js';
import type { ReportingCallCenterTables } from './tables.js';

export type CallGrouping = 'HOUR' | 'DAY' | 'QUEUE' | 'AGENT' | 'TEAM';

/** `totals` under key null, groups under their key (null: calls without a queue/agent/team). */
export interface BlockRows<T> {
  totals: T | null;
  groups: Map<string | null, T>;
}

export interface ContactCounts {
  offered: number;
  answered: number;
  abandoned: number;
  missed: number;
  voicemail: number;
  transferred: number;
  /** Contacts ended by the silence expiry (disposition EXPIRED). */
  expired: number;
  answeredWithinThreshold: number;
  answeredWaitSeconds: number;
  longestWait: number | null;
  waitMedian: number | null;
  waitP90: number | null;
}

export interface HandlingCounts {
  handled: number;
  handleSeconds: number;
  handleMedian: number | null;
  handleP90: number | null;
}

export interface RepeatCounts {
  identifiedContacts: number;
  repeatContacts: number;
  answeredIdentified: number;
  resolvedOnFirstContact: number;
}

type Db = Kysely<ReportingCallCenterTables>;

/** The group key of a row of `alias` (a `calls` row joined to `slices s` and, for TEAM, `agents a`). */
function groupKey(grouping: CallGrouping | null, alias: string): RawBuilder<string | null> {
  switch (grouping) {
    case 'QUEUE':
      return sql`${sql.ref(`${alias}.queue_id`)}`;
    case 'AGENT':
      return sql`${sql.ref(`${alias}.agent_id`)}`;
    case 'TEAM':
      return sql`a.team`;
    default:
      return sql`s.slice_key`;
  }
}

function agentJoin(grouping: CallGrouping | null, alias: string): RawBuilder<unknown> {
  return grouping === 'TEAM' ? sql`LEFT JOIN agents a ON a.id = ${sql.ref(`${alias}.agent_id`)}` : sql``;
}

function collect<R extends { is_total: unknown; grp: unknown }, T>(rows: R[], map: (row: R) => T): BlockRows<T> {
  const result: BlockRows<T> = { totals: null, groups: new Map() };
  for (const row of rows) {
    const value = map(row);
    if (Number(row.is_total) === 1) result.totals = value;
    else result.groups.set(row.grp === null ? null : String(row.grp), value);
  }
  return result;
}

/** Offered, answered, abandoned, missed, voicemail, transferred, expired, service level, speed of answer, waits. */
export async function contactBlock(db: Db, slices: readonly Slice[], grouping: CallGrouping | null, serviceLevelSeconds: number): Promise<BlockRows<ContactCounts>> {
  const aggregates = sql`
      COUNT(*) AS offered,
      SUM(answered) AS answered,
      SUM(CASE WHEN disposition = 'ABANDONED' THEN 1 ELSE 0 END) AS abandoned,
      SUM(CASE WHEN disposition = 'MISSED' THEN 1 ELSE 0 END) AS missed,
      SUM(CASE WHEN disposition = 'VOICEMAIL' THEN 1 ELSE 0 END) AS voicemail,
      SUM(CASE WHEN disposition = 'TRANSFERRED' THEN 1 ELSE 0 END) AS transferred,
      SUM(CASE WHEN disposition = 'EXPIRED' THEN 1 ELSE 0 END) AS expired,
      SUM(CASE WHEN answered = 1 AND wait <= ${serviceLevelSeconds} THEN 1 ELSE 0 END) AS answered_within,
      SUM(CASE WHEN answered = 1 THEN wait ELSE 0 END) AS answered_wait,
      MAX(wait) AS longest_wait`;
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping, 'c')} AS grp, c.wait_seconds AS wait, c.disposition AS disposition,
        CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered
      FROM slices s CROSS JOIN calls c ${agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isContact('c')}
    ),
    counts AS (
      SELECT 0 AS is_total, grp, ${aggregates} FROM f GROUP BY grp
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, ${aggregates} FROM f
    ),
    ${percentilesCte('waits', sql`SELECT grp, CASE WHEN answered = 1 THEN wait END AS v FROM f`)}
    SELECT k.*, p.median AS wait_median, p.p90 AS wait_p90
    FROM counts k LEFT JOIN waits p ON ${samePercentileGroup('p', 'k')}`.execute(db);
  return collect(result.rows, (row) => ({
    offered: toNumber(row.offered),
    answered: toNumber(row.answered),
    abandoned: toNumber(row.abandoned),
    missed: toNumber(row.missed),
    voicemail: toNumber(row.voicemail),
    transferred: toNumber(row.transferred),
    expired: toNumber(row.expired),
    answeredWithinThreshold: toNumber(row.answered_within),
    answeredWaitSeconds: toNumber(row.answered_wait),
    longestWait: toNumberOrNull(row.longest_wait),
    waitMedian: toNumberOrNull(row.wait_median),
    waitP90: toNumberOrNull(row.wait_p90),
  }));
}

/** Handled legs and their handle time (talk + hold + wrap-up). */
export async function handlingBlock(db: Db, slices: readonly Slice[], grouping: CallGrouping | null): Promise<BlockRows<HandlingCounts>> {
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping, 'c')} AS grp, c.talk_seconds + c.hold_seconds + c.wrap_up_seconds AS handle
      FROM slices s CROSS JOIN calls c ${agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isHandledLeg('c')}
    ),
    counts AS (
      SELECT 0 AS is_total, grp, COUNT(*) AS handled, SUM(handle) AS handle_total FROM f GROUP BY grp
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, COUNT(*) AS handled, SUM(handle) AS handle_total FROM f
    ),
    ${percentilesCte('handles', sql`SELECT grp, handle AS v FROM f`)}
    SELECT k.*, p.median AS handle_median, p.p90 AS handle_p90
    FROM counts k LEFT JOIN handles p ON ${samePercentileGroup('p', 'k')}`.execute(db);
  return collect(result.rows, (row) => ({
    handled: toNumber(row.handled),
    handleSeconds: toNumber(row.handle_total),
    handleMedian: toNumberOrNull(row.handle_median),
    handleP90: toNumberOrNull(row.handle_p90),
  }));
}

/**
 * The same caller's nearest other contact before (`MAX`, `<`) or after (`MIN`, `>`) contact
 * `c`, within [lookFrom, lookTo): an index seek per contact (customer id, else number of an
 * unknown caller), so only the contacts in range are read, not the whole window around it.
 */
function neighbour(direction: 'before' | 'after', lookFrom: string, lookTo: string): RawBuilder<string | null> {
  const [aggregate, compare] = direction === 'before' ? [sql`MAX`, sql`<`] : [sql`MIN`, sql`>`];
  const near = sql`p.started_at ${compare} c.started_at AND p.started_at >= ${lookFrom} AND p.started_at < ${lookTo} AND ${isContact('p')}`;
  return sql<string | null>`CASE WHEN c.customer_id IS NOT NULL
      THEN (SELECT ${aggregate}(p.started_at) FROM calls p WHERE p.customer_id = c.customer_id AND ${near})
      ELSE (SELECT ${aggregate}(p.started_at) FROM calls p WHERE p.customer_number = c.customer_number AND COALESCE(p.customer_id, '') = '' AND ${near})
    END`;
}

/**
 * Repeat contacts and first-contact resolution, per group; totals are the sum of the groups
 * (no percentiles here). For each identified contact in range, the same caller's previous
 * and next contacts are looked up within the window (N days) on either side of the range.
 */
export async function repeatBlock(
  db: Db,
  slices: readonly Slice[],
  window: { from: string; to: string; seconds: number },
  grouping: CallGrouping | null,
): Promise<BlockRows<RepeatCounts>> {
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping, 'c')} AS grp, c.started_at,
        CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered,
        ${neighbour('before', window.from, window.to)} AS prev_at,
        ${neighbour('after', window.from, window.to)} AS next_at
      FROM slices s CROSS JOIN calls c ${agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isContact('c')}
        AND ${callerIdentity('c')} IS NOT NULL
    )
    SELECT 0 AS is_total, grp,
      COUNT(*) AS identified,
      SUM(CASE WHEN prev_at IS NOT NULL AND ${epochSeconds('started_at')} - ${epochSeconds('prev_at')} <= ${window.seconds} THEN 1 ELSE 0 END) AS repeats,
      SUM(answered) AS answered,
      SUM(CASE WHEN answered = 1 AND NOT (next_at IS NOT NULL AND ${epochSeconds('next_at')} - ${epochSeconds('started_at')} <= ${window.seconds}) THEN 1 ELSE 0 END) AS resolved
    FROM f
    GROUP BY grp`.execute(db);
  const rows = collect(result.rows, (row) => ({
    identifiedContacts: toNumber(row.identified),
    repeatContacts: toNumber(row.repeats),
    answeredIdentified: toNumber(row.answered),
    resolvedOnFirstContact: toNumber(row.resolved),
  }));
  const totals: RepeatCounts = { identifiedContacts: 0, repeatContacts: 0, answeredIdentified: 0, resolvedOnFirstContact: 0 };
  for (const group of rows.groups.values()) {
    totals.identifiedContacts += group.identifiedContacts;
    totals.repeatContacts += group.repeatContacts;
    totals.answeredIdentified += group.answeredIdentified;
    totals.resolvedOnFirstContact += group.resolvedOnFirstContact;
  }
  return { totals, groups: rows.groups };
}
