import { notFound } from '../../../schema/errors.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  async call(_parent, { id }, { loaders }) {
    const call = await loaders.call.load(id);
    if (!call) throw notFound('Call', id);
    return call;
  },
  async agent(_parent, { id }, { loaders }) {
    const agent = await loaders.agent.load(id);
    if (!agent) throw notFound('Agent', id);
    return agent;
  },
  agents: (_parent, { team }, { source }) => source.listAgents(team ?? undefined),
  queues: (_parent, _args, { source }) => source.listQueues(),
};
