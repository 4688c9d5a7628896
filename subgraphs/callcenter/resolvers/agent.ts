import type { AgentResolvers } from '../__generated__/resolvers-types.js';

export const Agent: AgentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.agent.load(reference.id),
};
