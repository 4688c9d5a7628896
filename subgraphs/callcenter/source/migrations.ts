/**
 * The call center's versioned migrations (run by Kysely's `Migrator`, see
 * subgraphs/shared/migrations.ts), the same code for SQLite and PostgreSQL; a new schema
 * change is a new entry at the end of `CALLCENTER_MIGRATIONS`, an applied migration is never
 * edited. No foreign keys: calls arrive from the seed and (later) from CTI events in
 * any order, and the bulk load of a million calls must stay fast.
 */
import { createWrapUpCodes, dropWrapUpCodes } from '../reports/wrap-up-codes.js';
import type { Kysely } from 'kysely';
import { type StoreMigrations } from '../../shared/migrations.js';
import type { CallCenterTables } from './tables.js';
import { migrateCallReporting } from '../reports/migrations.js';
import { migrateCallEvents } from '../events/migrations.js';
import { migrateCallLogOutbox } from '../outbox/migrations.js';
import { createCallRollups, deriveDayRollups, dropDayRollups, rebuildCallRollups } from '../reports/call-rollups.js';
import { migrateContactGaps } from '../reports/migrations.js';
import { createCallHistograms, rebuildCallHistograms } from '../reports/call-histograms.js';
import { createCoveringIndex, deriveMultiDayBlocks, dropCoveringIndex, dropMultiDayBlocks } from '../../shared/reporting/histograms.js';
import { createDefinitionStatistics, dropDefinitionStatistics } from '../reports/call-definitions.js';
import { dropCallCenterPrivacy, migrateCallCenterPrivacy } from '../privacy/migrations.js';
import { addHandoffAcceptedAt, dropHandoffAcceptedAt, migrateHandoffs } from '../handoffs/migrations.js';

/**
 * The schema of release 0.1 (calls, reporting columns, CTI events, outbox), idempotent
 * (`if not exists`) so a database that release created, which has the tables but no
 * migration history, is adopted without error.
 */
async function release01(db: Kysely<CallCenterTables>): Promise<void> {
  await db.schema
    .createTable('agents')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('presence', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queues')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calls')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('customer_number', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('parent_call_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('wait_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talk_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wrap_up_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disposition', 'text')
    .addColumn('recording_ref', 'text')
    .addColumn('recording_seconds', 'integer')
    .execute();

  const indexes: [name: string, columns: (keyof CallCenterTables['calls'])[]][] = [
    ['calls_customer_number_started_at', ['customer_number', 'started_at']],
    ['calls_started_at', ['started_at']],
    ['calls_agent_id_started_at', ['agent_id', 'started_at']],
    ['calls_queue_id_started_at', ['queue_id', 'started_at']],
    ['calls_parent_call_id', ['parent_call_id']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on('calls').columns(columns).execute();
  }

  // Reporting: customer columns and report indexes (subgraphs/callcenter/reports/migrations.ts).
  await migrateCallReporting(db);

  // Live call events: cti_events, cti_call_locks (subgraphs/callcenter/events/migrations.ts).
  await migrateCallEvents(db);

  // Call-log outbox: call_log_outbox (subgraphs/callcenter/outbox/migrations.ts).
  await migrateCallLogOutbox(db);
}

/** Every call-center migration, applied in name order. */
export const CALLCENTER_MIGRATIONS: StoreMigrations = {
  store: 'callcenter',
  migrations: {
    '0001_release_0_1': { up: (db) => release01(db as Kysely<CallCenterTables>) },
    // Hourly report roll-ups, summed from the calls already stored (reports/call-rollups.ts).
    '0002_call_rollups': {
      up: async (db) => {
        await createCallRollups(db);
        await rebuildCallRollups(db);
      },
    },
    // Recording references flagged for deletion (docs/privacy.md).
    '0003_privacy': { up: migrateCallCenterPrivacy, down: dropCallCenterPrivacy },
    // Bot hand-offs (subgraphs/callcenter/handoffs/).
    '0004_handoffs': { up: (db) => migrateHandoffs(db), down: (db) => db.schema.dropTable('handoffs').ifExists().execute() },
    // Wrap-up reason codes, set by agents (reports/wrap-up-codes.ts).
    '0005_call_wrap_up_codes': { up: (db) => createWrapUpCodes(db), down: (db) => dropWrapUpCodes(db) },
    // When a hand-off was accepted (record-level rule: the agent serves its customer for a while).
    '0006_handoff_accepted_at': { up: (db) => addHandoffAcceptedAt(db), down: (db) => dropHandoffAcceptedAt(db) },
    // Contact gaps on calls (repeat contacts summed, not searched), computed from the calls
    // stored, and the report range index widened to hold them (reports/contact-gaps.ts).
    '0007_call_contact_gaps': { up: migrateContactGaps },
    // Call-time histograms for the report percentiles, summed from the calls stored (reports/call-histograms.ts).
    '0008_call_histograms': {
      up: async (db) => {
        await createCallHistograms(db);
        await rebuildCallHistograms(db);
      },
    },
    // Blocks of 4 and 16 days for every dimension, summed from the one-day blocks, so a month's
    // per-agent or per-queue report reads about seven blocks per key instead of thirty.
    '0009_histogram_multi_day_blocks': { up: (db) => deriveMultiDayBlocks(db, 'call_histograms'), down: (db) => dropMultiDayBlocks(db, 'call_histograms') },
    // Per-day roll-up rows for queues and agents beside the hourly ones, summed from the hourly rows (reports/call-rollups.ts).
    '0010_call_rollup_days': { up: (db) => deriveDayRollups(db), down: (db) => dropDayRollups(db) },
    // PostgreSQL: the histogram blocks read by an index-only scan (shared/reporting/histograms.ts).
    '0011_histogram_covering_index': { up: (db) => createCoveringIndex(db, 'call_histograms'), down: (db) => dropCoveringIndex(db, 'call_histograms') },
    // PostgreSQL: statistics on the report definitions' expressions, so raw-row plans are estimated right (reports/call-definitions.ts).
    '0012_call_definition_statistics': { up: (db) => createDefinitionStatistics(db), down: (db) => dropDefinitionStatistics(db) },
  },
};
