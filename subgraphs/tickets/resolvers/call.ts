import type { CallResolvers } from '../__generated__/resolvers-types.js';

export const Call: CallResolvers = {
  // The call center owns calls; this subgraph only adds the tickets opened from them.
  __resolveReference: (reference) => ({ __typename: 'Call', id: reference.id }),
  tickets: (call, _args, { loaders }) => loaders.ticketsByCallId.load(call.id),
};
