import type { CallResolvers } from '../__generated__/resolvers-types.js';

export const Call: CallResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.call.load(reference.id),
  queue: (call, _args, { loaders }) => (call.queueId === null ? null : loaders.queue.load(call.queueId)),
  agent: (call, _args, { loaders }) => (call.agentId === null ? null : loaders.agent.load(call.agentId)),
  parentCall: (call, _args, { loaders }) => (call.parentCallId === null ? null : loaders.call.load(call.parentCallId)),
  recording: (call) =>
    call.recordingRef === null ? null : { ref: call.recordingRef, durationSeconds: call.recordingSeconds ?? 0 },
  // Resolved by the CRM (the key is not resolvable here): who owns the customer-side number.
  caller: (call) => (call.customerNumber === null ? null : { phone: call.customerNumber }),
};
