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
 * Maintenance is by recomputation, not by increments: every write that changes calls (the
 * CTI event store folding events, the seed loader) calls `refreshCallRollups` in the same
 * transaction with the calls before and after the change; the rows of their hours are
 * deleted and summed again from `calls` (an index range on `started_at`). So a call that
 * moves from ringing to answered to ended, whose wait grows, or whose offer time a late event
 * corrects, counts exactly once, and `MAX(wait)` needs no undo. `rebuildCallRollups` does the
 * same for a span of hours or for all (migration 0002, `npm run reports:rebuild`); a bulk
 * load of new calls adds them with `addCallsToRollups` instead.
 * Agent and tier keys are '' when absent (a primary key column cannot be NULL); the reports
 * turn '' back into null.
 */
import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { isContact, isHandledLeg } from './call-definitions.js';

/** The roll-up row as stored. */
/** What a roll-up row is summed over: all calls of the hour, or one queue, agent or tier. */
export type RollupDimension = 'ALL' | 'QUEUE' | 'AGENT' | 'TIER';

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

/** The UTC hour (ISO start, `2026-11-01T08:00:00.000Z`) of an ISO UTC timestamp, as the roll-ups key it. */
export function hourOf(iso: string): string {
  return `${iso.slice(0, 13)}:00:00.000Z`;
}

/** The same in SQL, for a `calls` column of ISO UTC strings (`SUBSTR` and `||` mean the same in both dialects). */
function hourSql(column: string): RawBuilder<string> {
  return sql<string>`SUBSTR(${sql.ref(column)}, 1, 13) || ':00:00.000Z'`;
}

const HOUR_MS = 3_600_000;

/**
 * Creates `call_rollups` and `call_rollup_hours` (migration 0002). `call_rollup_hours` has one
 * row per hour ever refreshed: a refresh upserts its hours' rows first, which holds their row
 * locks to the end of its transaction, so two PostgreSQL transactions refreshing the same hour
 * run one after the other and the second sums the calls the first committed (READ COMMITTED
 * takes a new snapshot per statement). SQLite has one writer at a time anyway.
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

const DIMENSION_KEYS: Record<RollupDimension, RawBuilder<string>> = {
  ALL: sql<string>`''`,
  QUEUE: sql<string>`c.queue_id`,
  AGENT: sql<string>`COALESCE(c.agent_id, '')`,
  TIER: sql<string>`COALESCE(c.customer_tier, '')`,
};

/**
 * Sums the calls of the hours in `[start, end)` (ISO UTC hour starts) into roll-up rows,
 * replacing those hours' rows: one DELETE and one INSERT … SELECT … GROUP BY per dimension.
 * Only inbound calls offered to a queue can be a contact or a handled leg; the rest are skipped.
 */
async function resum(db: QueryExecutorProvider, start: string | null, end: string | null): Promise<void> {
  const m = measures('c');
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`SUM(${m[name]})`));
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const inHours = start === null || end === null ? sql`1 = 1` : sql`c.started_at >= ${start} AND c.started_at < ${end}`;
  await sql`DELETE FROM call_rollups WHERE ${start === null || end === null ? sql`1 = 1` : sql`hour >= ${start} AND hour < ${end}`}`.execute(db);
  for (const [dimension, key] of Object.entries(DIMENSION_KEYS)) {
    await sql`
      INSERT INTO call_rollups (dimension, hour, key, ${columns}, longest_wait)
      SELECT ${sql.lit(dimension)}, ${hourSql('c.started_at')}, ${key}, ${sums}, MAX(${contactWait('c')})
      FROM calls c
      WHERE c.queue_id IS NOT NULL AND COALESCE(c.direction, '') = 'INBOUND' AND ${inHours}
      GROUP BY ${hourSql('c.started_at')}${dimension === 'ALL' ? sql`` : sql`, ${key}`}`.execute(db);
  }
}

/**
 * Adds calls just inserted (`ids`, new rows only: a bulk load that skipped existing ids
 * passes only those it inserted) to their roll-up rows, by upsert: counts and sums added,
 * the longest wait the larger of both. Exact because new calls only add to an hour; a
 * change to stored calls goes through `refreshCallRollups`. Run it in the inserting
 * transaction.
 */
export async function addCallsToRollups(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const m = measures('c');
  const sums = sql.join(SUMMED_MEASURES.map((name) => sql`SUM(${m[name]})`));
  const columns = sql.join(SUMMED_MEASURES.map((name) => sql.ref(name)));
  const added = sql.join(SUMMED_MEASURES.map((name) => sql`${sql.ref(name)} = call_rollups.${sql.ref(name)} + excluded.${sql.ref(name)}`));
  for (const [dimension, key] of Object.entries(DIMENSION_KEYS)) {
    await sql`
      INSERT INTO call_rollups (dimension, hour, key, ${columns}, longest_wait)
      SELECT ${sql.lit(dimension)}, ${hourSql('c.started_at')}, ${key}, ${sums}, MAX(${contactWait('c')})
      FROM calls c
      WHERE c.id IN (${sql.join(ids)}) AND c.queue_id IS NOT NULL AND COALESCE(c.direction, '') = 'INBOUND'
      GROUP BY ${hourSql('c.started_at')}${dimension === 'ALL' ? sql`` : sql`, ${key}`}
      ON CONFLICT (dimension, hour, key) DO UPDATE SET ${added},
        longest_wait = CASE
          WHEN excluded.longest_wait IS NULL THEN call_rollups.longest_wait
          WHEN call_rollups.longest_wait IS NULL OR excluded.longest_wait > call_rollups.longest_wait THEN excluded.longest_wait
          ELSE call_rollups.longest_wait
        END`.execute(db);
  }
}

/** A call's place in the roll-ups: its offer time. */
export interface RollupKey {
  startedAt: string;
}

/**
 * Recomputes the roll-up rows of the hours of `calls` (each call's state before and after a
 * change: pass both). Run it inside the transaction that changed the calls.
 */
export async function refreshCallRollups(db: QueryExecutorProvider, calls: Iterable<RollupKey>): Promise<void> {
  const hours = [...new Set([...calls].map((call) => hourOf(call.startedAt)))].sort();
  if (hours.length === 0) return;
  // Lock the hours (in order, so two writers cannot deadlock) before reading their calls.
  const now = new Date().toISOString();
  await sql`
    INSERT INTO call_rollup_hours (hour, refreshed_at) VALUES ${sql.join(hours.map((hour) => sql`(${hour}, ${now})`))}
    ON CONFLICT (hour) DO UPDATE SET refreshed_at = excluded.refreshed_at`.execute(db);
  for (const hour of hours) await resum(db, hour, new Date(Date.parse(hour) + HOUR_MS).toISOString());
}

/**
 * Recomputes every roll-up row of the hours from `from`'s hour to `to`'s hour, both included
 * (ISO UTC; both null: every hour): migration 0002 and the rebuild command. It takes no hour
 * locks: an hour a live write refreshes during a rebuild is right again at that hour's next
 * write; rebuild when the CTI stream is quiet to be exact at once.
 */
export async function rebuildCallRollups(db: QueryExecutorProvider, from: string | null = null, to: string | null = null): Promise<void> {
  if (from === null || to === null) return resum(db, null, null);
  return resum(db, hourOf(from), new Date(Date.parse(hourOf(to)) + HOUR_MS).toISOString());
}
