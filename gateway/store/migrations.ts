/**
 * The gateway store's versioned migrations (run by Kysely's `Migrator`, see
 * subgraphs/shared/migrations.ts); a new schema change is a new entry at the end of
 * `GATEWAY_MIGRATIONS`, an applied migration is never edited.
 */
import type { Kysely } from 'kysely';
import type { StoreMigrations } from '../../subgraphs/shared/migrations.js';
import type { GatewayTables } from './tables.js';
import { addPreviousSecret, createWebhookTables, dropPreviousSecret, dropWebhookTables } from '../webhooks/migration.js';
import { dropGatewayPrivacy, migrateGatewayPrivacy } from '../privacy/migrations.js';

/**
 * The schema of release 0.1 (API keys, audit trail), idempotent (`if not exists`) so a
 * database that release created, which has the tables but no migration history, is adopted.
 */
async function release01(db: Kysely<GatewayTables>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('audit_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('operation_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('customer_ids', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_event_customers')
    .ifNotExists()
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_customers_customer').ifNotExists().on('audit_event_customers').columns(['customer_id', 'event_id']).execute();
  await db.schema.createIndex('audit_events_at').ifNotExists().on('audit_events').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_events_subject_at').ifNotExists().on('audit_events').columns(['subject', 'at']).execute();
}

/** Every gateway-store migration, applied in name order. */
export const GATEWAY_MIGRATIONS: StoreMigrations = {
  store: 'gateway',
  migrations: {
    '0001_release_0_1': { up: (db) => release01(db as Kysely<GatewayTables>) },
    // Outbound webhooks: endpoints and the delivery log (gateway/webhooks/).
    '0002_webhooks': { up: (db) => createWebhookTables(db), down: (db) => dropWebhookTables(db) },
    // The erasure saga's state and stored exports (docs/privacy.md).
    '0003_privacy': { up: migrateGatewayPrivacy, down: dropGatewayPrivacy },
    // Webhook secrets: the previous one during a rotation (sealed at rest from now on).
    '0004_webhook_secret_rotation': { up: (db) => addPreviousSecret(db), down: (db) => dropPreviousSecret(db) },
  },
};
