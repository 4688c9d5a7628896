/**
 * The CRM's tables as Kysely sees them (snake_case columns; timestamps as ISO-8601 TEXT so
 * they sort correctly and one query works on SQLite and PostgreSQL).
 */
import type { EngagementTables } from './engagement-tables.js';

export interface OwnersTable {
  id: string;
  name: string;
  team: string;
}

export interface CustomersTable {
  id: string;
  display_name: string;
  tier: string;
  /** `ACTIVE` or `INACTIVE`; added by migration 0006 (existing rows: `ACTIVE`). */
  status: string;
  company_name: string | null;
  company_industry: string | null;
  /** JSON array of strings. */
  tags: string;
  owner_id: string | null;
  national_id: string | null;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
}

export interface CustomerPhonesTable {
  customer_id: string;
  position: number;
  raw: string;
  e164: string;
  /** Added after the first release: `null` in rows written before it (see migrations.ts). */
  extension: string | null;
  type: string;
}

export interface CustomerEmailsTable {
  customer_id: string;
  position: number;
  email: string;
}

export interface OrdersTable {
  id: string;
  customer_id: string;
  number: string;
  status: string;
  /** Decimal string, two fraction digits. */
  total: string;
  currency: string;
  placed_at: string;
  shipment_carrier: string | null;
  shipment_tracking_number: string | null;
  shipment_status: string | null;
  shipment_shipped_at: string | null;
  shipment_delivered_at: string | null;
}

export interface ActivitiesTable {
  id: string;
  customer_id: string;
  type: string;
  at: string;
  author: string;
  body: string | null;
  call_id: string | null;
  duration_seconds: number | null;
  agent_id: string | null;
  disposition: string | null;
  recording_ref: string | null;
  /** JSON array of chat messages, CHAT_TRANSCRIPT only. */
  messages: string | null;
}

/** One change of a customer's status (`CustomerStatusChangeRecord`); never from a status to itself. */
export interface CustomerStatusChangesTable {
  id: string;
  customer_id: string;
  at: string;
  from_status: string;
  to_status: string;
  /** The caller's subject. */
  changed_by: string;
  reason: string | null;
}

export interface CrmTables extends EngagementTables {
  owners: OwnersTable;
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  customer_emails: CustomerEmailsTable;
  orders: OrdersTable;
  activities: ActivitiesTable;
  customer_status_changes: CustomerStatusChangesTable;
}
