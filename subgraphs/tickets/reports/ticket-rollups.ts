/**
 * Ticket roll-ups: per block of UTC hours and grouping, the tickets created (and of them those
 * whose SLA breach is recorded, `sla_breached = 1`) and the histogram of their first-reply
 * times, keyed by creation time; the tickets solved and the histogram of their resolution
 * times, keyed by solved time. `ticketMetrics` and `ticketMetricsByTier` read them instead
 * of every ticket of the range.
 *
 * Rows (`ticket_rollups`): (dimension, grain, hour, key, measure, bucket) → count, with the
 * blocks and buckets of shared/reporting/histograms.ts: dimension ALL in blocks of 1, 2, 4, 8
 * and 24 hours; PRIORITY, CHANNEL, ASSIGNEE and TIER (requester tier at creation) in
 * blocks of 1, 4 and 16 UTC days (the longer ones derived by migration 0007),
 * whose report hours outside whole UTC days are read from raw tickets. TEAM sums the ASSIGNEE
 * rows through `agent_teams` at report time (the assignee's team now, as the raw report).
 * Measures: CREATED, BREACHED (bucket 0, counts), FIRST_REPLY (seconds from creation to the
 * first public reply, bucketed), SOLVED (bucket 0), RESOLUTION (seconds from creation to
 * solved, bucketed). Counts are exact; percentiles are exact below 128 s and otherwise
 * within 1/32 of the exact nearest-rank value.
 *
 * A breach that only `now` decides (a target that fell due, `sla_breached = 0` and
 * `sla_due_at < now`) cannot be rolled up: the report counts those tickets on raw rows through
 * a partial index that holds only tickets with an open target (`tickets_report_sla_open`).
 *
 * Maintenance is additive, in the transaction of the change: a write removes the tickets it
 * changes as they were (`removeTicketsFromRollups`) and adds them as they are now
 * (`addTicketsToRollups`); a new ticket is only added. `rebuildTicketRollups` sums all
 * tickets again (migration 0006, `npm run reports:rebuild`).
 */
