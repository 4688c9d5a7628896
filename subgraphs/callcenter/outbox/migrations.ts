/**
 * Creates the call-log outbox table and its indexes (idempotent, SQLite and PostgreSQL); see `tables.ts`.
 * Part of migration 0001 (the release 0.1 schema), so frozen: a later change is a new entry
 * at the end of the store's list in `source/migrations.ts`.
 */
import type { Kysely } from 'kysely';
import type { CallCenterTables } from '../source/tables.js';
import type { OutboxTables } from './tables.js';

export async function migrateCallLogOutbox(base: Kysely<CallCenterTables>): Promise<void> {
  const db = base.withTables<OutboxTables>();
  await db.schema
    .createTable('call_log_outbox')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('result_ref', 'text')
    .addColumn('done_at', 'text')
    .execute();
  // The exactly-once key: one row per (kind, call), whatever delivers the events and how often.
  await db.schema.createIndex('call_log_outbox_kind_call').ifNotExists().unique().on('call_log_outbox').columns(['kind', 'call_id']).execute();
  await db.schema.createIndex('call_log_outbox_status_due').ifNotExists().on('call_log_outbox').columns(['status', 'next_attempt_at']).execute();
}
