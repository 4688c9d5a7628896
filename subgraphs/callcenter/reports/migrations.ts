/**
 * The reporting additions to the call center's store, idempotent and the same for SQLite and
 * PostgreSQL: the `customer_id` / `customer_tier` columns of `calls` and the indexes the
 * reports use. Called at the end of `source/migrations.ts`.
 */
import type { Kysely } from 'kysely';
import type { CallCenterTables } from '../source/tables.js';
import { addColumnIfMissing } from '../../shared/reporting/sql-fragments.js';

const INDEXES: [name: string, columns: string[]][] = [
  // A customer's calls (top customers, call summaries, the previous/next contact of a caller),
  // with what tells a contact from other calls, so those seeks read the index only.
  ['calls_report_customer', ['customer_id', 'started_at', 'direction', 'queue_id', 'parent_call_id', 'disposition']],
  // Range scans of the contact and repeat blocks, read from the index only.
  ['calls_report_started_at', ['started_at', 'direction', 'queue_id', 'parent_call_id', 'agent_id', 'disposition', 'wait_seconds', 'answered_at', 'customer_id', 'customer_number']],
];

export async function migrateCallReporting(db: Kysely<CallCenterTables>): Promise<void> {
  await addColumnIfMissing(db, 'calls', 'customer_id');
  await addColumnIfMissing(db, 'calls', 'customer_tier');
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).ifNotExists().on('calls').columns(columns).execute();
  }
}
