/** The ticket system's part of export and erasure (`ticketsPersonalData`, `ticketsEraseCustomer`). */
import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { recordToGraph, validSubject, type PersonalData } from '../../shared/privacy/personal-data.js';
import type { TicketsSource } from '../source/port.js';
import { ticketsPersonalData } from './personal-data.js';
import { switchboardError } from '../../../schema/errors.js';
import { SqlTicketStore } from '../source/embedded/sql-store.js';

const adapters = new WeakMap<TicketsSource, PersonalData>();

function personalDataOf(source: TicketsSource): PersonalData {
  let adapter = adapters.get(source);
  if (!adapter) {
    // Over a connector (RT) the ticket system keeps its own records: Switchboard erases nothing there.
    if (!(source instanceof SqlTicketStore)) {
      throw switchboardError('FORBIDDEN', "Personal data export and erasure of tickets are done by Switchboard's embedded ticket store only; this tickets subgraph reads a connected ticket system, which keeps its own records.", {
        reason: 'SOURCE_NOT_SUPPORTED',
      });
    }
    adapter = ticketsPersonalData(source.database.db);
    adapters.set(source, adapter);
  }
  return adapter;
}

export const QueryPrivacy: Pick<QueryResolvers, 'ticketsPersonalData'> = {
  async ticketsPersonalData(_parent, { customerId }, { source }) {
    const records = await personalDataOf(source).export(validSubject(customerId, []));
    return { source: 'tickets', records: records.map(recordToGraph) };
  },
};

export const MutationPrivacy: Pick<MutationResolvers, 'ticketsEraseCustomer'> = {
  async ticketsEraseCustomer(_parent, { customerId, erasureId }, { source }) {
    return { source: 'tickets', ...(await personalDataOf(source).erase(validSubject(customerId, [], erasureId), erasureId)) };
  },
};
