import { pageArgs } from '../../shared/pagination.js';
import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import { CUSTOMER_TICKETS_CURSOR } from '../source/port.js';

export const Customer: CustomerResolvers = {
  // The CRM owns customers; this subgraph only adds their tickets, so any id is a customer here.
  __resolveReference: (reference) => ({ __typename: 'Customer', id: reference.id }),
  tickets(customer, { status, first, after }, { loaders }) {
    const page = pageArgs(CUSTOMER_TICKETS_CURSOR, first, after);
    return loaders.customerTickets(status ?? null, page).load(customer.id);
  },
};
