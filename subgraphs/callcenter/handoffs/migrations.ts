/** Creates the hand-off table (migration `0002_handoffs` of the call center), SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';

export async function migrateHandoffs(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoffs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queue_id', 'text')
    .addColumn('skill', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rtc_provider', 'text')
    .addColumn('rtc_channel', 'text')
    .addColumn('offered_to', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('declined_by', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('intent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('fallback_ticket_key', 'text')
    .execute();
  await db.schema.createIndex('handoffs_status_expires_idx').ifNotExists().on('handoffs').columns(['status', 'expires_at']).execute();
}

/**
 * Migration `0006_handoff_accepted_at`: when a hand-off was accepted, for the record-level
 * rule (an agent serves the customer of a hand-off they accepted for a while after). Earlier
 * accepted hand-offs keep it null: they grant nothing.
 */
export async function addHandoffAcceptedAt(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('handoffs').addColumn('accepted_at', 'text').execute();
  await db.schema.createIndex('handoffs_agent_idx').ifNotExists().on('handoffs').columns(['accepted_by', 'accepted_at']).execute();
}

export async function dropHandoffAcceptedAt(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('handoffs_agent_idx').ifExists().execute();
  await db.schema.alterTable('handoffs').dropColumn('accepted_at').execute();
}
