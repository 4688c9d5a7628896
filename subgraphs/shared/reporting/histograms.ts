/**
 * Bucketed value histograms for the report roll-ups, shared by the call-center and ticket
 * reports: the bucket scheme (exact below 128 s, then 16 buckets per power of two, so a
 * value reported as its bucket's middle is within 1/32 of the exact one) and the cutting of
 * report slices into aligned blocks of whole UTC hours (1, 2, 4, 8 and 24 hours) that the
 * roll-up tables keep. SQL is the same for SQLite and PostgreSQL (integer arithmetic only).
 */
import { PostgresAdapter, SqliteAdapter, sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { epochSeconds, type Slice } from './sql-fragments.js';
import { PreparedStatement, StatementTemplate } from '../statement-template.js';

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
 * The counts per bucket of one measure of one group, summed from histogram rows (blocks and
 * raw parts). The reports read the rows of their blocks in one statement and sum them here
 * rather than in SQL: at 720 one-hour slices the SQL window pass over ~100,000 bucket rows
 * cost most of the HOUR report, a linear pass in JavaScript a fraction of it.
 */
export class BucketCounts {
  readonly #counts = new Map<number, number>();
  #total = 0;
  /** The buckets with a count, ascending; null until a percentile asks after an `add`. */
  #sorted: number[] | null = null;

  /** Adds `count` values (may be negative while summing; zero buckets are skipped) to `bucket`. */
  add(bucket: number, count: number): void {
    const before = this.#counts.get(bucket);
    if (before === undefined) this.#sorted = null;
    this.#counts.set(bucket, (before ?? 0) + count);
    this.#total += count;
  }

  /** Values counted. */
  get total(): number {
    return this.#total;
  }

  /** Values in buckets up to `bucket`, inclusive. */
  atMost(bucket: number): number {
    let n = 0;
    for (const [b, c] of this.#counts) if (b <= bucket) n += c;
    return n;
  }

  /**
   * The nearest-rank `percent` percentile (rank ceil(percent × n / 100), as the raw SQL pass
   * `percentilesCte` computes it) as its bucket's value (`bucketValue`); null when no value.
   */
  percentile(percent: number): number | null {
    const n = this.#total;
    if (n <= 0) return null;
    const rank = Math.floor((percent * n + 99) / 100);
    this.#sorted ??= [...this.#counts.keys()].sort((a, b) => a - b);
    let running = 0;
    for (const bucket of this.#sorted) {
      const c = this.#counts.get(bucket) ?? 0;
      running += c;
      if (c > 0 && running >= rank) return bucketValue(bucket);
    }
    return null;
  }
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const COLON = 58;
const COMMA = 44;

/** Bucket counts per group and measure, and over all groups per measure (`totals`). */
export interface SummedBuckets<Measure extends string> {
  totals: Map<Measure, BucketCounts>;
  groups: Map<string | null, Map<Measure, BucketCounts>>;
}

/**
 * Reads histogram rows and sums them per group and measure: `parts` are SELECTs of `grp`,
 * `measure`, `bucket`, `c` (block rows and raw rows alike, after `WITH ctes`). The database
 * packs each group and measure's rows into one text, `"bucket:count,bucket:count,…"`
 * (`group_concat` on SQLite, `string_agg` on PostgreSQL), parsed here: handing ~100,000 bucket
 * rows to JavaScript one object each (the HOUR report over 30 days) took 130-230 ms on
 * SQLite, the same rows packed into ~1,400 texts about 40 ms (2026-12-01, 1M-call set).
 * `groupOf` maps a row's `grp` to its group (`BlockRanges.groupOf`: a block's slice, any other value as text).
 */
export async function readBucketCounts<Measure extends string>(
  db: QueryExecutorProvider,
  ctes: readonly RawBuilder<unknown>[],
  parts: readonly RawBuilder<unknown>[],
  groupOf: (grp: unknown) => string | null,
): Promise<SummedBuckets<Measure>> {
  const totals = new Map<Measure, BucketCounts>();
  const groups = new Map<string | null, Map<Measure, BucketCounts>>();
  if (parts.length === 0) return { totals, groups };
  const pair = sql`CAST(bucket AS TEXT) || ':' || CAST(c AS TEXT)`;
  const packed = db.getExecutor().adapter instanceof SqliteAdapter ? sql`group_concat(${pair})` : sql`string_agg(${pair}, ',')`;
  const result = await sql<{ grp: unknown; measure: Measure; pairs: string }>`
    WITH ${sql.join([...ctes, sql`histogram_rows (grp, measure, bucket, c) AS (${sql.join([...parts], sql` UNION ALL `)})`])}
    SELECT grp, measure, ${packed} AS pairs FROM histogram_rows GROUP BY grp, measure`.execute(db);
  const of = (map: Map<Measure, BucketCounts>, measure: Measure) => {
    let counts = map.get(measure);
    if (!counts) map.set(measure, (counts = new BucketCounts()));
    return counts;
  };
  for (const row of result.rows) {
    const key = groupOf(row.grp);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    const counts = of(group, row.measure);
    const total = of(totals, row.measure);
    // "bucket:count,…" of integers (either may be negative), read without a string per number.
    const text = row.pairs;
    let bucket = 0;
    let value = 0;
    let sign = 1;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : COMMA;
      if (code >= DIGIT_0 && code <= DIGIT_9) value = value * 10 + (code - DIGIT_0);
      else if (code === MINUS) sign = -1;
      else if (code === COLON) {
        bucket = sign * value;
        value = 0;
        sign = 1;
      } else if (code === COMMA) {
        const c = sign * value;
        counts.add(bucket, c);
        total.add(bucket, c);
        value = 0;
        sign = 1;
      } else throw new Error(`Unexpected character in packed histogram buckets: ${JSON.stringify(text.slice(0, 40))}`);
    }
  }
  return { totals, groups };
}

/**
 * Block lengths in hours of the dimension ALL, largest first: each divides 24 and a block
 * starts at a multiple of its length since 1970, so no block crosses a UTC day; a day in
 * UTC+8 is three 8-hour blocks, a 30-day range about 35 blocks.
 */
export const GRAINS = [24, 8, 4, 2, 1] as const;
/**
 * Block lengths in hours of the other dimensions (queue, agent, priority, …): 16, 4 and 1
 * days, each starting at a multiple of its length since 1970, so at UTC midnight. A 30-day
 * range is at most a dozen such blocks (typically six or seven) instead of 30 days.
 */
export const DAY_GRAINS = [384, 96, 24] as const;
const HOUR_MS = 3_600_000;

/** A block of a slice read from the histograms. */
export interface Block {
  key: string;
  grain: number;
  hour: number;
}

/** How a statement reads the rows of histogram blocks (`blockRanges`). */
export interface BlockRanges {
  /**
   * One condition per run of consecutive blocks of a grain, true for its rows (the dimension
   * is the caller's to add). Each is read by its own SELECT (UNION ALL): PostgreSQL reads one
   * range by an index-only scan, but several ORed ranges through a bitmap of heap pages.
   */
  ranges: RawBuilder<boolean>[];
  /** The block a row belongs to, as text (`grain:hour`). */
  block: RawBuilder<string>;
  /** The group of a row's `grp`: a block's slice key for a block's text, any other value as text, null as null. */
  groupOf(grp: unknown): string | null;
}

/**
 * The rows of `blocks` in the table aliased `alias` (columns `grain`, `hour`) as ranges, one
 * per run of consecutive blocks of a grain (a 30-day HOUR report: one range of 720 one-hour
 * blocks), rather than a join with a list of the blocks: PostgreSQL planned that join as a
 * scan of the whole table (1.2 s for the HOUR report at a million calls), and a range reads
 * the primary key in order on both databases.
 */
export function blockRanges(blocks: readonly Block[], alias: string): BlockRanges {
  const slices = new Map<string, string>();
  const byGrain = new Map<number, number[]>();
  for (const block of blocks) {
    slices.set(`${block.grain}:${block.hour}`, block.key);
    let hours = byGrain.get(block.grain);
    if (!hours) byGrain.set(block.grain, (hours = []));
    hours.push(block.hour);
  }
  const ranges: RawBuilder<boolean>[] = [];
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  for (const [grain, hours] of byGrain) {
    hours.sort((a, b) => a - b);
    let first = hours[0]!;
    let last = first;
    const flush = () => ranges.push(sql<boolean>`(${column('grain')} = ${sql.lit(grain)} AND ${column('hour')} >= ${sql.lit(first)} AND ${column('hour')} <= ${sql.lit(last)})`);
    for (const hour of hours.slice(1)) {
      if (hour === last + grain) {
        last = hour;
        continue;
      }
      flush();
      first = last = hour;
    }
    flush();
  }
  return {
    ranges,
    block: sql<string>`(CAST(${column('grain')} AS TEXT) || ':' || CAST(${column('hour')} AS TEXT))`,
    groupOf: (grp) => (grp === null ? null : (slices.get(String(grp)) ?? String(grp))),
  };
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


/** A roll-up table keyed (dimension, grain, hour, key, measure, bucket) with a `count`, and the rows it sums. */
export interface HistogramTable<Dimension extends string> {
  /** `call_histograms`, `ticket_rollups`. */
  table: HistogramTableName;
  /** Each dimension kept and its block grains in hours. */
  kept: readonly (readonly [Dimension, readonly number[]])[];
  /** Each dimension's key over the rows of `valuesOf` (alias `x`); `ALL` is `''`. */
  keyOf: Record<Dimension, RawBuilder<string>>;
  /**
   * The rows to count of the records `filter` selects: a subquery with `measure`, `bucket`,
   * the dimensions' columns and the instant column `at`, all read as `x.…`.
   */
  valuesOf: (filter: RawBuilder<boolean>) => RawBuilder<unknown>;
  /** The records' id column as the filter names it (`c.id`, `t.id`). */
  idColumn: string;
  /** The instant column of `valuesOf` whose hour places a row in its blocks. */
  at: string;
  /** Measures kept in some dimensions only (the others are not written for them). */
  onlyIn?: readonly (readonly [measures: readonly string[], dimensions: readonly Dimension[]])[];
}

/** A histogram row's primary key with its count after an upsert. */
interface UpsertedRow {
  dimension: string;
  grain: unknown;
  hour: unknown;
  key: string;
  measure: string;
  bucket: unknown;
  count: unknown;
}

/** Records per statement: well under both dialects' bound-parameter limits. */
const IDS_PER_STATEMENT = 500;

/**
 * Keeps a histogram table on write: `add` after a write for the records as they are now,
 * `subtract` before it for the records as they were (both in the writing transaction), and
 * `rebuild` from every record. Each is one upsert for every dimension and block length (the
 * kept pairs joined to the values), compiled once per id count (`StatementTemplate`).
 * Additions commute, so concurrent PostgreSQL writers need no lock beyond the rows' own.
 */
/** A histogram bucket's key columns, in the order `HistogramWriter`'s zero-bucket delete takes them. */
const HISTOGRAM_KEY = ['dimension', 'grain', 'hour', 'key', 'measure', 'bucket'] as const;
/** Zeroed buckets deleted per statement (six parameters each). */
const ZEROS_PER_STATEMENT = 100;

export class HistogramWriter<Dimension extends string> {
  readonly #target: HistogramTable<Dimension>;
  readonly #add: StatementTemplate<UpsertedRow>;
  readonly #subtract: StatementTemplate<UpsertedRow>;
  /** Deletes the buckets at zero among the given keys (six values per bucket, `HISTOGRAM_KEY` order). */
  readonly #deleteZeros: PreparedStatement<QueryExecutorProvider, unknown>;

  constructor(target: HistogramTable<Dimension>) {
    this.#target = target;
    this.#deleteZeros = new PreparedStatement((_db, slots) => {
      const buckets: RawBuilder<unknown>[] = [];
      for (let i = 0; i < slots.length; i += HISTOGRAM_KEY.length) {
        buckets.push(sql`(${sql.join(HISTOGRAM_KEY.map((column, c) => sql`${sql.ref(column)} = ${slots[i + c]}`), sql` AND `)})`);
      }
      return sql`DELETE FROM ${sql.table(target.table)} WHERE count = 0 AND (${sql.join(buckets, sql` OR `)})`;
    });
    const ofIds = (ids: readonly string[]) => target.valuesOf(sql<boolean>`${sql.ref(target.idColumn)} IN (${sql.join(ids)})`);
    this.#add = new StatementTemplate((ids) => this.#upsert(ofIds(ids), 1, false));
    this.#subtract = new StatementTemplate((ids) => this.#upsert(ofIds(ids), -1, true));
  }

  /** Adds the records `ids` as stored now; run it in the writing transaction, after the write. */
  async add(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) await this.#add.execute(db, ids.slice(i, i + IDS_PER_STATEMENT));
  }

  /**
   * Takes the records `ids` as stored now out, and deletes the buckets left at zero by primary
   * key (a zero bucket is harmless to the reports, which skip it; the delete only keeps the
   * table from growing). Run it in the writing transaction, before the write.
   */
  async subtract(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const rows = await this.#subtract.execute(db, ids.slice(i, i + IDS_PER_STATEMENT));
      const zeros = rows.rows.filter((row) => Number(row.count) === 0);
      for (let z = 0; z < zeros.length; z += ZEROS_PER_STATEMENT) {
        const part = zeros.slice(z, z + ZEROS_PER_STATEMENT);
        const values = part.flatMap((row) => [row.dimension, Number(row.grain), Number(row.hour), row.key, row.measure, Number(row.bucket)]);
        await this.#deleteZeros.execute(db, values, String(part.length));
      }
    }
  }

  /** Empties the table and sums every record again (migrations, `npm run reports:rebuild`). */
  async rebuild(db: QueryExecutorProvider): Promise<void> {
    await sql`DELETE FROM ${sql.table(this.#target.table)}`.execute(db);
    await this.addAll(db);
  }

  /** Adds every record, deleting nothing: a migration that brings new measures (its writer's `valuesOf` gives only those). */
  async addAll(db: QueryExecutorProvider): Promise<void> {
    await this.#upsert(this.#target.valuesOf(sql<boolean>`1 = 1`), 1, false).execute(db);
  }

  #upsert(values: RawBuilder<unknown>, sign: 1 | -1, returning: boolean): RawBuilder<UpsertedRow> {
    const target = this.#target;
    const hourOf = sql`(${epochSeconds(`x.${target.at}`)} / 3600)`;
    const pairs = target.kept.flatMap(([dimension, grains]) => grains.map((grain) => sql`(${sql.lit(dimension)}, ${sql.lit(grain)})`));
    const block = sql`(${hourOf} / k.grain * k.grain)`;
    const key = sql`(CASE k.dimension ${sql.join(
      target.kept.map(([dimension]) => sql`WHEN ${sql.lit(dimension)} THEN ${target.keyOf[dimension]}`),
      sql` `,
    )} END)`;
    const only = sql.join(
      [
        sql`1 = 1`,
        ...(target.onlyIn ?? []).map(
          ([measures, dimensions]) =>
            sql`(x.measure NOT IN (${sql.join(measures.map((m) => sql.lit(m)))}) OR k.dimension IN (${sql.join(dimensions.map((d) => sql.lit(d)))}))`,
        ),
      ],
      sql` AND `,
    );
    return sql<UpsertedRow>`
      WITH kept (dimension, grain) AS (VALUES ${sql.join(pairs)})
      INSERT INTO ${sql.table(target.table)} (dimension, grain, hour, key, measure, bucket, count)
      SELECT k.dimension, k.grain, ${block}, ${key}, x.measure, x.bucket, ${sql.lit(sign)} * COUNT(*)
      FROM (${values}) x CROSS JOIN kept k
      WHERE ${only}
      GROUP BY k.dimension, k.grain, ${block}, ${key}, x.measure, x.bucket
      ON CONFLICT (dimension, grain, hour, key, measure, bucket) DO UPDATE SET count = ${sql.ref(`${target.table}.count`)} + excluded.count
      ${returning ? sql`RETURNING dimension, grain, hour, key, measure, bucket, count` : sql``}`;
  }
}

