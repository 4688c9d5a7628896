import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { checkAssignment } from '../assignment.js';

// Each change is announced to live subscribers once it has committed (`ticketUpdated`).
export const Mutation: MutationResolvers = {
  // Who may assign whom is checked first: a refused assignment writes nothing.
  async createTicket(_parent, { input }, { source, viewer, live }) {
    await checkAssignment(viewer, input.assigneeId, source);
    const ticket = await source.createTicket(input, viewer.subject);
    live.publish(ticket.id, { requesterId: ticket.requesterId });
    return ticket;
  },
  async classifyTicket(_parent, { id, category, tags }, { source, live }) {
    const ticket = await source.classifyTicket(id, category ?? null, tags ?? []);
    live.publish(ticket.id, { requesterId: ticket.requesterId });
    return ticket;
  },
  async changeTicketStatus(_parent, { id, status }, { source, live }) {
    const ticket = await source.changeStatus(id, status);
    live.publish(ticket.id, { requesterId: ticket.requesterId });
    return ticket;
  },
};
