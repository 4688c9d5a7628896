/**
 * The CTI tables (created by `migrations.ts` here, called from the subgraph's migrations):
 * `cti_events`, every accepted event (the full history, deduplicated by id), and
 * `cti_call_locks`, one row per call, upserted at the start of each application
 * transaction so that two instances applying events of the same call take turns.
 */
import type { CallDirection } from '../source/records.js';
import type { CallCenterTables } from '../source/tables.js';
import type { CallEventType, CtiEventSource } from '../cti/event.js';

export type CtiEventsTable = {
  id: string;
  call_id: string;
  parent_call_id: string | null;
  type: CallEventType;
  at: string;
  sequence: number | null;
  from_number: string | null;
  to_number: string | null;
  direction: CallDirection | null;
  queue_id: string | null;
  agent_id: string | null;
  disconnect_reason: string | null;
  source: CtiEventSource;
  /** The vendor's item as received (JSON). */
  raw: string;
  received_at: string;
  /** When the state machine applied it; null: accepted, not applied yet. */
  applied_at: string | null;
}

export type CtiCallLocksTable = {
  call_id: string;
  locked_at: string;
}

export type CtiTables = {
  cti_events: CtiEventsTable;
  cti_call_locks: CtiCallLocksTable;
}

export type CallEventTables = CallCenterTables & CtiTables;
