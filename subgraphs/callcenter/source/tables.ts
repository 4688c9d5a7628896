/**
 * The call center's tables as Kysely sees them. States, dispositions and presences are
 * TEXT (the enum names), timestamps ISO-8601 TEXT, so one query works on SQLite and
 * PostgreSQL and ISO strings sort in time order.
 */
import type { AgentPresence, CallDirection, CallDisposition, CallState } from './records.js';

export interface AgentsTable {
  id: string;
  name: string;
  team: string;
  presence: AgentPresence;
}

export interface QueuesTable {
  id: string;
  name: string;
}

export interface CallsTable {
  id: string;
  direction: CallDirection;
  from_number: string | null;
  to_number: string;
  customer_number: string | null;
  state: CallState;
  queue_id: string | null;
  agent_id: string | null;
  parent_call_id: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  wait_seconds: number;
  talk_seconds: number;
  hold_seconds: number;
  wrap_up_seconds: number;
  disposition: CallDisposition | null;
  recording_ref: string | null;
  recording_seconds: number | null;
}

export interface CallCenterTables {
  agents: AgentsTable;
  queues: QueuesTable;
  calls: CallsTable;
}

/** Every column of `calls`, in one place for the query builder and raw SQL alike. */
export const CALL_COLUMNS = [
  'id',
  'direction',
  'from_number',
  'to_number',
  'customer_number',
  'state',
  'queue_id',
  'agent_id',
  'parent_call_id',
  'started_at',
  'answered_at',
  'ended_at',
  'wait_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_up_seconds',
  'disposition',
  'recording_ref',
  'recording_seconds',
] as const satisfies readonly (keyof CallsTable)[];
