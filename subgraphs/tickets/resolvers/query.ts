import { notFound } from '../../../schema/errors.js';
import { pageArgs } from '../../shared/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { ASSIGNED_TICKETS_CURSOR } from '../source/port.js';

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
  assignedTickets(_parent, { assigneeId, status, first, after }, { source }) {
    return source.ticketsByAssignee(assigneeId, status ?? null, pageArgs(ASSIGNED_TICKETS_CURSOR, first, after, 20));
  },
};
