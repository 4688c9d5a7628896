/**
 * Hourly call roll-ups: `call_rollups`, per UTC hour of offer time (`hour`, the hour's start
 * as an ISO UTC string) one row for all calls (`dimension = 'ALL'`, key '') and one row per
 * queue (`QUEUE`), agent (`AGENT`) and customer tier (`TIER`) that had calls, holding the
 * counts and sums of the call-center report (offered … expired, answered wait, longest wait,
 * handled legs, handle time). One row set per dimension, not one row per (queue, agent, tier)
 * combination: at the benchmark size an hour has ~600 calls and ~300 such combinations, which
 * would save little reading, while a dimension has at most a few dozen keys per hour.
 * TEAM is not a dimension: it groups by the agent's team *now* (docs/reporting.md), so the
 * reports sum the AGENT rows through `agents` at report time.
 *
 * The reports read these rows for whole UTC hours and raw calls only for the parts of a range
 * that are not whole hours, for percentiles and service level, and for repeat contacts.
 * Each measure is written once (`measures`, a per-call SQL expression): a refresh sums it over
 * an hour's calls, a report over a partial hour's, so roll-ups and raw rows share one
 * definition.
 *
 * Maintenance is by increments, in the transaction of the change: a write takes the calls
 * it changes out of their rows as they stood (`subtractCallsFromRollups`, counts and sums
 * subtracted) and adds them as they are now (`addCallsToRollups`), one upsert each for all
 * dimensions, so a CTI event costs a few statements on its own call, not a re-sum of its hour.
 * `longest_wait` is a MAX and cannot be subtracted: the add keeps the larger of both, and only
 * a row whose longest wait was the wait of a call that left it or whose wait shrank is summed
 * again (rare: a wait only grows while a call rings); a row no call counts in any more is
 * deleted, as a rebuild would not write it. Additions commute, so concurrent PostgreSQL
 * writers need no lock but on a row whose longest wait is summed again.
 * `rebuildCallRollups` re-sums a span of hours or all (migration 0002, `npm run reports:rebuild`).
 * Agent and tier keys are '' when absent (a primary key column cannot be NULL); the reports
 * turn '' back into null.
 */
import { SqliteAdapter, sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { isContact, isHandledLeg } from './call-definitions.js';
import { PreparedStatement, StatementTemplate } from '../../shared/statement-template.js';

/** What a roll-up row is summed over: all calls of the hour, or one queue, agent or tier. */
export type RollupDimension = 'ALL' | 'QUEUE' | 'AGENT' | 'TIER' | 'QUEUE_DAY' | 'AGENT_DAY';

/** The dimensions kept per UTC day (`hour` is the day's first hour) besides per hour: a month per queue or agent reads ~30 rows per key, not ~720. */
export const DAY_DIMENSIONS: Partial<Record<RollupDimension, RollupDimension>> = { QUEUE: 'QUEUE_DAY', AGENT: 'AGENT_DAY' };

export interface CallRollupsTable {
  dimension: RollupDimension;
  hour: string;
  /** The queue id, agent id or tier; '' for ALL and for calls without an agent or tier. */
  key: string;
  offered: number;
  answered: number;
  abandoned: number;
  missed: number;
  voicemail: number;
  transferred: number;
  expired: number;
  answered_wait: number;
  /** Longest wait of a contact in the row's calls; null when it has no contact. */
  longest_wait: number | null;
  handled: number;
  handle_seconds: number;
}

export interface CallRollupTables {
  call_rollups: CallRollupsTable;
}

/** Summed columns of `call_rollups`, in order (`longest_wait` is a MAX and kept apart). */
export const SUMMED_MEASURES = [
  'offered',
  'answered',
  'abandoned',
  'missed',
  'voicemail',
  'transferred',
  'expired',
  'answered_wait',
  'handled',
  'handle_seconds',
] as const;

export type SummedMeasure = (typeof SUMMED_MEASURES)[number];

/**
 * Each summed measure as a per-call expression over `calls` aliased `alias` (docs/reporting.md,
 * "Call-center definitions"): 0 or 1 for counts, seconds for sums.
 */
export function measures(alias: string): Record<SummedMeasure, RawBuilder<number>> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  const contact = isContact(alias);
  const answered = sql`${contact} AND ${c('answered_at')} IS NOT NULL`;
  const disposition = (name: string) => sql<number>`CASE WHEN ${contact} AND ${c('disposition')} = ${sql.lit(name)} THEN 1 ELSE 0 END`;
  const handled = isHandledLeg(alias);
  return {
    offered: sql<number>`CASE WHEN ${contact} THEN 1 ELSE 0 END`,
    answered: sql<number>`CASE WHEN ${answered} THEN 1 ELSE 0 END`,
    abandoned: disposition('ABANDONED'),
    missed: disposition('MISSED'),
    voicemail: disposition('VOICEMAIL'),
    transferred: disposition('TRANSFERRED'),
    expired: disposition('EXPIRED'),
    answered_wait: sql<number>`CASE WHEN ${answered} THEN ${c('wait_seconds')} ELSE 0 END`,
    handled: sql<number>`CASE WHEN ${handled} THEN 1 ELSE 0 END`,
    handle_seconds: sql<number>`CASE WHEN ${handled} THEN ${c('talk_seconds')} + ${c('hold_seconds')} + ${c('wrap_up_seconds')} ELSE 0 END`,
  };
}

