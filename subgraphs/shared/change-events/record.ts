/**
 * Writes a change event inside the transaction that makes the change: the caller passes its
 * open transaction, so both commit or neither does (a crash before the commit leaves
 * neither, after it both). Never call it outside that transaction.
 */
import { timeOrderedId } from '../time-ordered-id.js';
import type { Kysely, Transaction } from 'kysely';
import type { ChangeEventType } from './registry.js';
import type { ChangeEventTables } from './tables.js';

export interface ChangeEventInput {
  type: ChangeEventType;
  /** The record the event is about (customer id, ticket id). */
  subjectId: string;
  /** Ids and states only: what every endpoint receives. */
  data: Record<string, unknown>;
  /** Personal data, only for endpoints that opt in (`includePersonalData`). */
  personal?: Record<string, unknown> | null;
  /** ISO-8601; the change's own time. */
  occurredAt: string;
}

/** Inserts the events in `trx`; returns their ids. */
export async function recordChangeEvents<DB>(trx: Transaction<DB> | Kysely<DB>, events: readonly ChangeEventInput[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: timeOrderedId('evt'),
    type: event.type,
    subject_id: event.subjectId,
    data: JSON.stringify(event.data),
    personal: event.personal ? JSON.stringify(event.personal) : null,
    occurred_at: event.occurredAt,
    status: 'PENDING' as const,
    next_attempt_at: event.occurredAt,
    lease_until: null,
    lease_owner: null,
    done_at: null,
  }));
  await (trx as unknown as Kysely<ChangeEventTables>).insertInto('change_events').values(rows).execute();
  return rows.map((row) => row.id);
}
