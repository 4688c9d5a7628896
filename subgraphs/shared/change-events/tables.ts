/**
 * The change-event outbox table, one per store that announces changes (CRM, tickets):
 * one row per change, inserted in the same transaction as the change (`record.ts`), so a
 * change without its event or an event without its change never commits. The gateway's
 * webhook dispatcher claims PENDING rows (`shared/outbox/lease.ts`), copies them into its
 * delivery log and acknowledges them (DONE); DONE rows are purged after a retention time.
 */
import type { ChangeEventType } from './registry.js';

export interface ChangeEventsTable {
  /** `evt_<uuid>`: also the event's id on the wire. */
  id: string;
  type: ChangeEventType;
  /** The id of the record the event is about (customer, ticket). */
  subject_id: string;
  /** JSON: ids and states only, sent to every endpoint. */
  data: string;
  /** JSON: personal data (contact data, free text), sent only to endpoints that opt in; cleared on acknowledgement. */
  personal: string | null;
  /** When the change was made (ISO-8601). */
  occurred_at: string;
  status: 'PENDING' | 'DONE';
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  done_at: string | null;
}

export type ChangeEventTables = { change_events: ChangeEventsTable };
