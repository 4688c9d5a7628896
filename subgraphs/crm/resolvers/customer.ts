import { pageArgs } from '../../shared/pagination.js';
import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import { CursorKind } from '../source/port.js';

export const Customer: CustomerResolvers = {
  // An unknown id resolves to null, without an error.
  __resolveReference({ id }, { loaders }) {
    return loaders.customerById.load(id);
  },
  owner(customer, _args, { loaders }) {
    return customer.ownerId === null ? null : loaders.ownerById.load(customer.ownerId);
  },
  orders(customer, { first, after }, { loaders }) {
    return loaders.ordersByCustomer.load({ customerId: customer.id, page: pageArgs(CursorKind.orders, first, after, 10) });
  },
  activities(customer, { types, first, after }, { loaders }) {
    // No types or an empty list: the whole timeline. Sorted so equal filters batch together.
    const filter = types && types.length > 0 ? [...new Set(types)].sort() : null;
    return loaders.activitiesByCustomer.load({
      customerId: customer.id,
      types: filter,
      page: pageArgs(CursorKind.activities, first, after, 20),
    });
  },
};
