/**
 * SQL building blocks of the reports, each written once in SQL that SQLite and PostgreSQL
 * both accept (no date functions: they differ between the two), shared by the call-center
 * and ticket reports.
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * Seconds since 1970 of an ISO-8601 UTC timestamp column (`YYYY-MM-DDTHH:MM:SS…Z`, as every
 * store writes them), by integer arithmetic on its digits (days from the civil date, after
 * H. Hinnant), so the expression is the same in both dialects. Valid for years 1970-9999.
 */
export function epochSeconds(column: string): RawBuilder<number> {
  const part = (start: number, length: number) => sql`CAST(SUBSTR(${sql.ref(column)}, ${sql.lit(start)}, ${sql.lit(length)}) AS INTEGER)`;
  const year = part(1, 4);
  const month = part(6, 2);
  const day = part(9, 2);
  // Years start on 1 March, so the leap day is the last day of the year.
  const y = sql`(${year} - CASE WHEN ${month} <= 2 THEN 1 ELSE 0 END)`;
  const dayOfYear = sql`((153 * ((${month} + 9) % 12) + 2) / 5 + ${day} - 1)`;
  const days = sql`(365 * ${y} + ${y} / 4 - ${y} / 100 + ${y} / 400 + ${dayOfYear} - 719468)`;
  return sql<number>`(${days} * 86400 + ${part(12, 2)} * 3600 + ${part(15, 2)} * 60 + ${part(18, 2)})`;
}

/**
 * `name` AS a CTE of (is_total, grp, median, p90): the nearest-rank median and 90th
 * percentile (the smallest value with at least p% of the values at or below it; rank =
 * ceil(p/100 × count), by integer division) of `v` per `grp` and over all rows
 * (`is_total = 1`, `grp` NULL), from `source`, a query of (grp, v) rows (null `v`s are left
 * out). Sums are cast to INTEGER so that `rank` is an integer division in PostgreSQL too. Computed on the histogram of the values (a window running over the distinct
 * values, not over every row), so only one small sort is needed per group.
 */
export function percentilesCte(name: string, source: RawBuilder<unknown>): RawBuilder<unknown> {
  const histogram = sql.raw(`${name}_h`);
  const both = sql.raw(`${name}_all`);
  const cumulative = sql.raw(`${name}_cum`);
  const rank = (percent: number) => sql`(${sql.lit(percent)} * n + 99) / 100`;
  return sql`
    ${histogram} AS (SELECT grp, v, COUNT(*) AS c FROM (${source}) src WHERE v IS NOT NULL GROUP BY grp, v),
    ${both} AS (
      SELECT 0 AS is_total, grp, v, c FROM ${histogram}
      UNION ALL
      SELECT 1 AS is_total, NULL AS grp, v, SUM(c) AS c FROM ${histogram} GROUP BY v
    ),
    ${cumulative} AS (
      SELECT is_total, grp, v,
        CAST(SUM(c) OVER (PARTITION BY is_total, grp ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INTEGER) AS running,
        CAST(SUM(c) OVER (PARTITION BY is_total, grp) AS INTEGER) AS n
      FROM ${both}
    ),
    ${sql.raw(name)} AS (
      SELECT is_total, grp,
        MIN(CASE WHEN running >= ${rank(50)} THEN v END) AS median,
        MIN(CASE WHEN running >= ${rank(90)} THEN v END) AS p90
      FROM ${cumulative}
      GROUP BY is_total, grp
    )`;
}

/** `p` (a percentiles CTE) matches the counts row `c`: same totals flag and group, null groups included. */
export function samePercentileGroup(p: string, c: string): RawBuilder<boolean> {
  const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`${ref(p, 'is_total')} = ${ref(c, 'is_total')} AND (${ref(p, 'grp')} = ${ref(c, 'grp')} OR (${ref(p, 'grp')} IS NULL AND ${ref(c, 'grp')} IS NULL))`;
}

/** A time slice of a report: `[start, end)` as ISO UTC strings and the group key it counts towards (the bucket key when grouping by time). */
export interface Slice {
  key: string;
  start: string;
  end: string;
}

/**
 * `slices(slice_key, slice_start, slice_end) AS (VALUES …)`: the report's time slices as a
 * small table the rows are joined to. `FROM slices CROSS JOIN calls …` makes both dialects
 * walk the started_at index once per slice (SQLite keeps the CROSS JOIN order; PostgreSQL
 * plans a nested loop over the index), so bucketing costs no more than reading the range,
 * and no dialect-specific date function is needed. `name` names the CTE (default `slices`).
 */
export function slicesCte(slices: readonly Slice[], name = 'slices'): RawBuilder<unknown> {
  const rows = sql.join(slices.map((slice) => sql`(${slice.key}, ${slice.start}, ${slice.end})`));
  return sql`${sql.raw(name)} (slice_key, slice_start, slice_end) AS (VALUES ${rows})`;
}

/** `0 <= rate <= 1`, or null when nothing was counted (an empty denominator is not a 0% rate). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A number from an aggregate (PostgreSQL's `SUM`/`COUNT` are bigint, which `pg` hands out as strings). */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
