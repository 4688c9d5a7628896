import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { checkAssignment } from '../assignment.js';

export const Mutation: MutationResolvers = {
  // Who may assign whom is checked first: a refused assignment writes nothing.
  async createTicket(_parent, { input }, { source, viewer }) {
    await checkAssignment(viewer, input.assigneeId, source);
    return source.createTicket(input, viewer.subject);
  },
  changeTicketStatus: (_parent, { id, status }, { source }) => source.changeStatus(id, status),
};