/** The wait of a contact (null for other calls), whose MAX is `longest_wait`. */
export function contactWait(alias: string): RawBuilder<number | null> {
  return sql<number | null>`CASE WHEN ${isContact(alias)} THEN ${sql.ref(`${alias}.wait_seconds`)} END`;
}

/** The UTC hour (ISO start, `2026-11-01T08:00:00.000Z`) of a column of ISO UTC strings, as the roll-ups key it (`SUBSTR` and `||` mean the same in both dialects). */
function hourSql(column: string): RawBuilder<string> {
  return sql<string>`SUBSTR(${sql.ref(column)}, 1, 13) || ':00:00.000Z'`;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Creates `call_rollups` and `call_rollup_hours` (migration 0002). `call_rollup_hours` held
 * the hour locks of the re-summing maintenance of release 0.1; increments need none, so it is
 * no longer written (kept so a step back to that release finds it).
 */
export async function createCallRollups(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_rollup_hours')
    .addColumn('hour', 'text', (c) => c.primaryKey())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();
  let table = db.schema
    .createTable('call_rollups')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull());
  for (const measure of SUMMED_MEASURES) table = table.addColumn(measure, 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addColumn('longest_wait', 'integer')
    .addPrimaryKeyConstraint('call_rollups_pk', ['dimension', 'hour', 'key'])
    .execute();
}

const QUEUE_KEY = sql<string>`c.queue_id`;
const AGENT_KEY = sql<string>`COALESCE(c.agent_id, '')`;
const DIMENSION_KEYS: Record<RollupDimension, RawBuilder<string>> = {
  ALL: sql<string>`''`,
  QUEUE: QUEUE_KEY,
  AGENT: AGENT_KEY,
  TIER: sql<string>`COALESCE(c.customer_tier, '')`,
  QUEUE_DAY: QUEUE_KEY,
  AGENT_DAY: AGENT_KEY,
};

const DAY_ROWS = new Set<RollupDimension>(Object.values(DAY_DIMENSIONS));
/** Whether a dimension's rows are per UTC day (else per UTC hour). */
const isDay = (dimension: RollupDimension) => DAY_ROWS.has(dimension);

/** The UTC day (ISO start of its first hour) of a column of ISO UTC strings. */
function daySql(column: string): RawBuilder<string> {
  return sql<string>`SUBSTR(${sql.ref(column)}, 1, 10) || 'T00:00:00.000Z'`;
}

/** The `hour` a row of `dimension` keys a call by: its UTC hour, or its UTC day for the day dimensions. */
function periodSql(dimension: RollupDimension): RawBuilder<string> {
  return isDay(dimension) ? daySql('c.started_at') : hourSql('c.started_at');
}

/**
 * Sums the calls of the hours in `[start, end)` (ISO UTC day starts, so day rows are whole) into roll-up rows,
 * replacing those hours' rows: one DELETE and one INSERT … SELECT … GROUP BY per dimension.
 * Only inbound calls offered to a queue can be a contact or a handled leg; the rest are skipped.
 */
async function resum(db: QueryExecutorProvider, start: string | null, end: string | null): Promise<void> {
  const m = measures('c');
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`SUM(${m[name]})`));
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const inHours = start === null || end === null ? sql`1 = 1` : sql`c.started_at >= ${start} AND c.started_at < ${end}`;
  await sql`DELETE FROM call_rollups WHERE ${start === null || end === null ? sql`1 = 1` : sql`hour >= ${start} AND hour < ${end}`}`.execute(db);
  for (const [dimension, key] of Object.entries(DIMENSION_KEYS) as [RollupDimension, RawBuilder<string>][]) {
    await sql`
      INSERT INTO call_rollups (dimension, hour, key, ${columns}, longest_wait)
      SELECT ${sql.lit(dimension)}, ${periodSql(dimension)}, ${key}, ${sums}, MAX(${contactWait('c')})
      FROM calls c
      WHERE c.queue_id IS NOT NULL AND COALESCE(c.direction, '') = 'INBOUND' AND ${inHours}
      GROUP BY ${periodSql(dimension)}${dimension === 'ALL' ? sql`` : sql`, ${key}`}`.execute(db);
  }
}

