/**
 * The CRM's engagement tables (channel identities, conversations and their messages,
 * leads, opportunities, shipment tracking events), snake_case, timestamps as ISO-8601 TEXT,
 * JSON columns as TEXT. Created by `engagement-migrations.ts`.
 */
export interface CustomerIdentitiesTable {
  customer_id: string;
  kind: string;
  /** Trimmed; lower-cased for EMAIL. */
  value: string;
  created_at: string;
}

export interface ConversationsTable {
  id: string;
  idempotency_key: string;
  /** SHA-256 of the creating request's input: the same key with other input is a conflict. */
  request_hash: string;
  channel: string;
  external_id: string | null;
  customer_id: string | null;
  status: string;
  /** JSON array of participants. */
  participants: string;
  summary: string | null;
  intent: string | null;
  outcome: string | null;
  message_count: number;
  started_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ConversationMessagesTable {
  conversation_id: string;
  message_id: string;
  /** Order of arrival in the conversation, from 0. */
  position: number;
  sender_role: string;
  sender_id: string | null;
  at: string;
  text: string;
  /** JSON array of attachment references. */
  attachments: string;
}

export interface LeadsTable {
  id: string;
  idempotency_key: string;
  request_hash: string;
  name: string;
  customer_id: string | null;
  source_channel: string;
  status: string;
  external_status: string | null;
  interest: string | null;
  owner_id: string | null;
  conversation_id: string | null;
  opportunity_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  converted_at: string | null;
}

export interface OpportunitiesTable {
  id: string;
  name: string;
  customer_id: string;
  stage: string;
  external_stage: string | null;
  amount: string | null;
  currency: string;
  owner_id: string | null;
  lead_id: string | null;
  created_at: string;
}

export interface ShipmentEventsTable {
  order_id: string;
  at: string;
  location: string | null;
  description: string;
}

export interface EngagementTables {
  customer_identities: CustomerIdentitiesTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  leads: LeadsTable;
  opportunities: OpportunitiesTable;
  shipment_events: ShipmentEventsTable;
}
