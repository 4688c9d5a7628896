/**
 * The ticket system's `PersonalData` (subgraphs/shared/privacy/personal-data.ts): the tickets
 * the customer requested and their comments. Erasure, in one transaction, turns every free
 * text that may hold personal data (subject, description, comment bodies, the stored input of
 * an idempotent create) into `[erased]`; status, priority, channel, assignee, times and SLA
 * stay, so ticket reports count as before.
 */
import type { Kysely } from 'kysely';
import { ERASED_TEXT, type PersonalData, type PersonalDataRecord } from '../../shared/privacy/personal-data.js';
import type { TicketsDatabase } from '../source/embedded/tables.js';

type Row = Record<string, unknown>;

function rowData(row: Row): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) data[column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())] = value;
  return data;
}

export function ticketsPersonalData(db: Kysely<TicketsDatabase>): PersonalData {
  const ticketIds = async (trx: Kysely<TicketsDatabase>, customerId: string) =>
    (await trx.selectFrom('tickets').select('id').where('requester_id', '=', customerId).execute()).map((row) => row.id);

  return {
    async export({ customerId }) {
      const tickets = await db.selectFrom('tickets').selectAll().where('requester_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
      const records: PersonalDataRecord[] = tickets.map((ticket) => ({ kind: 'tickets.ticket', id: ticket.id, data: rowData(ticket) }));
      const ids = tickets.map((ticket) => ticket.id);
      for (let i = 0; i < ids.length; i += 500) {
        const comments = await db.selectFrom('ticket_comments').selectAll().where('ticket_id', 'in', ids.slice(i, i + 500)).orderBy('created_at').orderBy('id').execute();
        for (const comment of comments) records.push({ kind: 'tickets.comment', id: comment.id, data: rowData(comment) });
      }
      return records;
    },

    async erase({ customerId }) {
      return db.transaction().execute(async (trx) => {
        let erased = 0;
        const tickets = await trx
          .updateTable('tickets')
          .set({ subject: ERASED_TEXT, description: ERASED_TEXT, idempotency_input: null })
          .where('requester_id', '=', customerId)
          .where((eb) => eb.or([eb('subject', '!=', ERASED_TEXT), eb('description', '!=', ERASED_TEXT), eb('idempotency_input', 'is not', null)]))
          .executeTakeFirst();
        erased += Number(tickets.numUpdatedRows);
        const ids = await ticketIds(trx, customerId);
        for (let i = 0; i < ids.length; i += 500) {
          const comments = await trx
            .updateTable('ticket_comments')
            .set({ body: ERASED_TEXT })
            .where('ticket_id', 'in', ids.slice(i, i + 500))
            .where('body', '!=', ERASED_TEXT)
            .executeTakeFirst();
          erased += Number(comments.numUpdatedRows);
        }
        return { erased, recordingsFlagged: 0 };
      });
    },
  };
}