/** The rows a call counts in: inbound calls offered to a queue only (the rest can be neither a contact nor a handled leg). */
const COUNTED = sql`c.queue_id IS NOT NULL AND COALESCE(c.direction, '') = 'INBOUND'`;

/** Every dimension with its key, as a VALUES list joined to the calls (`d.dimension`) so one statement writes them all. */
const DIMENSIONS_CTE = sql`dims (dimension) AS (VALUES ${sql.join(Object.keys(DIMENSION_KEYS).map((d) => sql`(${sql.lit(d)})`))})`;
/** The `hour` of a call `c` in the row of dimension `d.dimension`. */
const PERIOD_OF_DIMENSION = sql<string>`(CASE WHEN d.dimension IN (${sql.join(
  (Object.keys(DIMENSION_KEYS) as RollupDimension[]).filter(isDay).map((d) => sql.lit(d)),
)}) THEN ${daySql('c.started_at')} ELSE ${hourSql('c.started_at')} END)`;
const KEY_OF_DIMENSION = sql<string>`(CASE d.dimension ${sql.join(
  Object.entries(DIMENSION_KEYS).map(([dimension, key]) => sql`WHEN ${sql.lit(dimension)} THEN ${key}`),
  sql` `,
)} END)`;

const IDS_PER_STATEMENT = 500;

/** Adds (`sign` 1) or subtracts (-1) the calls `ids` to or from their rows, all dimensions in one upsert. */
function upsertCalls(ids: readonly string[], sign: 1 | -1): RawBuilder<unknown> {
  const m = measures('c');
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`${sql.lit(sign)} * SUM(${m[name]})`));
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const added = sql.join(SUMMED_MEASURES.map((name) => sql`${sql.ref(name)} = call_rollups.${sql.ref(name)} + excluded.${sql.ref(name)}`));
  // The longest wait is the larger of both on an add; a subtract leaves it (see addCallsToRollups).
  const longest =
    sign === 1
      ? sql`longest_wait = CASE
          WHEN excluded.longest_wait IS NULL THEN call_rollups.longest_wait
          WHEN call_rollups.longest_wait IS NULL OR excluded.longest_wait > call_rollups.longest_wait THEN excluded.longest_wait
          ELSE call_rollups.longest_wait
        END`
      : sql`longest_wait = call_rollups.longest_wait`;
  return sql`
    WITH ${DIMENSIONS_CTE}
    INSERT INTO call_rollups (dimension, hour, key, ${columns}, longest_wait)
    SELECT d.dimension, ${PERIOD_OF_DIMENSION}, ${KEY_OF_DIMENSION}, ${sums}, ${sign === 1 ? sql`MAX(${contactWait('c')})` : sql`NULL`}
    FROM calls c CROSS JOIN dims d
    WHERE c.id IN (${sql.join(ids)}) AND ${COUNTED}
    GROUP BY d.dimension, ${PERIOD_OF_DIMENSION}, ${KEY_OF_DIMENSION}
    ON CONFLICT (dimension, hour, key) DO UPDATE SET ${added}, ${longest}`;
}

