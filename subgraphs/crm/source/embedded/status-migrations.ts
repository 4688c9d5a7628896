/**
 * The customer status migration (an entry of `CRM_MIGRATIONS`), in Kysely's schema builder for
 * SQLite and PostgreSQL: `customers.status` (NOT NULL, every existing customer `ACTIVE`) and
 * `customer_status_changes`, indexed for a customer's history (newest first) and for the churn
 * report's "turned INACTIVE in the range" (subgraphs/crm/reports/cross-system.ts).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_CUSTOMER_STATUS } from '../customer-status.js';

/** Up: the column (existing customers `ACTIVE`), the history table and its two indexes. */
export async function addCustomerStatus(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('customers')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo(DEFAULT_CUSTOMER_STATUS))
    .execute();
  await db.schema
    .createTable('customer_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('customer_status_changes_customer_at_idx').on('customer_status_changes').columns(['customer_id', 'at']).execute();
  await db.schema.createIndex('customer_status_changes_to_at_idx').on('customer_status_changes').columns(['to_status', 'at']).execute();
}

/** Down: the history table and the column go (statuses and their history are lost). */
export async function dropCustomerStatus(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_status_changes').execute();
  await db.schema.alterTable('customers').dropColumn('status').execute();
}
