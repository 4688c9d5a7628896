/** The webhook tables (`tables.ts`): the gateway store's migrations `0002_webhooks` and `0004_webhook_secret_rotation`. */
import type { Kysely } from 'kysely';

export async function createWebhookTables<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('include_personal_data', 'integer', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('give_up_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  // Exactly once per (endpoint, event), however often an event is taken over.
  await db.schema.createIndex('webhook_deliveries_endpoint_event').ifNotExists().unique().on('webhook_deliveries').columns(['endpoint_id', 'event_id']).execute();
  await db.schema.createIndex('webhook_deliveries_status_due').ifNotExists().on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_created').ifNotExists().on('webhook_deliveries').columns(['created_at', 'id']).execute();
}

export async function dropWebhookTables<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('webhook_endpoints').ifExists().execute();
}

/**
 * `0004_webhook_secret_rotation`: the secret before a rotation and until when it still signs.
 * Secrets stored in plain text by earlier versions are sealed by the gateway at start
 * (`WebhookStore.sealSecrets`), which needs the key the migration does not have.
 */
export async function addPreviousSecret<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('previous_secret_until', 'text').execute();
}

export async function dropPreviousSecret<DB>(db: Kysely<DB>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').dropColumn('previous_secret_until').execute();
  await db.schema.alterTable('webhook_endpoints').dropColumn('previous_secret').execute();
}