import { SqliteAdapter, sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { DAY_GRAINS, GRAINS, HistogramWriter, bucketSql } from '../../shared/reporting/histograms.js';
import { firstReplySeconds, resolutionSeconds } from './ticket-definitions.js';

export type TicketRollupDimension = 'ALL' | 'PRIORITY' | 'CHANNEL' | 'ASSIGNEE' | 'TIER';
export type TicketRollupMeasure = 'CREATED' | 'BREACHED' | 'FIRST_REPLY' | 'SOLVED' | 'RESOLUTION' | 'OPENED' | 'CLOSED';

export interface TicketRollupsTable {
  dimension: TicketRollupDimension;
  /** Block length in hours (ALL: 1, 2, 4, 8, 24; the others 24, 96, 384). */
  grain: number;
  /** First hour of the block, hours since 1970, a multiple of `grain`. */
  hour: number;
  /** Priority, channel, assignee id or tier; '' for ALL and when absent. */
  key: string;
  measure: TicketRollupMeasure;
  /** 0 for counts; the value's bucket for FIRST_REPLY and RESOLUTION. */
  bucket: number;
  count: number;
}

export interface TicketRollupTables {
  ticket_rollups: TicketRollupsTable;
}

export const KEPT: [TicketRollupDimension, readonly number[]][] = [
  ['ALL', GRAINS],
  ['PRIORITY', DAY_GRAINS],
  ['CHANNEL', DAY_GRAINS],
  ['ASSIGNEE', DAY_GRAINS],
  ['TIER', DAY_GRAINS],
];

const KEY_OF: Record<TicketRollupDimension, RawBuilder<string>> = {
  ALL: sql<string>`''`,
  PRIORITY: sql<string>`COALESCE(x.priority, '')`,
  CHANNEL: sql<string>`COALESCE(x.channel, '')`,
  ASSIGNEE: sql<string>`COALESCE(x.assignee_id, '')`,
  TIER: sql<string>`COALESCE(x.requester_tier, '')`,
};

/** Creates `ticket_rollups` and the partial index of tickets with an open SLA target (migration 0006). */
export async function createTicketRollups(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('ticket_rollups')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('grain', 'integer', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_rollups_pk', ['dimension', 'grain', 'hour', 'key', 'measure', 'bucket'])
    .$call((t) => (sqlite ? t.modifyEnd(sql`WITHOUT ROWID`) : t))
    .execute();
  await db.schema
    .createIndex('tickets_report_sla_open')
    .on('tickets')
    .columns(['created_at', 'sla_due_at', 'priority', 'channel', 'assignee_id', 'requester_tier'])
    .where(sql.ref('sla_breached'), '=', 0)
    .where(sql.ref('sla_due_at'), 'is not', null)
    .execute();
}

/** Undoes `createTicketRollups` (migration 0006 stepping down). */
export async function dropTicketRollups(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_report_sla_open').ifExists().execute();
  await db.schema.dropTable('ticket_rollups').ifExists().execute();
}

const DIMENSION_COLUMNS = sql`t.priority, t.channel, t.assignee_id, t.requester_tier`;

/** The (time, measure, value) rows of the tickets `filter` selects (a predicate on `tickets t`). */
function valuesOf(filter: RawBuilder<boolean>): RawBuilder<unknown> {
  const dims = DIMENSION_COLUMNS;
  return sql`
    SELECT t.created_at AS at, ${dims}, 'CREATED' AS measure, 0 AS bucket FROM tickets t WHERE ${filter}
    UNION ALL
    SELECT t.created_at AS at, ${dims}, 'BREACHED' AS measure, 0 AS bucket FROM tickets t WHERE ${filter} AND t.sla_breached = 1
    UNION ALL
    SELECT t.created_at AS at, ${dims}, 'FIRST_REPLY' AS measure, ${bucketSql(firstReplySeconds('t') as RawBuilder<number>)} AS bucket FROM tickets t WHERE ${filter} AND t.first_responded_at IS NOT NULL
    UNION ALL
    SELECT t.solved_at AS at, ${dims}, 'SOLVED' AS measure, 0 AS bucket FROM tickets t WHERE ${filter} AND t.solved_at IS NOT NULL
    UNION ALL
    SELECT t.solved_at AS at, ${dims}, 'RESOLUTION' AS measure, ${bucketSql(resolutionSeconds('t') as RawBuilder<number>)} AS bucket FROM tickets t WHERE ${filter} AND t.solved_at IS NOT NULL
    UNION ALL
    ${backlogValuesOf(filter)}`;
}

/**
 * The backlog moves of the tickets `filter` selects, from their status history: OPENED at each
 * move that added the ticket to the backlog (created or reopened, `backlog_delta` +1), CLOSED
 * at each that took it out (-1), under the ticket's keys now (as the raw backlog groups).
 */
function backlogValuesOf(filter: RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`
    SELECT h.at AS at, ${DIMENSION_COLUMNS}, CASE WHEN h.backlog_delta > 0 THEN 'OPENED' ELSE 'CLOSED' END AS measure, 0 AS bucket
    FROM tickets t JOIN ticket_status_history h ON h.ticket_id = t.id
    WHERE ${filter} AND h.backlog_delta <> 0`;
}

/** The backlog measures serve the groupings by priority, channel and assignee (and team) only. */
const BACKLOG_ONLY_IN = [[['OPENED', 'CLOSED'], ['PRIORITY', 'CHANNEL', 'ASSIGNEE']]] as const;

const WRITER = new HistogramWriter({ table: 'ticket_rollups', kept: KEPT, keyOf: KEY_OF, valuesOf, idColumn: 't.id', at: 'at', onlyIn: BACKLOG_ONLY_IN });
/** The backlog measures alone (migration 0008 adds them to a table summed without them). */
const BACKLOG_WRITER = new HistogramWriter({ table: 'ticket_rollups', kept: KEPT, keyOf: KEY_OF, valuesOf: backlogValuesOf, idColumn: 't.id', at: 'at', onlyIn: BACKLOG_ONLY_IN });

/** Adds tickets as stored now (`ids`); run it in the writing transaction, after the write. */
export function addTicketsToRollups(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
  return WRITER.add(db, ids);
}

/** Removes tickets as stored now (`ids`), before a write changes them; emptied rows are deleted. Run it in the writing transaction. */
export function removeTicketsFromRollups(db: QueryExecutorProvider, ids: readonly string[]): Promise<void> {
  return WRITER.subtract(db, ids);
}

/** Sums every ticket again (migration 0006, `npm run reports:rebuild`). */
export function rebuildTicketRollups(db: QueryExecutorProvider): Promise<void> {
  return WRITER.rebuild(db);
}

/** Adds the backlog measures (OPENED, CLOSED) of every ticket, replacing any (migration 0008). */
export async function addBacklogMeasures(db: QueryExecutorProvider): Promise<void> {
  await sql`DELETE FROM ticket_rollups WHERE measure IN ('OPENED', 'CLOSED')`.execute(db);
  await BACKLOG_WRITER.addAll(db);
}

/** Deletes the backlog measures (migration 0008 stepping down). */
export async function dropBacklogMeasures(db: QueryExecutorProvider): Promise<void> {
  await sql`DELETE FROM ticket_rollups WHERE measure IN ('OPENED', 'CLOSED')`.execute(db);
}
