/** CRM migration `0003_privacy`: consent per purpose and erasure markers (docs/privacy.md). */
import type { Kysely } from 'kysely';

export async function migrateCrmPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_consents')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_consents_pk', ['customer_id', 'purpose'])
    .execute();
  await db.schema
    .createTable('customer_erasures')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('erasure_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
}

export async function dropCrmPrivacy(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_erasures').execute();
  await db.schema.dropTable('customer_consents').execute();
}
