/**
 * The gateway's webhook tables (migrations `0002_webhooks`, `0004_webhook_secret_rotation`): registered endpoints and the
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
  /** The `whsec_<base64>` signing secret, sealed with `SWITCHBOARD_WEBHOOK_KEY` (`subgraphs/shared/field-cipher.ts`). */
  secret: string;
  /** The secret before the last rotation, sealed likewise; deliveries carry its signature too until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: string | null;
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
