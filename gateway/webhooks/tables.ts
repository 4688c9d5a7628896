/**
 * The gateway's webhook tables (migration `0002_webhooks`): registered endpoints and the
 * delivery log. A delivery is one event for one endpoint, unique per (endpoint, event), so
 * taking an event over twice (a lost acknowledgement) never sends it twice. Deliveries are
 * claimed with the shared outbox lease (`subgraphs/shared/outbox/lease.ts`).
 */
import type { ChangeEventType } from '../../subgraphs/shared/change-events/registry.js';

export interface WebhookEndpointsTable {
  /** `whe_<hex>`. */
  id: string;
  url: string;
  /** JSON array of `ChangeEventType`. */
  event_types: string;
  description: string | null;
  /** 1: payloads include personal data. */
  include_personal_data: number;
  /** `whsec_<base64>`: needed to sign, so stored as is (the gateway store is as sensitive as the API keys' is not). */
  secret: string;
  created_at: string;
  removed_at: string | null;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDeliveriesTable {
  /** `msg_<hex>`, derived from (event, endpoint): the `webhook-id` header. */
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: ChangeEventType;
  /** The JSON body, built once when the event was taken over; every attempt sends it. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  /** After this no further attempt is made (bounded retry time). */
  give_up_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  created_at: string;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
