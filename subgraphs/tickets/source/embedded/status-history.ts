/**
 * Ticket status history (docs/reporting.md, "Ticket definitions", backlog): one row per
 * status a ticket entered, written in the transaction of the change (creation, status
 * change, seed). Each row carries `backlog_delta`, how the move changed the backlog: +1 when
 * the ticket became open (created, reopened), -1 when it left the open statuses (solved or
 * closed from an open status), 0 otherwise. The backlog at an instant T is then the sum of
 * the deltas of the rows before T: one index range, no window over a ticket's rows.
 *
 * Open statuses (backlog): NEW, OPEN, PENDING, HOLD. Not open: SOLVED, CLOSED.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { StatusHistoryDatabase, TicketStatusHistoryTable, TicketsDatabase } from './tables.js';
import type { TicketRecord, TicketStatus } from '../records.js';

/** Whether a ticket in `status` counts in the backlog (NEW, OPEN, PENDING, HOLD). */
export function isOpenStatus(status: string | null): boolean {
  return status !== null && status !== 'SOLVED' && status !== 'CLOSED';
}

/** The backlog change of a move `previous → status` (`previous` null: the creation). */
export function backlogDelta(previous: string | null, status: string): number {
  return (isOpenStatus(status) ? 1 : 0) - (isOpenStatus(previous) ? 1 : 0);
}

/**
 * The history a ticket's row implies when no history was recorded (tickets stored before
 * the history existed, seed tickets): NEW at `createdAt`; SOLVED at `solvedAt` when it has
 * one; then its current status at `updatedAt` (not before the previous entry) when that is
 * neither NEW nor the SOLVED just listed. Exact for tickets that never reopened.
 */
export function impliedHistory(ticket: Pick<TicketRecord, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'solvedAt'>): TicketStatusHistoryTable[] {
  const rows: TicketStatusHistoryTable[] = [];
  const push = (status: TicketStatus, at: string) => {
    const previous = rows.at(-1) ?? null;
    const when = previous !== null && at < previous.at ? previous.at : at;
    rows.push({ ticket_id: ticket.id, seq: rows.length + 1, status, previous_status: previous?.status ?? null, at: when, backlog_delta: backlogDelta(previous?.status ?? null, status) });
  };
  push('NEW', ticket.createdAt);
  if (ticket.solvedAt !== null) push('SOLVED', ticket.solvedAt);
  if (ticket.status !== 'NEW' && !(ticket.status === 'SOLVED' && ticket.solvedAt !== null)) push(ticket.status, ticket.updatedAt);
  return rows;
}

/** Appends the row of a move to `status` at `at`, inside the caller's transaction (the next `seq` of the ticket). */
export async function appendStatus(base: Kysely<StatusHistoryDatabase> | Transaction<TicketsDatabase>, ticketId: string, previous: TicketStatus | null, status: TicketStatus, at: string): Promise<void> {
  const trx = base as unknown as Kysely<StatusHistoryDatabase>;
  await trx
    .insertInto('ticket_status_history')
    .values({
      ticket_id: ticketId,
      seq: sql<number>`(SELECT COALESCE(MAX(h.seq), 0) + 1 FROM ticket_status_history h WHERE h.ticket_id = ${ticketId})`,
      status,
      previous_status: previous,
      at,
      backlog_delta: backlogDelta(previous, status),
    })
    .execute();
}

const BACKFILL_CHUNK = 500;

/**
 * Migration 0004: the history table, its indexes, and the implied history of every ticket
 * already stored (`impliedHistory`), in chunks. Same code on SQLite and PostgreSQL.
 */
export async function createStatusHistory(base: Kysely<unknown>): Promise<void> {
  const db = base as unknown as Kysely<StatusHistoryDatabase & { tickets: { id: string; status: string; created_at: string; updated_at: string; solved_at: string | null } }>;
  await db.schema
    .createTable('ticket_status_history')
    .ifNotExists()
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('backlog_delta', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_status_history_pkey', ['ticket_id', 'seq'])
    .execute();
  // Backlog at an instant / per time bucket: a range on `at`, the deltas read from the index.
  await db.schema.createIndex('ticket_status_history_at_idx').ifNotExists().on('ticket_status_history').columns(['at', 'backlog_delta', 'ticket_id']).execute();
  let after = '';
  for (;;) {
    const tickets = await db.selectFrom('tickets').select(['id', 'status', 'created_at', 'updated_at', 'solved_at']).where('id', '>', after).orderBy('id').limit(BACKFILL_CHUNK).execute();
    if (tickets.length === 0) break;
    const rows = tickets.flatMap((t) =>
      impliedHistory({ id: t.id, status: t.status as TicketStatus, createdAt: t.created_at, updatedAt: t.updated_at, solvedAt: t.solved_at }),
    );
    await db.insertInto('ticket_status_history').values(rows).onConflict((oc) => oc.columns(['ticket_id', 'seq']).doNothing()).execute();
    after = tickets.at(-1)!.id;
  }
}

export async function dropStatusHistory(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_status_history').ifExists().execute();
}
