/** Call-center migration `0002_privacy`: recording references flagged for deletion (docs/privacy.md). */
import type { Kysely } from 'kysely';

export async function migrateCallCenterPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recording_deletions')
    .addColumn('ref', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('erasure_id', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recording_deletions_status_idx').on('recording_deletions').columns(['status', 'requested_at']).execute();
  // Retention of call events scans by time.
  await db.schema.createIndex('cti_events_received_idx').ifNotExists().on('cti_events').column('received_at').execute();
}

export async function dropCallCenterPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cti_events_received_idx').ifExists().execute();
  await db.schema.dropTable('recording_deletions').execute();
}
