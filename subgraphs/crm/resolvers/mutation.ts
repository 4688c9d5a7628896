import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  addCustomerNote(_parent, { input }, { source, viewer }) {
    return source.addNote(input.customerId, input.body, viewer.subject);
  },
  async updateCustomerContact(_parent, { input }, { source, loaders }) {
    const customer = await source.updateContact(input.customerId, { phones: input.phones, emails: input.emails });
    loaders.customerById.clear(customer.id).prime(customer.id, customer);
    return customer;
  },
  // Call logging (the call center's call-log outbox): idempotent by (customerId, callId).
  logCall(_parent, { input }, { source, viewer }) {
    return source.recordCallLog({
      customerId: input.customerId,
      callId: input.callId,
      at: input.at,
      author: viewer.subject,
      durationSeconds: input.durationSeconds,
      agentId: input.agentId ?? null,
      disposition: input.disposition,
      recordingRef: input.recordingRef ?? null,
    });
  },
};
