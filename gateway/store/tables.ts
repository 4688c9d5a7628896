/** The gateway's own tables: service-account API keys, the audit trail, outbound webhooks. */
import type { WebhookTables } from '../webhooks/tables.js';

export interface ApiKeysTable {
  id: string;
  name: string;
  /** JSON array of scopes. */
  scopes: string;
  /** SHA-256 (hex) of the key's secret part; the key itself is never stored. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  subject: string;
  role: string;
  operation_name: string | null;
  /** `READ` of unmasked PII or finance fields, or `MUTATION`. */
  kind: string;
  /** JSON array of `Type.field`. */
  fields: string;
  /** JSON array of customer ids. */
  customer_ids: string;
  /** `OK`, `PARTIAL` or `ERROR`. */
  outcome: string;
  request_id: string;
}

/** Which customers each audit event concerns, for filtering by customer. */
export interface AuditEventCustomersTable {
  event_id: string;
  customer_id: string;
}

export interface GatewayTables extends WebhookTables {
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  audit_event_customers: AuditEventCustomersTable;
}
