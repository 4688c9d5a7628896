/**
 * The ticket system's versioned migrations (run by Kysely's `Migrator`, see
 * subgraphs/shared/migrations.ts; the tables' shapes are `tables.ts`), written with Kysely's schema builder so the same code runs
 * on SQLite and PostgreSQL; a new schema change is a new entry at the end of
 * `TICKETS_MIGRATIONS`, an applied migration is never edited. Timestamps are ISO-8601 TEXT (they sort correctly);
 * booleans are INTEGER 0/1 on both dialects so every query is written once.
 */
import type { Kysely } from 'kysely';
import type { TicketsDatabase } from './tables.js';
import { migrateTicketReporting } from '../../reports/migrations.js';
import { addColumnIfMissing, type StoreMigrations } from '../../../shared/migrations.js';
import { createChangeEventsTable, dropChangeEventsTable } from '../../../shared/change-events/migration.js';
import { createStatusHistory, dropStatusHistory } from './status-history.js';
import { addBacklogMeasures, createTicketRollups, dropBacklogMeasures, dropTicketRollups, rebuildTicketRollups } from '../../reports/ticket-rollups.js';
import { createCoveringIndex, deriveMultiDayBlocks, dropCoveringIndex, dropMultiDayBlocks } from '../../../shared/reporting/histograms.js';

/** Migration 0005: a ticket's contact-reason category and tags, and the index of the contact-reasons report. */
async function addClassification(db: Kysely<unknown>): Promise<void> {
  await addColumnIfMissing(db, 'tickets', 'category');
  await addColumnIfMissing(db, 'tickets', 'tags');
  await db.schema.createIndex('tickets_report_reason').ifNotExists().on('tickets').columns(['created_at', 'requester_tier', 'category']).execute();
}

async function dropClassification(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_report_reason').ifExists().execute();
  await db.schema.alterTable('tickets').dropColumn('tags').execute();
  await db.schema.alterTable('tickets').dropColumn('category').execute();
}

export const TICKET_NUMBER_COUNTER = 'ticket_number';
/** Numbers start after this: the first ticket is `T-100001`. */
export const FIRST_TICKET_NUMBER_BASE = 100000;

/**
 * The schema of release 0.1, idempotent (`if not exists`) so a database that release created,
 * which has the tables but no migration history, is adopted without error.
 */
async function release01(db: Kysely<TicketsDatabase>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('related_call_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sla_due_at', 'text')
    .addColumn('sla_breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_responded_at', 'text')
    .addColumn('solved_at', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('idempotency_input', 'text')
    .execute();
  await db.schema
    .createTable('ticket_comments')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ticket_counters')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  const indexes: { name: string; table: 'tickets' | 'ticket_comments'; columns: string[]; unique?: boolean }[] = [
    { name: 'tickets_number_key', table: 'tickets', columns: ['number'], unique: true },
    { name: 'tickets_idempotency_key_key', table: 'tickets', columns: ['idempotency_key'], unique: true },
    { name: 'tickets_requester_created_idx', table: 'tickets', columns: ['requester_id', 'created_at'] },
    { name: 'tickets_related_call_idx', table: 'tickets', columns: ['related_call_id'] },
    { name: 'tickets_assignee_created_idx', table: 'tickets', columns: ['assignee_id', 'created_at'] },
    { name: 'tickets_created_idx', table: 'tickets', columns: ['created_at'] },
    { name: 'tickets_status_idx', table: 'tickets', columns: ['status'] },
    { name: 'ticket_comments_ticket_created_idx', table: 'ticket_comments', columns: ['ticket_id', 'created_at'] },
  ];
  for (const index of indexes) {
    let builder = db.schema.createIndex(index.name).ifNotExists().on(index.table).columns(index.columns);
    if (index.unique) builder = builder.unique();
    await builder.execute();
  }

  await db
    .insertInto('ticket_counters')
    .values({ name: TICKET_NUMBER_COUNTER, value: FIRST_TICKET_NUMBER_BASE })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();

  // Reporting: requester tier, agent teams and report indexes (subgraphs/tickets/reports/migrations.ts).
  await migrateTicketReporting(db);
}

/** Every ticket-store migration, applied in name order. */
export const TICKETS_MIGRATIONS: StoreMigrations = {
  store: 'tickets',
  migrations: {
    '0001_release_0_1': { up: (db) => release01(db as Kysely<TicketsDatabase>) },
    // Who assigned a ticket (`Ticket.assignedBy`); present already when a pre-migrations build made the database.
    '0002_ticket_assigned_by': {
      up: (db) => addColumnIfMissing(db, 'tickets', 'assigned_by'),
      down: (db) => db.schema.alterTable('tickets').dropColumn('assigned_by').execute(),
    },
    // The change-event outbox (ticket created, status changed, solved), written with each change.
    '0003_change_events': { up: (db) => createChangeEventsTable(db), down: (db) => dropChangeEventsTable(db) },
    // Status history written with each change (backlog over time), backfilled from each ticket's row.
    '0004_ticket_status_history': { up: (db) => createStatusHistory(db), down: (db) => dropStatusHistory(db) },
    // Category and tags (contact reasons by tier).
    '0005_ticket_classification': { up: (db) => addClassification(db), down: (db) => dropClassification(db) },
    // Report roll-ups (created, breached, solved, first-reply and resolution histograms), summed from the tickets stored (reports/ticket-rollups.ts).
    '0006_ticket_rollups': {
      up: async (db) => {
        await createTicketRollups(db);
        await rebuildTicketRollups(db);
      },
      down: dropTicketRollups,
    },
    // Blocks of 4 and 16 days for every dimension, summed from the one-day blocks (reports/ticket-rollups.ts).
    '0007_rollup_multi_day_blocks': { up: (db) => deriveMultiDayBlocks(db, 'ticket_rollups'), down: (db) => dropMultiDayBlocks(db, 'ticket_rollups') },
    // The backlog moves (OPENED, CLOSED) per priority, channel and assignee, from the status history (the backlog per group without reading every history row).
    '0008_rollup_backlog_moves': { up: (db) => addBacklogMeasures(db), down: (db) => dropBacklogMeasures(db) },
    // PostgreSQL: the roll-up blocks read by an index-only scan (shared/reporting/histograms.ts).
    '0009_rollup_covering_index': { up: (db) => createCoveringIndex(db, 'ticket_rollups'), down: (db) => dropCoveringIndex(db, 'ticket_rollups') },
  },
};
