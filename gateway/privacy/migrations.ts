/** Gateway migration `0002_privacy`: the erasure saga's state and stored exports (docs/privacy.md). */
import type { Kysely } from 'kysely';

export async function migrateGatewayPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().unique())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('erasure_requests_status_idx').on('erasure_requests').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('erasure_requests_request_idx').on('erasure_requests').column('request_id').execute();
  await db.schema
    .createTable('erasure_steps')
    .addColumn('erasure_id', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('erased', 'integer')
    .addColumn('recordings_flagged', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addPrimaryKeyConstraint('erasure_steps_pk', ['erasure_id', 'system'])
    .execute();
  await db.schema
    .createTable('privacy_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_exports_expires_idx').on('privacy_exports').column('expires_at').execute();
}

export async function dropGatewayPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('privacy_exports').execute();
  await db.schema.dropTable('erasure_steps').execute();
  await db.schema.dropTable('erasure_requests').execute();
}
