/**
 * The CRM store's versioned migrations (run by Kysely's `Migrator`, see
 * subgraphs/shared/migrations.ts), written with Kysely's schema builder so the same code runs
 * on SQLite and PostgreSQL. A new schema change is a new entry at the end of `CRM_MIGRATIONS`;
 * an applied migration is never edited.
 */
import type { Kysely } from 'kysely';
import { addColumnIfMissing, type StoreMigrations } from '../../../shared/migrations.js';
import { createEngagementTables, dropEngagementTables } from './engagement-migrations.js';
import { addCustomerStatus, dropCustomerStatus } from './status-migrations.js';
import type { CrmTables } from './tables.js';
import { createChangeEventsTable, dropChangeEventsTable } from '../../../shared/change-events/migration.js';
import { dropCrmPrivacy, migrateCrmPrivacy } from '../../privacy/migrations.js';

/**
 * The schema of release 0.1, idempotent (`if not exists`) so a database that release created,
 * which has the tables but no migration history, is adopted without error.
 */
async function release01(db: Kysely<CrmTables>): Promise<void> {
  await db.schema
    .createTable('owners')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text')
    .addColumn('company_industry', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text')
    .addColumn('national_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_contact_at', 'text')
    .execute();
  await db.schema.createIndex('customers_created_idx').ifNotExists().on('customers').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('customers_tier_created_idx').ifNotExists().on('customers').columns(['tier', 'created_at', 'id']).execute();

  await db.schema
    .createTable('customer_phones')
    .ifNotExists()
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('e164', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_phones_pk', ['customer_id', 'position'])
    .execute();
  await db.schema.createIndex('customer_phones_e164_idx').ifNotExists().on('customer_phones').column('e164').execute();

  await db.schema
    .createTable('customer_emails')
    .ifNotExists()
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_emails_pk', ['customer_id', 'position'])
    .execute();

  await db.schema
    .createTable('orders')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('shipment_carrier', 'text')
    .addColumn('shipment_tracking_number', 'text')
    .addColumn('shipment_status', 'text')
    .addColumn('shipment_shipped_at', 'text')
    .addColumn('shipment_delivered_at', 'text')
    .execute();
  await db.schema.createIndex('orders_customer_placed_idx').ifNotExists().on('orders').columns(['customer_id', 'placed_at']).execute();

  await db.schema
    .createTable('activities')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('call_id', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('agent_id', 'text')
    .addColumn('disposition', 'text')
    .addColumn('recording_ref', 'text')
    .addColumn('messages', 'text')
    .execute();
  await db.schema.createIndex('activities_customer_at_idx').ifNotExists().on('activities').columns(['customer_id', 'at']).execute();
  // NULLs are distinct in unique indexes on both dialects: only call logs are constrained.
  await db.schema
    .createIndex('activities_customer_call_uq')
    .ifNotExists()
    .unique()
    .on('activities')
    .columns(['customer_id', 'call_id'])
    .execute();
}

/** Every CRM migration, applied in name order. */
export const CRM_MIGRATIONS: StoreMigrations = {
  store: 'crm',
  migrations: {
    '0001_release_0_1': { up: (db) => release01(db as Kysely<CrmTables>) },
    // A phone's extension (`customerPhones.extension`); present already when a pre-migrations build made the database.
    '0002_customer_phone_extension': {
      up: (db) => addColumnIfMissing(db, 'customer_phones', 'extension'),
      down: (db) => db.schema.alterTable('customer_phones').dropColumn('extension').execute(),
    },
    // The change-event outbox (contact changed, call logged), written with each change.
    '0003_change_events': { up: (db) => createChangeEventsTable(db), down: (db) => dropChangeEventsTable(db) },
    // Consent per purpose and erasure markers (docs/privacy.md).
    '0004_privacy': { up: migrateCrmPrivacy, down: dropCrmPrivacy },
    // Channel identities, conversations, leads, opportunities, shipment events (engagement-tables.ts).
    '0005_engagement': { up: (db) => createEngagementTables(db), down: (db) => dropEngagementTables(db) },
    // The customer status (every existing customer ACTIVE) and its history (status-migrations.ts).
    '0006_customer_status': { up: (db) => addCustomerStatus(db), down: (db) => dropCustomerStatus(db) },
  },
};
