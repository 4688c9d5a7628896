import { recordRestricted, representationRecordAccess } from '../../../schema/record-access.js';
import { hasScope } from '../../../schema/viewer.js';
import { pageArgs } from '../../shared/pagination.js';
import type { CustomerResolvers, ResolversTypes } from '../__generated__/resolvers-types.js';
import { CUSTOMER_TICKETS_CURSOR } from '../source/port.js';

/**
 * A Customer this subgraph points at (`Ticket.requester`): only the key. The generated type
 * also lists the external `recordAccess`, which is never read from such a reference: the
 * gateway fetches it from the CRM for `Customer.tickets` (@requires), and without it the
 * record-level rule fails closed.
 */
export function customerReference(id: string): ResolversTypes['Customer'] {
  return { __typename: 'Customer', id } as ResolversTypes['Customer'];
}

/** How many of a customer's most recent tickets the timeline merges (the CRM's `MAX_INTERACTION_STAMPS`). */
const INTERACTION_STAMPS = 1000;

export const Customer: CustomerResolvers = {
  // The CRM owns customers; this subgraph only adds their tickets, so any id is a customer here.
  // The representation is kept whole: `tickets` reads its `recordAccess` (the CRM's record-level verdict, @requires).
  __resolveReference: (reference) => reference,
  tickets(customer, { status, first, after }, { loaders, viewer }) {
    if (representationRecordAccess(viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.tickets', customer.id);
    const page = pageArgs(CUSTOMER_TICKETS_CURSOR, first, after);
    return loaders.customerTickets(status ?? null, page).load(customer.id);
  },
  // Keys and creation times for the CRM's merged timeline (`Customer.interactions`); none without `tickets:read`.
  async ticketStamps(customer, _args, { loaders, viewer }) {
    if (representationRecordAccess(viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.ticketStamps', customer.id);
    if (!hasScope(viewer, 'tickets:read')) return [];
    const page = await loaders.customerTickets(null, { first: INTERACTION_STAMPS, after: null }).load(customer.id);
    return page.nodes.map((ticket) => ({ id: ticket.id, at: ticket.createdAt }));
  },
};
