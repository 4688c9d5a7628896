/**
 * Bucketed value histograms for the report roll-ups, shared by the call-center and ticket
 * reports: the bucket scheme (exact below 128 s, then 16 buckets per power of two, so a
 * value reported as its bucket's middle is within 1/32 of the exact one) and the cutting of
 * report slices into aligned blocks of whole UTC hours (1, 2, 4, 8 and 24 hours) that the
 * roll-up tables keep. SQL is the same for SQLite and PostgreSQL (integer arithmetic only).
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { epochSeconds, type Slice } from './sql-fragments.js';

/** Values below this are their own bucket (exact). */
export const EXACT_BELOW = 128;
/** Buckets per power of two above `EXACT_BELOW`. */
const SUB_BUCKETS = 16;
const TOP_EXPONENT = 30;

/** The bucket of an integer number of seconds `value` (SQL), see the file comment. */
export function bucketSql(value: RawBuilder<number>): RawBuilder<number> {
  const cases: RawBuilder<unknown>[] = [sql`WHEN ${value} < ${sql.lit(EXACT_BELOW)} THEN ${value}`];
  for (let e = 7; e < TOP_EXPONENT; e++) {
    const low = 2 ** e;
    cases.push(sql`WHEN ${value} < ${sql.lit(low * 2)} THEN ${sql.lit(EXACT_BELOW + (e - 7) * SUB_BUCKETS)} + (${value} - ${sql.lit(low)}) / ${sql.lit(low / SUB_BUCKETS)}`);
  }
  return sql<number>`(CASE ${sql.join(cases, sql` `)} ELSE ${sql.lit(EXACT_BELOW + (TOP_EXPONENT - 7) * SUB_BUCKETS - 1)} END)`;
}

/** The value a bucket reports: the value itself below 128 s, else the middle of the bucket (see the file comment). */
export function bucketValue(bucket: number): number {
  if (bucket < EXACT_BELOW) return bucket;
  const e = 7 + Math.floor((bucket - EXACT_BELOW) / SUB_BUCKETS);
  const sub = (bucket - EXACT_BELOW) % SUB_BUCKETS;
  const width = 2 ** e / SUB_BUCKETS;
  return 2 ** e + sub * width + width / 2;
}

/** The largest error of a reported percentile whose exact value is `value` seconds: 0 below 128 s, else half its bucket's width (<= value / 32). */
export function bucketErrorBound(value: number): number {
  if (value < EXACT_BELOW) return 0;
  return 2 ** Math.floor(Math.log2(value)) / SUB_BUCKETS / 2;
}

/**
 * Block lengths in hours, largest first: 16 days, 4 days, 1 day, 8, 4, 2 and 1 hours. Each
 * block starts at a multiple of its length since 1970, so the blocks of 24 hours and more
 * start at UTC midnight and the shorter ones never cross a UTC day. A 30-day range is at most
 * a dozen blocks of 1 day or more (typically six or seven) instead of 30 days.
 */
export const GRAINS = [384, 96, 24, 8, 4, 2, 1] as const;
/** The blocks of whole UTC days only: the grains of the dimensions other than ALL. */
export const DAY_GRAINS = [384, 96, 24] as const;
const HOUR_MS = 3_600_000;

/** A block of a slice read from the histograms. */
export interface Block {
  key: string;
  grain: number;
  hour: number;
}

/**
 * Cuts slices into histogram blocks and raw parts: the whole UTC hours of each slice as the
 * fewest aligned blocks of the grains `grains` (largest first), the rest (parts of hours, and
 * hours no grain covers) as raw slices.
 */
export function decompose(slices: readonly Slice[], grains: readonly number[]): { blocks: Block[]; raw: Slice[] } {
  const blocks: Block[] = [];
  const raw: Slice[] = [];
  const iso = (hour: number) => new Date(hour * HOUR_MS).toISOString();
  for (const slice of slices) {
    const startMs = Date.parse(slice.start);
    const endMs = Date.parse(slice.end);
    const a = Math.ceil(startMs / HOUR_MS);
    const b = Math.floor(endMs / HOUR_MS);
    if (a >= b) {
      raw.push(slice);
      continue;
    }
    if (startMs < a * HOUR_MS) raw.push({ key: slice.key, start: slice.start, end: iso(a) });
    if (b * HOUR_MS < endMs) raw.push({ key: slice.key, start: iso(b), end: slice.end });
    let h = a;
    let rawFrom: number | null = null;
    while (h < b) {
      const grain = grains.find((g) => h % g === 0 && h + g <= b);
      if (grain === undefined) {
        rawFrom ??= h;
        h += 1;
        continue;
      }
      if (rawFrom !== null) {
        raw.push({ key: slice.key, start: iso(rawFrom), end: iso(h) });
        rawFrom = null;
      }
      blocks.push({ key: slice.key, grain, hour: h });
      h += grain;
    }
    if (rawFrom !== null) raw.push({ key: slice.key, start: iso(rawFrom), end: iso(b) });
  }
  return { blocks, raw };
}


/** What `addToHistograms` writes: a roll-up table keyed (dimension, grain, hour, key, measure, bucket) with a `count`. */
export interface HistogramTable<Dimension extends string> {
  /** `call_histograms`, `ticket_rollups`. */
  table: string;
  /** Each dimension kept and its block grains in hours. */
  kept: readonly (readonly [Dimension, readonly number[]])[];
  /** Each dimension's key over the rows of `values` (alias `x`); `ALL` is `''`. */
  keyOf: Record<Dimension, RawBuilder<string>>;
}

