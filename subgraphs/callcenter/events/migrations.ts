/**
 * Creates the CTI tables and indexes (idempotent, SQLite and PostgreSQL); see `tables.ts`.
 * Part of migration 0001 (the release 0.1 schema), so frozen: a later change is a new entry
 * at the end of the store's list in `source/migrations.ts`.
 */
import type { Kysely } from 'kysely';
import type { CallCenterTables } from '../source/tables.js';
import type { CtiTables } from './tables.js';

export async function migrateCallEvents(base: Kysely<CallCenterTables>): Promise<void> {
  const db = base.withTables<CtiTables>();
  await db.schema
    .createTable('cti_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('parent_call_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer')
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text')
    .addColumn('direction', 'text')
    .addColumn('queue_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('disconnect_reason', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createTable('cti_call_locks')
    .ifNotExists()
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .execute();
  const indexes: [name: string, columns: (keyof CtiTables['cti_events'])[]][] = [
    ['cti_events_call_id', ['call_id']],
    ['cti_events_parent_call_id', ['parent_call_id']],
    ['cti_events_applied_at', ['applied_at', 'at', 'id']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on('cti_events').columns(columns).execute();
  }
  await base.schema.createIndex('calls_state_started_at').ifNotExists().on('calls').columns(['state', 'started_at']).execute();
}
