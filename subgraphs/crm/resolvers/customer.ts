import { switchboardError } from '../../../schema/errors.js';
import { pageArgs } from '../../shared/pagination.js';
import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import { withRecordAccess } from '../record-access.js';
import { CursorKind } from '../source/port.js';
import { loggerFor } from '../../shared/observability/logger.js';
import { CustomerEngagement, withStamps } from './customer-engagement.js';

const log = loggerFor('crm');

// The record-level rule wraps these (and the default-resolved fields): see ../record-access.ts.

export const Customer: CustomerResolvers = withRecordAccess({
  // An unknown id resolves to null, without an error. Stamps for `interactions` (@requires) ride along.
  async __resolveReference(reference, { loaders }) {
    return withStamps(await loaders.customerById.load(reference.id), reference);
  },
  // Decrypted by the store; the field rules mask it for callers without `pii:read`.
  nationalId(customer) {
    if (customer.nationalIdUnreadable !== undefined) {
      log.error(`crm: ${customer.nationalIdUnreadable}`);
      throw switchboardError('INTERNAL_SERVER_ERROR', `The national ID of customer ${customer.id} cannot be decrypted (unknown key or altered data); see the CRM log.`, {
        reason: 'PII_UNREADABLE',
      });
    }
    return customer.nationalId;
  },
  lifetimeValue(customer, _args, { loaders }) {
    return loaders.lifetimeValueByCustomer.load(customer.id);
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
  statusHistory(customer, { first, after }, { loaders }) {
    return loaders.statusChangesByCustomer.load({ customerId: customer.id, page: pageArgs(CursorKind.statusChanges, first, after, 10) });
  },
  ...CustomerEngagement,
});
