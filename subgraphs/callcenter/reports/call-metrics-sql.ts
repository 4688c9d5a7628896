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
import { DAY_DIMENSIONS, contactWait, measures, SUMMED_MEASURES, type RollupDimension, type SummedMeasure } from './call-rollups.js';
import { decompose } from '../../shared/reporting/histograms.js';

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
 * Repeat contacts and first-contact resolution, per group, in one pass with window
 * functions: every identified contact within the window (N days) on either side of the range
 * and in it is read once (in-range ones labelled with their group), sorted once per caller by
 * offer second, and two framed counts tell each contact whether the same caller had another
 * contact in the N days before (`RANGE BETWEEN N PRECEDING AND 1 PRECEDING`: strictly earlier
 * seconds, so two contacts in the same second are not repeats of each other) and after
 * (`1 FOLLOWING AND N FOLLOWING`). Contacts outside the range are read only for callers who
 * contacted in it (a join to the range's distinct callers). No self-join, no per-contact
 * lookup. Totals are the sum of the groups. The reference computation: reports read the
 * day counts of the contact gaps kept on write instead (`repeatFromHistograms` in
 * call-histograms.ts), which give the same counts.
 */
export async function repeatBlock(
  db: Db,
  slices: readonly Slice[],
  window: { from: string; to: string; seconds: number },
  grouping: CallGrouping | null,
): Promise<BlockRows<RepeatCounts>> {
  const range = { from: slices[0]?.start ?? window.from, to: slices.at(-1)?.end ?? window.to };
  const identified = (alias: string) => sql`${isContact(alias)} AND ${callerIdentity(alias)} IS NOT NULL`;
  const n = sql.lit(window.seconds);
  // The window's calls (a started_at range) joined to the range's distinct callers, not
  // `caller IN (SELECT …)`: PostgreSQL planned that badly once the tables were analyzed.
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    in_range AS MATERIALIZED (
      SELECT ${groupKey(grouping, 'c')} AS grp, ${callerIdentity('c')} AS caller, ${epochSeconds('c.started_at')} AS t,
        CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered
      FROM slices s CROSS JOIN calls c ${agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${identified('c')}
    ),
    callers AS MATERIALIZED (SELECT DISTINCT caller FROM in_range),
    contacts AS (
      SELECT 1 AS in_range, grp, caller, t, answered FROM in_range
      UNION ALL
      SELECT 0 AS in_range, NULL AS grp, ${callerIdentity('p')} AS caller, ${epochSeconds('p.started_at')} AS t, 0 AS answered
      FROM calls p JOIN callers k ON k.caller = ${callerIdentity('p')}
      WHERE p.started_at >= ${window.from} AND p.started_at < ${range.from} AND ${identified('p')}
      UNION ALL
      SELECT 0 AS in_range, NULL AS grp, ${callerIdentity('p')} AS caller, ${epochSeconds('p.started_at')} AS t, 0 AS answered
      FROM calls p JOIN callers k ON k.caller = ${callerIdentity('p')}
      WHERE p.started_at >= ${range.to} AND p.started_at < ${window.to} AND ${identified('p')}
    ),
    marked AS (
      SELECT in_range, grp, answered,
        COUNT(*) OVER (PARTITION BY caller ORDER BY t RANGE BETWEEN ${n} PRECEDING AND 1 PRECEDING) AS before_n,
        COUNT(*) OVER (PARTITION BY caller ORDER BY t RANGE BETWEEN 1 FOLLOWING AND ${n} FOLLOWING) AS after_n
      FROM contacts
    )
    SELECT 0 AS is_total, grp,
      COUNT(*) AS identified,
      SUM(CASE WHEN before_n > 0 THEN 1 ELSE 0 END) AS repeats,
      SUM(answered) AS answered,
      SUM(CASE WHEN answered = 1 AND after_n = 0 THEN 1 ELSE 0 END) AS resolved
    FROM marked
    WHERE in_range = 1
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

/**
 * The percentile part of the contact and handling blocks, from raw rows (the roll-ups hold
 * no value distributions): the nearest-rank median and p90 of the wait of answered contacts
 * and of the handle time of handled legs, and the contacts answered within the service-level
 * threshold (any threshold 0..3600 s, so not in the roll-ups either). Both values belong to
 * answered inbound queue calls, so one range scan of those serves all three.
 */
export async function percentileBlock(db: Db, slices: readonly Slice[], grouping: CallGrouping | null, serviceLevelSeconds: number): Promise<BlockRows<WaitAndHandlePercentiles>> {
  const result = await sql<Record<string, unknown> & { is_total: number; grp: string | null }>`
    WITH ${slicesCte(slices)},
    f AS MATERIALIZED (
      SELECT ${groupKey(grouping, 'c')} AS grp,
        CASE WHEN ${isContact('c')} THEN c.wait_seconds END AS wait,
        c.talk_seconds + c.hold_seconds + c.wrap_up_seconds AS handle
      FROM slices s CROSS JOIN calls c ${agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isHandledLeg('c')}
    ),
    within AS (
      SELECT 0 AS is_total, grp, SUM(CASE WHEN wait <= ${serviceLevelSeconds} THEN 1 ELSE 0 END) AS within FROM f GROUP BY grp
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, SUM(CASE WHEN wait <= ${serviceLevelSeconds} THEN 1 ELSE 0 END) AS within FROM f
    ),
    ${percentilesCte('waits', sql`SELECT grp, wait AS v FROM f`)},
    ${percentilesCte('handles', sql`SELECT grp, handle AS v FROM f`)}
    SELECT k.*, w.median AS wait_median, w.p90 AS wait_p90, h.median AS handle_median, h.p90 AS handle_p90
    FROM within k
      LEFT JOIN waits w ON ${samePercentileGroup('w', 'k')}
      LEFT JOIN handles h ON ${samePercentileGroup('h', 'k')}`.execute(db);
  return collect(result.rows, (row) => ({
    answeredWithinThreshold: toNumber(row.within),
    waitMedian: toNumberOrNull(row.wait_median),
    waitP90: toNumberOrNull(row.wait_p90),
    handleMedian: toNumberOrNull(row.handle_median),
    handleP90: toNumberOrNull(row.handle_p90),
  }));
}

export interface WaitAndHandlePercentiles {
  answeredWithinThreshold: number;
  waitMedian: number | null;
  waitP90: number | null;
  handleMedian: number | null;
  handleP90: number | null;
}

/** The roll-up counts and sums of a group (`call_rollups` columns, longest wait included). */
export type RollupCounts = Record<SummedMeasure, number> & { longestWait: number | null };

const HOUR_MS = 3_600_000;

/**
 * Cuts slices into whole UTC hours (read from the roll-ups) and the parts before the first
 * and after the last whole hour (read from raw calls): a slice of a zone with a half-hour
 * offset, or a range not starting on the hour, costs at most two partial hours of rows.
 */
export function splitAtHours(slices: readonly Slice[]): { whole: Slice[]; partial: Slice[] } {
  const whole: Slice[] = [];
  const partial: Slice[] = [];
  for (const slice of slices) {
    const startMs = Date.parse(slice.start);
    const endMs = Date.parse(slice.end);
    const a = Math.ceil(startMs / HOUR_MS) * HOUR_MS;
    const b = Math.floor(endMs / HOUR_MS) * HOUR_MS;
    if (a >= b) {
      partial.push(slice);
      continue;
    }
    whole.push({ key: slice.key, start: new Date(a).toISOString(), end: new Date(b).toISOString() });
    if (startMs < a) partial.push({ key: slice.key, start: slice.start, end: new Date(a).toISOString() });
    if (b < endMs) partial.push({ key: slice.key, start: new Date(b).toISOString(), end: slice.end });
  }
  return { whole, partial };
}

/** The roll-up dimension a grouping reads, and the group key of a roll-up row `r` (agent `a` joined for TEAM). */
function rollupGroup(grouping: CallGrouping | 'TIER' | null): { dimension: RollupDimension; key: RawBuilder<string | null>; join: RawBuilder<unknown> } {
  switch (grouping) {
    case 'QUEUE':
      return { dimension: 'QUEUE', key: sql`r.key`, join: sql`` };
    case 'AGENT':
      return { dimension: 'AGENT', key: sql`NULLIF(r.key, '')`, join: sql`` };
    case 'TEAM':
      return { dimension: 'AGENT', key: sql`a.team`, join: sql`LEFT JOIN agents a ON a.id = r.key` };
    case 'TIER':
      return { dimension: 'TIER', key: sql`NULLIF(r.key, '')`, join: sql`` };
    default:
      return { dimension: 'ALL', key: sql`s.slice_key`, join: sql`` };
  }
}

/**
 * The counts and sums of the report per group from the hourly roll-ups (whole hours) plus
 * the raw calls of partial hours (`splitAtHours`), one statement. Groups without a contact
 * or a handled leg are left out (as in the raw blocks); totals are the sum of the groups.
 * `TIER` groups by the customer tier stored with each call.
 */
export async function rollupCountsBlock(db: Db, slices: readonly Slice[], grouping: CallGrouping | 'TIER' | null): Promise<BlockRows<RollupCounts>> {
  const { whole, partial } = splitAtHours(slices);
  const group = rollupGroup(grouping);
  const m = measures('c');
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const parts: RawBuilder<unknown>[] = [];
  const ctes: RawBuilder<unknown>[] = [];
  const dayDimension = DAY_DIMENSIONS[group.dimension];
  if (whole.length > 0 && dayDimension !== undefined) {
    // Whole UTC days from the day rows, the other whole hours from the hourly rows.
    const { blocks } = decompose(whole, [24, 1]);
    const hourIso = (hour: number) => new Date(hour * HOUR_MS).toISOString();
    ctes.push(sql`blocks (dimension, hour) AS (VALUES ${sql.join(blocks.map((b) => sql`(${sql.lit(b.grain === 24 ? dayDimension : group.dimension)}, ${sql.lit(hourIso(b.hour))})`))})`);
    parts.push(sql`
      SELECT ${group.key} AS grp, ${sql.join(SUMMED_MEASURES.map((name) => sql`r.${sql.ref(name)}`))}, r.longest_wait
      FROM blocks b CROSS JOIN call_rollups r ${group.join}
      WHERE r.dimension = b.dimension AND r.hour = b.hour`);
  } else if (whole.length > 0) {
    ctes.push(slicesCte(whole, 'whole_slices'));
    parts.push(sql`
      SELECT ${group.key} AS grp, ${sql.join(SUMMED_MEASURES.map((name) => sql`r.${sql.ref(name)}`))}, r.longest_wait
      FROM whole_slices s CROSS JOIN call_rollups r ${group.join}
      WHERE r.dimension = ${sql.lit(group.dimension)} AND r.hour >= s.slice_start AND r.hour < s.slice_end`);
  }
  if (partial.length > 0) {
    ctes.push(slicesCte(partial, 'slices'));
    const rawKey = grouping === 'TIER' ? sql`c.customer_tier` : groupKey(grouping, 'c');
    parts.push(sql`
      SELECT ${rawKey} AS grp, ${sql.join(SUMMED_MEASURES.map((name) => m[name]))}, ${contactWait('c')}
      FROM slices s CROSS JOIN calls c ${grouping === 'TIER' ? sql`` : agentJoin(grouping, 'c')}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end
        AND c.queue_id IS NOT NULL AND COALESCE(c.direction, '') = 'INBOUND'`);
  }
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`SUM(${sql.ref(name)}) AS ${sql.ref(name)}`));
  const result = await sql<Record<string, unknown> & { grp: string | null }>`
    WITH ${sql.join(ctes)},
    src (grp, ${columns}, longest_wait) AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT grp, ${sums}, MAX(longest_wait) AS longest_wait
    FROM src
    GROUP BY grp
    HAVING SUM(offered) > 0 OR SUM(handled) > 0`.execute(db);
  const out: BlockRows<RollupCounts> = { totals: null, groups: new Map() };
  for (const row of result.rows) {
    const counts = Object.fromEntries(SUMMED_MEASURES.map((name) => [name, toNumber(row[name])])) as RollupCounts;
    counts.longestWait = toNumberOrNull(row.longest_wait);
    out.groups.set(row.grp === null ? null : String(row.grp), counts);
    if (out.totals === null) out.totals = { ...counts };
    else {
      for (const name of SUMMED_MEASURES) out.totals[name] += counts[name];
      if (counts.longestWait !== null) out.totals.longestWait = Math.max(out.totals.longestWait ?? 0, counts.longestWait);
    }
  }
  return out;
}
