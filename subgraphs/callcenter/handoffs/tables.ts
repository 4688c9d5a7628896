/** The hand-off table (created by `migrations.ts`): one row per bot request for a human. */
import type { CallCenterTables } from '../source/tables.js';
import type { OutboxTables } from '../outbox/tables.js';

export type HandoffsTable = {
  id: string;
  idempotency_key: string;
  /** SHA-256 of the request's input: the same key with other input is a conflict. */
  request_hash: string;
  status: string;
  queue_id: string | null;
  skill: string | null;
  reason: string;
  rtc_provider: string | null;
  rtc_channel: string | null;
  offered_to: string | null;
  accepted_by: string | null;
  /** When it was accepted (null before, and for hand-offs accepted before the column existed). */
  accepted_at: string | null;
  /** JSON array of agent ids. */
  declined_by: string;
  requested_by: string;
  customer_id: string | null;
  conversation_id: string;
  intent: string | null;
  created_at: string;
  expires_at: string;
  fallback_ticket_key: string | null;
};

/** The tables this module adds (and writes: the outbox's, for the fallback ticket). */
export type HandoffOwnTables = OutboxTables & { handoffs: HandoffsTable };
export type HandoffTables = CallCenterTables & HandoffOwnTables;
