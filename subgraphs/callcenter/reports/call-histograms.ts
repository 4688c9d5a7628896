/**
 * Call-time histograms: how many answered contacts waited, and how many handled legs took,
 * each bucket of seconds, per block of UTC hours and grouping, maintained on write. The
 * reports take the median and p90 of wait and handle time, and the contacts answered within
 * the service-level threshold, from them instead of from every call of the range.
 *
 * Buckets (`bucketSql`, `bucketValue` in shared/reporting/histograms.ts): a value below 128 s is its own bucket (exact); above,
 * each power of two [2^e, 2^(e+1)) is cut into 16 equal buckets of 2^(e-4) s. A percentile is
 * the nearest-rank percentile of the bucketed values, reported as the middle of its bucket
 * (`lower + 2^(e-5)`), so it is exact below 128 s and otherwise within 1/32 (3.125%) of the
 * exact nearest-rank value (the exact value lies in the same bucket, at most half a bucket
 * width, 2^(e-5) <= value/32, away). The service level counts waits up to the threshold:
 * exact from the buckets for thresholds below 128 s; for larger thresholds the report counts
 * them on the raw calls (call-metrics.ts).
 *
 * Rows (`call_histograms`): (dimension, grain, hour, key, measure, bucket) → count, where
 * `hour` is the first UTC hour of the block in hours since 1970 and `grain` its length:
 * - dimension ALL (all calls) in blocks of 1, 2, 4, 8 and 24 hours (aligned to multiples of
 *   their length since 1970, so 24-hour blocks are UTC days): any whole-hour span is a few
 *   blocks (`decompose`), e.g. a day in UTC+8 is three 8-hour blocks;
 * - dimensions QUEUE and AGENT (key: the leg's queue / agent) in blocks of 1, 4 and 16 UTC
 *   days only; the whole hours of a range outside its whole UTC days are read from raw calls
 *   (at most 46 hours). Migration 0009 derived the 4- and 16-day blocks from the 1-day ones.
 * Measures: `WAIT` (wait of answered contacts, keyed by the contact's queue/agent) and
 * `HANDLE` (talk + hold + wrap-up of handled legs); the same rows the raw percentile pass
 * reads (call-metrics-sql.ts, `percentileBlock`).
 *
 * Maintenance is additive: a write removes the calls it changes as they were
 * (`removeCallsFromHistograms`, counts -1) and adds them as they are now
 * (`addCallsToHistograms`, +1), in its transaction, each one statement for every
 * dimension and block length (shared/reporting/histograms.ts). Additions commute, so concurrent
 * PostgreSQL writers need no lock beyond the rows' own. `rebuildCallHistograms` sums all
 * calls again (migration 0008, `npm run reports:rebuild`).
 */