/**
 * Adds `sign` (+1 or -1) times the rows of `values` (a subquery with `measure`, `bucket`, the
 * dimensions' columns and the instant column `at`, all read as `x.…`) into their hour blocks
 * of `target`: one upsert for every dimension and grain (the kept pairs joined to the values),
 * so a write of a few rows costs one statement, not one per pair. Run it in the writing
 * transaction: before a write with -1 for the rows as they were (`subtractFromHistograms`),
 * after it with +1 for the rows as they are.
 */
export async function addToHistograms<Dimension extends string>(
  db: QueryExecutorProvider,
  target: HistogramTable<Dimension>,
  values: RawBuilder<unknown>,
  at: string,
  sign: 1 | -1,
): Promise<void> {
  const hourOf = sql`(${epochSeconds(`x.${at}`)} / 3600)`;
  const table = sql.table(target.table);
  const pairs = target.kept.flatMap(([dimension, grains]) => grains.map((grain) => sql`(${sql.lit(dimension)}, ${sql.lit(grain)})`));
  const block = sql`(${hourOf} / k.grain * k.grain)`;
  const key = sql`(CASE k.dimension ${sql.join(
    target.kept.map(([dimension]) => sql`WHEN ${sql.lit(dimension)} THEN ${target.keyOf[dimension]}`),
    sql` `,
  )} END)`;
  await sql`
    WITH kept (dimension, grain) AS (VALUES ${sql.join(pairs)})
    INSERT INTO ${table} (dimension, grain, hour, key, measure, bucket, count)
    SELECT k.dimension, k.grain, ${block}, ${key}, x.measure, x.bucket, ${sql.lit(sign)} * COUNT(*)
    FROM (${values}) x CROSS JOIN kept k
    WHERE 1 = 1
    GROUP BY k.dimension, k.grain, ${block}, ${key}, x.measure, x.bucket
    ON CONFLICT (dimension, grain, hour, key, measure, bucket) DO UPDATE SET count = ${sql.ref(`${target.table}.count`)} + excluded.count`.execute(db);
}

const BLOCKS_PER_DELETE = 500;

/**
 * Takes the rows of `values` out of `target` (`addToHistograms` with -1) and deletes the
 * buckets left at zero in the blocks they touched: run it in the writing transaction, before
 * the write, for the rows as they were. A zero bucket is harmless to the reports (they skip
 * it), so the delete only keeps the table from growing.
 */
export async function subtractFromHistograms<Dimension extends string>(
  db: QueryExecutorProvider,
  target: HistogramTable<Dimension>,
  values: RawBuilder<unknown>,
  at: string,
): Promise<void> {
  await addToHistograms(db, target, values, at, -1);
  const hours = await sql<{ hour: unknown }>`SELECT DISTINCT ${epochSeconds(`x.${at}`)} / 3600 AS hour FROM (${values}) x`.execute(db);
  const blocks = new Map<string, RawBuilder<unknown>>();
  for (const row of hours.rows) {
    if (row.hour === null) continue;
    const hour = Number(row.hour);
    for (const [dimension, grains] of target.kept) {
      for (const grain of grains) {
        const start = Math.floor(hour / grain) * grain;
        blocks.set(`${dimension} ${grain} ${start}`, sql`(${sql.lit(dimension)}, ${sql.lit(grain)}, ${sql.lit(start)})`);
      }
    }
  }
  const list = [...blocks.values()];
  for (let i = 0; i < list.length; i += BLOCKS_PER_DELETE) {
    await sql`DELETE FROM ${sql.table(target.table)} WHERE count = 0 AND (dimension, grain, hour) IN (VALUES ${sql.join(list.slice(i, i + BLOCKS_PER_DELETE))})`.execute(db);
  }
}

/**
 * Sums the blocks of 4 and 16 days of every dimension of `table` from its one-day blocks,
 * replacing any there: the migration that brought those grains to tables summed with
 * one-day blocks only. Exact (the longer blocks are unions of whole UTC days) and reads the
 * table, not the calls or tickets.
 */
export async function deriveMultiDayBlocks(db: QueryExecutorProvider, table: HistogramTableName): Promise<void> {
  const longer = DAY_GRAINS.filter((grain) => grain > 24);
  await dropMultiDayBlocks(db, table);
  await sql`
    WITH longer (grain) AS (VALUES ${sql.join(longer.map((grain) => sql`(${sql.lit(grain)})`))})
    INSERT INTO ${sql.table(table)} (dimension, grain, hour, key, measure, bucket, count)
    SELECT d.dimension, l.grain, d.hour / l.grain * l.grain, d.key, d.measure, d.bucket, SUM(d.count)
    FROM ${sql.table(table)} d CROSS JOIN longer l
    WHERE d.grain = 24
    GROUP BY d.dimension, l.grain, d.hour / l.grain * l.grain, d.key, d.measure, d.bucket
    HAVING SUM(d.count) <> 0`.execute(db);
}

/** The roll-up tables kept with the blocks of this file. */
export type HistogramTableName = 'call_histograms' | 'ticket_rollups';

/** Deletes the blocks longer than a day (`deriveMultiDayBlocks` stepping down). */
export async function dropMultiDayBlocks(db: QueryExecutorProvider, table: HistogramTableName): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE grain > 24`.execute(db);
}
