/**
 * The reporting additions to the ticket system's store, idempotent and the same for SQLite
 * and PostgreSQL: `tickets.requester_tier`, the `agent_teams` directory and the indexes the
 * reports use. Called at the end of `source/migrations.ts`.
 * Part of migration 0001 (the release 0.1 schema), so frozen: a later change is a new entry
 * at the end of the store's list in `source/migrations.ts`.
 */
import type { Kysely } from 'kysely';
import { addColumnIfMissing } from '../../shared/migrations.js';
import type { TicketsDatabase } from '../source/embedded/tables.js';
import type { ReportingTicketsDatabase } from './tables.js';

const INDEXES: [name: string, columns: string[]][] = [
  // Created in a range, by priority/channel/assignee (read from the index).
  ['tickets_report_created', ['created_at', 'priority', 'channel', 'assignee_id', 'sla_breached', 'sla_due_at']],
  // Solved in a range; backlog at the end of a range (solved_at NULL or after it).
  ['tickets_report_solved', ['solved_at', 'created_at']],
];

export async function migrateTicketReporting(base: Kysely<TicketsDatabase>): Promise<void> {
  const db = base.withTables<Pick<ReportingTicketsDatabase, 'agent_teams'>>();
  await addColumnIfMissing(db, 'tickets', 'requester_tier');
  await db.schema
    .createTable('agent_teams')
    .ifNotExists()
    .addColumn('agent_id', 'text', (c) => c.primaryKey())
    .addColumn('team', 'text', (c) => c.notNull())
    .execute();
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).ifNotExists().on('tickets').columns(columns).execute();
  }
}
