import type { QueueResolvers } from '../__generated__/resolvers-types.js';

export const Queue: QueueResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.queue.load(reference.id),
};