const ADD = new StatementTemplate((ids) => upsertCalls(ids, 1));
const SUBTRACT = new StatementTemplate((ids) => upsertCalls(ids, -1));
const CONTRIBUTIONS = new StatementTemplate(
  (ids) => sql<{ id: string; dimension: RollupDimension; hour: string; key: string; wait: unknown }>`
    WITH ${DIMENSIONS_CTE}
    SELECT c.id, d.dimension, ${PERIOD_OF_DIMENSION} AS hour, ${KEY_OF_DIMENSION} AS key, ${contactWait('c')} AS wait
    FROM calls c CROSS JOIN dims d
    WHERE c.id IN (${sql.join(ids)}) AND ${COUNTED}`,
);

/**
 * Adds calls as stored now (`ids`) to their roll-up rows, by one upsert for all dimensions:
 * counts and sums added, the longest wait the larger of both. For calls just inserted (a
 * bulk load passes only the ids it inserted) this is all; for a change to stored calls,
 * `subtractCallsFromRollups` ran before the write and its result is `before`, so the rows
 * whose longest wait may have shrunk are summed again. Run it in the writing transaction.
 */
export async function addCallsToRollups(db: QueryExecutorProvider, ids: readonly string[], before: RollupContributions = new Map()): Promise<void> {
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) await ADD.execute(db, ids.slice(i, i + IDS_PER_STATEMENT));
  if (before.size === 0) return;
  // Rows a call left (it moved hour, queue, agent or tier) may hold no call now, and a row's
  // longest wait may have been the wait of a call that left it or whose wait shrank.
  const after = await contributions(db, ids);
  const left = new Map<string, RollupRow>();
  const shrunk = new Map<string, RollupRow & { wait: number }>();
  for (const [callId, rows] of before) {
    const now = after.get(callId);
    for (const [name, entry] of rows) {
      const stays = now?.get(name);
      if (!stays) left.set(name, entry);
      const waitNow = stays?.wait ?? null;
      if (entry.wait !== null && (waitNow === null || waitNow < entry.wait)) {
        const known = shrunk.get(name);
        if (!known || known.wait < entry.wait) shrunk.set(name, { ...entry, wait: entry.wait });
      }
    }
  }
  const postgres = !(db.getExecutor().adapter instanceof SqliteAdapter);
  for (const row of shrunk.values()) {
    // PostgreSQL: lock the row first, so a concurrent writer's calls in it have committed
    // before the next statement's snapshot sums them (SQLite has one writer at a time).
    if (postgres) await LOCK_ROW.execute(db, [row.dimension, row.hour, row.key]);
    await RESUM_LONGEST_WAIT.execute(db, [row.dimension, row.hour, row.key, periodEnd(row), row.wait], row.dimension);
  }
  // A row with no call left goes, as a rebuild would not write it (checked only when its counts are 0).
  for (const row of left.values()) await DELETE_IF_EMPTY.execute(db, [row.dimension, row.hour, row.key, periodEnd(row)], row.dimension);
}

// Per row whose calls changed, compiled once per dimension (shared/statement-template.ts).
// Values: dimension, hour, key, the period's end (`periodEnd`), and the longest wait it had.
const LOCK_ROW = new PreparedStatement<QueryExecutorProvider, unknown>(
  (_db, [dimension, hour, key]) => sql`SELECT 1 FROM call_rollups WHERE dimension = ${dimension} AND hour = ${hour} AND key = ${key} FOR UPDATE`,
);
const RESUM_LONGEST_WAIT = new PreparedStatement<QueryExecutorProvider, unknown>(
  (_db, [dimension, hour, key, end, wait], shape) => sql`
    UPDATE call_rollups SET longest_wait = (SELECT MAX(${contactWait('c')}) FROM calls c WHERE ${callsOfPeriod(shape as RollupDimension, hour!, end!, key!)})
    WHERE dimension = ${dimension} AND hour = ${hour} AND key = ${key} AND longest_wait = ${wait}`,
);
const DELETE_IF_EMPTY = new PreparedStatement<QueryExecutorProvider, unknown>(
  (_db, [dimension, hour, key, end], shape) => sql`
    DELETE FROM call_rollups
    WHERE dimension = ${dimension} AND hour = ${hour} AND key = ${key} AND offered = 0 AND handled = 0
      AND NOT EXISTS (SELECT 1 FROM calls c WHERE ${callsOfPeriod(shape as RollupDimension, hour!, end!, key!)})`,
);

/** A roll-up row's primary key. */
interface RollupRow {
  dimension: RollupDimension;
  hour: string;
  key: string;
}

