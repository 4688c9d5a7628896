/**
 * Creates the change-event outbox (`tables.ts`) in a store; each store lists it as a
 * numbered migration of its own (`0003_change_events`).
 */
import type { Kysely } from 'kysely';

export async function createChangeEventsTable<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema
    .createTable('change_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('personal', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('change_events_status_due').ifNotExists().on('change_events').columns(['status', 'next_attempt_at']).execute();
}

/** Drops it again (the migration's `down`). */
export async function dropChangeEventsTable<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.dropTable('change_events').ifExists().execute();
}
