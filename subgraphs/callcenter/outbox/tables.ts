/**
 * The call-log outbox table (created by `migrations.ts`, called from the subgraph's
 * migrations): one row per delivery to make through the graph, unique per (kind, call).
 * A row is PENDING until the dispatcher is done with it (DONE), or the graph refused it
 * for good (FAILED). `lease_until`/`lease_owner` mark a row a dispatcher is working on.
 */
import type { CallCenterTables } from '../source/tables.js';

/**
 * CALL_LOG: the call on the customer's CRM timeline; CALLBACK_TICKET: a ticket to call the
 * customer back; HANDOFF_TICKET: a bot hand-off nobody accepted in time, as a ticket
 * (`call_id` is then the hand-off id, see subgraphs/callcenter/handoffs/).
 */
export type OutboxKind = 'CALL_LOG' | 'CALLBACK_TICKET' | 'HANDOFF_TICKET';
export type OutboxRowStatus = 'PENDING' | 'DONE' | 'FAILED';
/**
 * LOGGED / TICKET_CREATED: written (or found already written); NO_CUSTOMER: no customer
 * has the number; AMBIGUOUS: several customers have it (none is picked); NO_CONSENT: the
 * customer withdrew consent to service contact, so no callback ticket (docs/privacy.md); REJECTED: the
 * graph refused the input for good (status FAILED).
 */
export type OutboxOutcome = 'LOGGED' | 'TICKET_CREATED' | 'NO_CUSTOMER' | 'AMBIGUOUS' | 'REJECTED' | 'NO_CONSENT';

export type CallLogOutboxTable = {
  /** `<kind>:<call id>`. */
  id: string;
  kind: OutboxKind;
  call_id: string;
  /** The call as it was when it was queued (JSON `OutboxPayload`). */
  payload: string;
  created_at: string;
  status: OutboxRowStatus;
  /** Failed attempts so far. */
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  last_error: string | null;
  last_attempt_at: string | null;
  outcome: OutboxOutcome | null;
  customer_id: string | null;
  /** The activity id or the ticket number written. */
  result_ref: string | null;
  done_at: string | null;
};

export type OutboxTables = { call_log_outbox: CallLogOutboxTable };

export type CallLogOutboxTables = CallCenterTables & OutboxTables;