/** The end of a roll-up row's hour (or day, for the day dimensions), ISO UTC. */
function periodEnd(row: RollupRow): string {
  return new Date(Date.parse(row.hour) + (isDay(row.dimension) ? DAY_MS : HOUR_MS)).toISOString();
}

/** The calls a roll-up row of `dimension` sums (alias `c`): the counted calls from `hour` to `end` with its key. */
function callsOfPeriod(dimension: RollupDimension, hour: string, end: string, key: string): RawBuilder<boolean> {
  return sql<boolean>`c.started_at >= ${hour} AND c.started_at < ${end} AND ${COUNTED} AND ${DIMENSION_KEYS[dimension]} = ${key}`;
}

/** Per call id, the roll-up rows it counts in (`dimension hour key`) with its contact wait there. */
export type RollupContributions = Map<string, Map<string, RollupRow & { wait: number | null }>>;

async function contributions(db: QueryExecutorProvider, ids: readonly string[]): Promise<RollupContributions> {
  const out: RollupContributions = new Map();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const result = await CONTRIBUTIONS.execute(db, ids.slice(i, i + IDS_PER_STATEMENT));
    for (const row of result.rows) {
      let rows = out.get(row.id);
      if (!rows) out.set(row.id, (rows = new Map()));
      rows.set(`${row.dimension} ${row.hour} ${row.key}`, { dimension: row.dimension, hour: row.hour, key: row.key, wait: row.wait === null ? null : Number(row.wait) });
    }
  }
  return out;
}

/**
 * Takes calls as stored now (`ids`) out of their roll-up rows, before a write changes them:
 * counts and sums subtracted by one upsert for all dimensions, the longest wait left as is.
 * Returns the rows each call counted in and its wait there, for `addCallsToRollups` after the
 * write to sum again only the rows whose longest wait may have shrunk. Run both in the
 * writing transaction. Concurrent PostgreSQL writers need no lock: additions commute.
 */
export async function subtractCallsFromRollups(db: QueryExecutorProvider, ids: readonly string[]): Promise<RollupContributions> {
  const before = await contributions(db, ids);
  const stored = ids.filter((id) => before.has(id));
  for (let i = 0; i < stored.length; i += IDS_PER_STATEMENT) await SUBTRACT.execute(db, stored.slice(i, i + IDS_PER_STATEMENT));
  return before;
}

/**
 * Recomputes every roll-up row of the UTC days from `from`'s day to `to`'s day, both included
 * (ISO UTC; both null: every day): migration 0002 and the rebuild command. Rebuild when the
 * CTI stream is quiet to be exact at once: a write committed during the rebuild may be
 * counted twice or not at all until the next rebuild.
 */
export async function rebuildCallRollups(db: QueryExecutorProvider, from: string | null = null, to: string | null = null): Promise<void> {
  if (from === null || to === null) return resum(db, null, null);
  // Whole UTC days, so the day rows are summed from all their calls.
  return resum(db, `${from.slice(0, 10)}T00:00:00.000Z`, new Date(Date.parse(`${to.slice(0, 10)}T00:00:00.000Z`) + DAY_MS).toISOString());
}

/** Sums the day rows of the day dimensions from the hourly rows, replacing any (migration 0010). Exact: a day is its 24 hours. */
export async function deriveDayRollups(db: QueryExecutorProvider): Promise<void> {
  const pairs = Object.entries(DAY_DIMENSIONS) as [RollupDimension, RollupDimension][];
  await dropDayRollups(db);
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`SUM(r.${sql.ref(name)})`));
  for (const [hourly, day] of pairs) {
    await sql`
      INSERT INTO call_rollups (dimension, hour, key, ${columns}, longest_wait)
      SELECT ${sql.lit(day)}, ${daySql('r.hour')}, r.key, ${sums}, MAX(r.longest_wait)
      FROM call_rollups r WHERE r.dimension = ${sql.lit(hourly)}
      GROUP BY ${daySql('r.hour')}, r.key`.execute(db);
  }
}

/** Deletes the day rows (migration 0010 stepping down). */
export async function dropDayRollups(db: QueryExecutorProvider): Promise<void> {
  await sql`DELETE FROM call_rollups WHERE dimension IN (${sql.join(Object.values(DAY_DIMENSIONS).map((day) => sql.lit(day)))})`.execute(db);
}
