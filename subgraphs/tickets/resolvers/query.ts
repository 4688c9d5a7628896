import { notFound } from '../../../schema/errors.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  async ticket(_parent, { id }, { loaders }) {
    const ticket = await loaders.ticketById.load(id);
    if (!ticket) throw notFound('Ticket', id);
    return ticket;
  },
  async ticketByNumber(_parent, { number }, { loaders }) {
    const ticket = await loaders.ticketByNumber.load(number);
    if (!ticket) throw notFound('Ticket', number);
    return ticket;
  },
};
