/**
 * `Subscription.ticketUpdated`: the ticket as it is when each announced change is delivered
 * (read afresh, not from the subscription's loader cache). See `shared/change-events/live.ts`.
 */
import { notFound } from '../../../schema/errors.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { TicketsContext } from '../context.js';
import type { RecordChange } from '../../shared/change-events/live.js';
import type { TicketRecord } from '../source/records.js';

export const Subscription: SubscriptionResolvers = {
  ticketUpdated: {
    subscribe: (_parent, { ticketId, requesterId }, { live, connection }) =>
      live.subscribe((change) => (!ticketId || change.recordId === ticketId) && (!requesterId || change.keys.requesterId === requesterId), connection),
    resolve: async (change: RecordChange, _args: unknown, { loaders }: TicketsContext): Promise<TicketRecord> => {
      const ticket = await loaders.ticketById.clear(change.recordId).load(change.recordId);
      if (!ticket) throw notFound('Ticket', change.recordId);
      return ticket;
    },
  },
};