import { SqliteAdapter, sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { callerIdentity, isContact, isHandledLeg } from './call-definitions.js';
import { slicesCte, toNumber, type Slice } from '../../shared/reporting/sql-fragments.js';
import type { BucketCounts } from '../../shared/reporting/histograms.js';
import { DAY_GRAINS, EXACT_BELOW, GRAINS, HistogramWriter, blockRanges, bucketSql, decompose, readBucketCounts } from '../../shared/reporting/histograms.js';

export { EXACT_BELOW, bucketErrorBound } from '../../shared/reporting/histograms.js';

export type HistogramDimension = 'ALL' | 'QUEUE' | 'AGENT';
export type HistogramMeasure = 'WAIT' | 'HANDLE' | 'IDENTIFIED' | 'ANSWERED_IDENTIFIED' | 'PREV_GAP_DAYS' | 'ANSWERED_NEXT_GAP_DAYS';

export interface CallHistogramsTable {
  dimension: HistogramDimension;
  /** Block length in hours: ALL 1, 2, 4, 8 or 24; QUEUE and AGENT 24, 96 or 384. */
  grain: number;
  /** First hour of the block, hours since 1970-01-01T00:00Z, a multiple of `grain`. */
  hour: number;
  /** Queue or agent id; '' for ALL and for legs without an agent. */
  key: string;
  measure: HistogramMeasure;
  bucket: number;
  count: number;
}

export interface CallHistogramTables {
  call_histograms: CallHistogramsTable;
}


/** Which blocks each dimension keeps. */
const KEPT: [HistogramDimension, readonly number[]][] = [
  ['ALL', GRAINS],
  ['QUEUE', DAY_GRAINS],
  ['AGENT', DAY_GRAINS],
];

/** Creates `call_histograms` (migration 0008); on SQLite clustered by its key (WITHOUT ROWID), so a block's rows are read together. */
export async function createCallHistograms(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('call_histograms')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_histograms_pk', ['dimension', 'grain', 'hour', 'key', 'measure', 'bucket'])
    .$call((t) => (sqlite ? t.modifyEnd(sql`WITHOUT ROWID`) : t))
    .execute();
}

/** The (measure, value) rows of the handled legs of `calls c` that pass `filter`: a handled leg's handle time, and its wait if it is a contact. */
function valuesOf(filter: RawBuilder<boolean>): RawBuilder<unknown> {
  const cols = sql`c.started_at, c.queue_id, c.agent_id`;
  const identified = sql`${isContact('c')} AND ${callerIdentity('c')} IS NOT NULL`;
  return sql`
    SELECT ${cols}, 'WAIT' AS measure, ${bucketSql(sql`c.wait_seconds`)} AS bucket
    FROM calls c WHERE ${isHandledLeg('c')} AND ${isContact('c')} AND ${filter}
    UNION ALL
    SELECT ${cols}, 'HANDLE' AS measure, ${bucketSql(sql`c.talk_seconds + c.hold_seconds + c.wrap_up_seconds`)} AS bucket
    FROM calls c WHERE ${isHandledLeg('c')} AND ${filter}
    UNION ALL
    SELECT ${cols}, 'IDENTIFIED' AS measure, 0 AS bucket FROM calls c WHERE ${identified} AND ${filter}
    UNION ALL
    SELECT ${cols}, 'ANSWERED_IDENTIFIED' AS measure, 0 AS bucket FROM calls c WHERE ${identified} AND c.answered_at IS NOT NULL AND ${filter}
    UNION ALL
    SELECT ${cols}, 'PREV_GAP_DAYS' AS measure, ${gapDays(sql`c.prev_contact_gap`)} AS bucket
    FROM calls c WHERE ${identified} AND c.prev_contact_gap IS NOT NULL AND ${filter}
    UNION ALL
    SELECT ${cols}, 'ANSWERED_NEXT_GAP_DAYS' AS measure, ${gapDays(sql`c.next_contact_gap`)} AS bucket
    FROM calls c WHERE ${identified} AND c.answered_at IS NOT NULL AND c.next_contact_gap IS NOT NULL AND ${filter}`;
}

/** Whole days a gap of seconds reaches, rounded up (a gap of g s is within N days iff this <= N), at most 91. */
function gapDays(gap: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(CASE WHEN ${gap} > ${sql.lit(MAX_WINDOW_DAYS * 86_400)} THEN ${sql.lit(MAX_WINDOW_DAYS + 1)} ELSE (${gap} + 86399) / 86400 END)`;
}

/** The longest repeat-contact window a report may ask for (`firstContactResolutionDays`). */
const MAX_WINDOW_DAYS = 90;

const KEY_OF: Record<HistogramDimension, RawBuilder<string>> = {
  ALL: sql<string>`''`,
  QUEUE: sql<string>`x.queue_id`,
  AGENT: sql<string>`COALESCE(x.agent_id, '')`,
};

const WRITER = new HistogramWriter({ table: 'call_histograms', kept: KEPT, keyOf: KEY_OF, valuesOf, idColumn: 'c.id', at: 'started_at' });

/** Adds calls as stored now (`ids`) to the histograms; run it in the writing transaction, after the write. */
export function addCallsToHistograms(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
  return WRITER.add(db, ids);
}

/**
 * Removes calls as stored now (`ids`) from the histograms, before a write changes them; the
 * buckets they empty are deleted. Run it in the writing transaction.
 */
export function removeCallsFromHistograms(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
  return WRITER.subtract(db, ids);
}

/** Sums every call again (migration 0008, `npm run reports:rebuild`). */
export function rebuildCallHistograms(db: QueryExecutorProvider): Promise<void> {
  return WRITER.rebuild(db);
}

export type HistogramGrouping = 'HOUR' | 'DAY' | 'QUEUE' | 'AGENT' | 'TEAM' | null;

export interface HistogramPercentiles {
  /** Answered contacts with a wait up to the threshold; null when the threshold is 128 s or more (count it on raw calls). */
  answeredWithinThreshold: number | null;
  waitMedian: number | null;
  waitP90: number | null;
  handleMedian: number | null;
  handleP90: number | null;
}

/**
 * Median and p90 of wait and handle time, and the answered contacts within
 * `serviceLevelSeconds`, per group and over all (`totals`), from the histograms plus the raw
 * calls of the parts of the slices no block covers; one statement. Percentiles are bucketed
 * (see the file comment for the bound).
 */
export async function histogramPercentiles(
  db: QueryExecutorProvider,
  slices: readonly Slice[],
  grouping: HistogramGrouping,
  serviceLevelSeconds: number,
): Promise<{ totals: HistogramPercentiles | null; groups: Map<string | null, HistogramPercentiles> }> {
  const byTime = grouping === null || grouping === 'HOUR' || grouping === 'DAY';
  const dimension: HistogramDimension = byTime ? 'ALL' : grouping === 'QUEUE' ? 'QUEUE' : 'AGENT';
  const { blocks, raw } = decompose(slices, byTime ? GRAINS : DAY_GRAINS);
  const ctes: RawBuilder<unknown>[] = [];
  const parts: RawBuilder<unknown>[] = [];
  const ranges = blockRanges(blocks, 'h');
  for (const range of ranges.ranges) {
    const key = byTime ? ranges.block : grouping === 'TEAM' ? sql`a.team` : sql`NULLIF(h.key, '')`;
    parts.push(sql`
      SELECT ${key} AS grp, h.measure, h.bucket, h.count AS c
      FROM call_histograms h ${grouping === 'TEAM' ? sql`LEFT JOIN agents a ON a.id = h.key` : sql``}
      WHERE h.dimension = ${sql.lit(dimension)} AND ${range} AND h.measure IN ('WAIT', 'HANDLE')`);
  }
  if (raw.length > 0) {
    ctes.push(slicesCte(raw, 'raw_slices'));
    const key = byTime ? sql`s.slice_key` : grouping === 'QUEUE' ? sql`c.queue_id` : grouping === 'AGENT' ? sql`c.agent_id` : sql`a.team`;
    const from = sql`raw_slices s CROSS JOIN calls c ${grouping === 'TEAM' ? sql`LEFT JOIN agents a ON a.id = c.agent_id` : sql``}`;
    const inSlice = sql`c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isHandledLeg('c')}`;
    parts.push(sql`
      SELECT ${key} AS grp, 'WAIT' AS measure, ${bucketSql(sql`c.wait_seconds`)} AS bucket, 1 AS c FROM ${from} WHERE ${inSlice} AND ${isContact('c')}
      UNION ALL
      SELECT ${key} AS grp, 'HANDLE' AS measure, ${bucketSql(sql`c.talk_seconds + c.hold_seconds + c.wrap_up_seconds`)} AS bucket, 1 AS c FROM ${from} WHERE ${inSlice}`);
  }
  if (parts.length === 0) return { totals: null, groups: new Map() };
  const { totals, groups } = await readBucketCounts<'WAIT' | 'HANDLE'>(db, ctes, parts, ranges.groupOf);
  const exactThreshold = serviceLevelSeconds < EXACT_BELOW;
  const percentiles = (measures: Map<'WAIT' | 'HANDLE', BucketCounts>): HistogramPercentiles => {
    const wait = measures.get('WAIT');
    const handle = measures.get('HANDLE');
    return {
      answeredWithinThreshold: exactThreshold ? (wait?.atMost(serviceLevelSeconds) ?? 0) : null,
      waitMedian: wait?.percentile(50) ?? null,
      waitP90: wait?.percentile(90) ?? null,
      handleMedian: handle?.percentile(50) ?? null,
      handleP90: handle?.percentile(90) ?? null,
    };
  };
  const out: { totals: HistogramPercentiles | null; groups: Map<string | null, HistogramPercentiles> } = { totals: null, groups: new Map() };
  if (totals.size > 0) out.totals = percentiles(totals);
  for (const [key, measures] of groups) out.groups.set(key, percentiles(measures));
  return out;
}

/** Repeat-contact counts of a group (see `repeatFromHistograms`). */
export interface RepeatHistogramCounts {
  identifiedContacts: number;
  repeatContacts: number;
  answeredIdentified: number;
  resolvedOnFirstContact: number;
}

function addRepeatCounts(into: RepeatHistogramCounts, counts: RepeatHistogramCounts): void {
  into.identifiedContacts += counts.identifiedContacts;
  into.repeatContacts += counts.repeatContacts;
  into.answeredIdentified += counts.answeredIdentified;
  into.resolvedOnFirstContact += counts.resolvedOnFirstContact;
}

/**
 * Repeat contacts and first-contact resolution for a window of `days` (1..90) per group, from
 * the histogram blocks (IDENTIFIED, ANSWERED_IDENTIFIED and the day counts of the contact
 * gaps, contact-gaps.ts) plus the raw calls of the parts no block covers: a repeat has its
 * previous-contact gap within `days` days (PREV_GAP_DAYS <= days); an answered contact is
 * resolved unless its next-contact gap is (ANSWERED_NEXT_GAP_DAYS <= days). Exact: the same
 * counts as the raw window pass. Totals are the sum of the groups.
 */
export async function repeatFromHistograms(
  db: QueryExecutorProvider,
  slices: readonly Slice[],
  grouping: HistogramGrouping,
  days: number,
): Promise<{ totals: RepeatHistogramCounts; groups: Map<string | null, RepeatHistogramCounts> }> {
  const byTime = grouping === null || grouping === 'HOUR' || grouping === 'DAY';
  const dimension: HistogramDimension = byTime ? 'ALL' : grouping === 'QUEUE' ? 'QUEUE' : 'AGENT';
  const { blocks, raw } = decompose(slices, byTime ? GRAINS : DAY_GRAINS);
  const ctes: RawBuilder<unknown>[] = [];
  const parts: RawBuilder<unknown>[] = [];
  const n = sql.lit(days);
  const counted = (measure: RawBuilder<unknown>, bucket: RawBuilder<unknown>, count: RawBuilder<unknown>) => sql`
    SUM(CASE WHEN ${measure} = 'IDENTIFIED' THEN ${count} ELSE 0 END) AS identified,
    SUM(CASE WHEN ${measure} = 'PREV_GAP_DAYS' AND ${bucket} <= ${n} THEN ${count} ELSE 0 END) AS repeats,
    SUM(CASE WHEN ${measure} = 'ANSWERED_IDENTIFIED' THEN ${count} ELSE 0 END) AS answered,
    SUM(CASE WHEN ${measure} = 'ANSWERED_NEXT_GAP_DAYS' AND ${bucket} <= ${n} THEN ${count} ELSE 0 END) AS unresolved`;
  const ranges = blockRanges(blocks, 'h');
  for (const range of ranges.ranges) {
    const key = byTime ? ranges.block : grouping === 'TEAM' ? sql`a.team` : sql`NULLIF(h.key, '')`;
    parts.push(sql`
      SELECT ${key} AS grp, ${counted(sql`h.measure`, sql`h.bucket`, sql`h.count`)}
      FROM call_histograms h ${grouping === 'TEAM' ? sql`LEFT JOIN agents a ON a.id = h.key` : sql``}
      WHERE h.dimension = ${sql.lit(dimension)} AND ${range}
        AND h.measure IN ('IDENTIFIED', 'ANSWERED_IDENTIFIED', 'PREV_GAP_DAYS', 'ANSWERED_NEXT_GAP_DAYS')
      GROUP BY ${key}`);
  }
  if (raw.length > 0) {
    ctes.push(slicesCte(raw, 'raw_slices'));
    const key = byTime ? sql`s.slice_key` : grouping === 'QUEUE' ? sql`c.queue_id` : grouping === 'AGENT' ? sql`c.agent_id` : sql`a.team`;
    const window = days * 86_400;
    parts.push(sql`
      SELECT ${key} AS grp,
        COUNT(*) AS identified,
        SUM(CASE WHEN c.prev_contact_gap <= ${sql.lit(window)} THEN 1 ELSE 0 END) AS repeats,
        SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
        SUM(CASE WHEN c.answered_at IS NOT NULL AND c.next_contact_gap <= ${sql.lit(window)} THEN 1 ELSE 0 END) AS unresolved
      FROM raw_slices s CROSS JOIN calls c ${grouping === 'TEAM' ? sql`LEFT JOIN agents a ON a.id = c.agent_id` : sql``}
      WHERE c.started_at >= s.slice_start AND c.started_at < s.slice_end AND ${isContact('c')} AND ${callerIdentity('c')} IS NOT NULL
      GROUP BY ${key}`);
  }
  const totals: RepeatHistogramCounts = { identifiedContacts: 0, repeatContacts: 0, answeredIdentified: 0, resolvedOnFirstContact: 0 };
  const groups = new Map<string | null, RepeatHistogramCounts>();
  if (parts.length === 0) return { totals, groups };
  const result = await sql<{ grp: string | null; identified: unknown; repeats: unknown; answered: unknown; unresolved: unknown }>`
    WITH ${sql.join([...ctes, sql`src (grp, identified, repeats, answered, unresolved) AS (${sql.join(parts, sql` UNION ALL `)})`])}
    SELECT grp, SUM(identified) AS identified, SUM(repeats) AS repeats, SUM(answered) AS answered, SUM(unresolved) AS unresolved
    FROM src GROUP BY grp HAVING SUM(identified) > 0`.execute(db);
  for (const row of result.rows) {
    const answered = toNumber(row.answered);
    const counts: RepeatHistogramCounts = {
      identifiedContacts: toNumber(row.identified),
      repeatContacts: toNumber(row.repeats),
      answeredIdentified: answered,
      resolvedOnFirstContact: answered - toNumber(row.unresolved),
    };
    // A slice's blocks come as a row each (`grain:hour`), summed into the slice here.
    const key = ranges.groupOf(row.grp);
    const known = groups.get(key);
    if (known) addRepeatCounts(known, counts);
    else groups.set(key, counts);
    addRepeatCounts(totals, counts);
  }
  return { totals, groups };
}
