/**
 * `Query.reconciliationCallbackTickets`: the ticket system's part of the reconciliation report
 * (docs/reporting.md, "Reconciliation"): the callback tickets of the given call ids, found by
 * the idempotency key the call-log outbox gives them (`callback:<call id>`,
 * subgraphs/callcenter/outbox/deliver.ts). Read from the embedded store, or over Request
 * Tracker from the local copy its sync keeps; otherwise FORBIDDEN (`SOURCE_NOT_SUPPORTED`). BAD_USER_INPUT for more than 10,000 ids.
 * `Query.ticketCopyReconciliation`: the synced copy against Request Tracker (see below).
 */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { badUserInput, switchboardError } from '../../../schema/errors.js';
import { callbackKey } from '../../shared/callback-key.js';
import { instantRange } from '../../shared/reporting/time-range.js';
import { SqlTicketStore } from '../source/embedded/sql-store.js';
import { RtTicketSource } from '../source/rt/rt-source.js';

const MAX_IDS = 10_000;
const IN_LIST = 500;

export const QueryReconciliation: Pick<QueryResolvers, 'reconciliationCallbackTickets' | 'ticketCopyReconciliation'> = {
  /**
   * The synced copies' reconciliation (docs/reporting.md, "Synced copies"): over Request
   * Tracker, the local copy against RT (`RtTicketSync.records`); none for the embedded store.
   */
  async ticketCopyReconciliation(_parent, { from, to }, { source }) {
    const range = instantRange(from, to);
    const copy = source instanceof RtTicketSource ? source.localCopy : null;
    return copy ? [await copy.runner.reconcile(range.from, range.to)] : [];
  },
  async reconciliationCallbackTickets(_parent, { callIds }, { source }) {
    if (callIds.length > MAX_IDS) throw badUserInput(`At most ${MAX_IDS} call ids.`);
    // Over Request Tracker: the local copy its sync keeps (source/rt/sync.ts), written through on create.
    const store = source instanceof SqlTicketStore ? source : source instanceof RtTicketSource ? source.localCopy?.store : undefined;
    if (!store) {
      throw switchboardError('FORBIDDEN', "Reconciliation of callback tickets reads Switchboard's embedded ticket store or a synced copy only.", { reason: 'SOURCE_NOT_SUPPORTED' });
    }
    const db = store.database.db;
    const keys = new Map([...new Set(callIds)].map((callId) => [callbackKey(callId), callId]));
    const all = [...keys.keys()];
    const tickets: { callId: string; ticketId: string; number: string }[] = [];
    for (let i = 0; i < all.length; i += IN_LIST) {
      const rows = await db.selectFrom('tickets').select(['id', 'number', 'idempotency_key']).where('idempotency_key', 'in', all.slice(i, i + IN_LIST)).orderBy('id').execute();
      for (const row of rows) tickets.push({ callId: keys.get(row.idempotency_key!)!, ticketId: row.id, number: String(row.number) });
    }
    return tickets;
  },
};
