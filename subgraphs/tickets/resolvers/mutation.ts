import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createTicket: (_parent, { input }, { source }) => source.createTicket(input),
  changeTicketStatus: (_parent, { id, status }, { source }) => source.changeStatus(id, status),
};
