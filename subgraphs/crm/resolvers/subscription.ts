/**
 * `Subscription.customerUpdated`: the customer as it is when each announced change is
 * delivered (read afresh), resolved by the same Customer resolvers as a query, so the
 * record-level rule applies to every update. See `shared/change-events/live.ts`.
 */
import { notFound } from '../../../schema/errors.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { CrmContext } from '../context.js';
import type { RecordChange } from '../../shared/change-events/live.js';
import type { CustomerRecord } from '../source/records.js';

export const Subscription: SubscriptionResolvers = {
  customerUpdated: {
    subscribe: (_parent, { customerId }, { live, connection }) => live.subscribe((change) => change.recordId === customerId, connection),
    resolve: async (change: RecordChange, _args: unknown, { loaders }: CrmContext): Promise<CustomerRecord> => {
      const customer = await loaders.customerById.clear(change.recordId).load(change.recordId);
      if (!customer) throw notFound('Customer', change.recordId);
      return customer;
    },
  },
};
