/**
 * The ticket system's tables and its versioned migrations (run by Kysely's `Migrator`, see
 * subgraphs/shared/migrations.ts), written with Kysely's schema builder so the same code runs
 * on SQLite and PostgreSQL; a new schema change is a new entry at the end of
 * `TICKETS_MIGRATIONS`, an applied migration is never edited. Timestamps are ISO-8601 TEXT (they sort correctly);
 * booleans are INTEGER 0/1 on both dialects so every query is written once.
 */
import type { Kysely } from 'kysely';
import { migrateTicketReporting } from '../../reports/migrations.js';
import { addColumnIfMissing, type StoreMigrations } from '../../../shared/migrations.js';
import { createChangeEventsTable, dropChangeEventsTable } from '../../../shared/change-events/migration.js';
import { createTicketRollups, dropTicketRollups, rebuildTicketRollups } from '../../reports/ticket-rollups.js';

export interface TicketsTable {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  channel: string;
  requester_id: string | null;
  assignee_id: string | null;
  /** Who assigned the ticket (subgraphs/tickets/assignment.ts); added by migration 0002. */
  assigned_by: string | null;
  related_call_id: string | null;
  created_at: string;
  updated_at: string;
  sla_due_at: string | null;
  sla_breached: number;
  first_responded_at: string | null;
  solved_at: string | null;
  idempotency_key: string | null;
  /** The normalised input of `createTicket`, to tell a retry from a conflicting reuse of the key. */
  idempotency_input: string | null;
}

export interface TicketCommentsTable {
  id: string;
  ticket_id: string;
  author: string;
  body: string;
  is_public: number;
  created_at: string;
}

/** Named counters; `ticket_number` is the last number handed out (`T-` + value). */
export interface TicketCountersTable {
  name: string;
  value: number;
}

export interface TicketsDatabase {
  tickets: TicketsTable;
  ticket_comments: TicketCommentsTable;
  ticket_counters: TicketCountersTable;
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
    // Report roll-ups (created, breached, solved, first-reply and resolution histograms), summed from the tickets stored (reports/ticket-rollups.ts).
    '0004_ticket_rollups': {
      up: async (db) => {
        await createTicketRollups(db);
        await rebuildTicketRollups(db);
      },
      down: dropTicketRollups,
    },
  },
};