/**
 * Sums the blocks of 4 and 16 days of every dimension but ALL of `table` from its one-day blocks,
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
    WHERE d.grain = 24 AND d.dimension <> 'ALL'
    GROUP BY d.dimension, l.grain, d.hour / l.grain * l.grain, d.key, d.measure, d.bucket
    HAVING SUM(d.count) <> 0`.execute(db);
}

/** The roll-up tables kept with the blocks of this file. */
export type HistogramTableName = 'call_histograms' | 'ticket_rollups';

/** Deletes the blocks longer than a day (`deriveMultiDayBlocks` stepping down). */
export async function dropMultiDayBlocks(db: QueryExecutorProvider, table: HistogramTableName): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)} WHERE grain > 24`.execute(db);
}

/**
 * PostgreSQL only: an index of the histogram table's key that also holds `count`, so a
 * report reads its blocks by an index-only scan. A PostgreSQL table keeps its rows apart from
 * its primary key, in the order they were written, so the ~150,000 bucket rows of a 30-day
 * HOUR report lay on ~30,000 pages (heap reads: 370 ms of the report at a million calls);
 * through this index, 50 ms once VACUUM (autovacuum, or `Database.analyze` after a load) has
 * marked the pages all-visible. SQLite keeps the table in its primary key's order
 * (WITHOUT ROWID) and needs none. Costs one more index entry per bucket row written.
 */
export async function createCoveringIndex(db: QueryExecutorProvider, table: HistogramTableName): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${table}_covering`)} ON ${sql.table(table)} (dimension, grain, hour, key, measure, bucket) INCLUDE (count)`.execute(db);
}

/** Drops the index `createCoveringIndex` made (a migration stepping down). */
export async function dropCoveringIndex(db: QueryExecutorProvider, table: HistogramTableName): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS ${sql.id(`${table}_covering`)}`.execute(db);
}
