/** The engagement tables' migration (an entry of `CRM_MIGRATIONS`), in Kysely's schema builder for SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';

export async function createEngagementTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_identities')
    .ifNotExists()
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_identities_pk', ['kind', 'value', 'customer_id'])
    .execute();
  await db.schema.createIndex('customer_identities_customer_idx').ifNotExists().on('customer_identities').column('customer_id').execute();

  await db.schema
    .createTable('conversations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('intent', 'text')
    .addColumn('outcome', 'text')
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('conversations_customer_started_idx').ifNotExists().on('conversations').columns(['customer_id', 'started_at']).execute();

  await db.schema
    .createTable('conversation_messages')
    .ifNotExists()
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sender_role', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_messages_pk', ['conversation_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('leads')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('source_channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_status', 'text')
    .addColumn('interest', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('opportunity_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('converted_at', 'text')
    .execute();
  await db.schema.createIndex('leads_created_idx').ifNotExists().on('leads').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('leads_customer_idx').ifNotExists().on('leads').columns(['customer_id', 'created_at']).execute();

  await db.schema
    .createTable('opportunities')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('external_stage', 'text')
    .addColumn('amount', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('lead_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opportunities_customer_idx').ifNotExists().on('opportunities').columns(['customer_id', 'created_at']).execute();

  await db.schema
    .createTable('shipment_events')
    .ifNotExists()
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shipment_events_pk', ['order_id', 'at'])
    .execute();
}

/** Steps `createEngagementTables` down: drops its tables (and their data). */
export async function dropEngagementTables(db: Kysely<unknown>): Promise<void> {
  for (const table of ['shipment_events', 'opportunities', 'leads', 'conversation_messages', 'conversations', 'customer_identities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
