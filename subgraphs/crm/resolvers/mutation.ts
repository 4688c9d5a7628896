import type { MutationResolvers } from '../__generated__/resolvers-types.js';

// Each change is announced to live subscribers once it has committed (`customerUpdated`).
export const Mutation: MutationResolvers = {
  async addCustomerNote(_parent, { input }, { source, viewer, live }) {
    const note = await source.addNote(input.customerId, input.body, viewer.subject);
    live.publish(input.customerId);
    return note;
  },
  async updateCustomerContact(_parent, { input }, { source, loaders, live }) {
    const customer = await source.updateContact(input.customerId, { phones: input.phones, emails: input.emails });
    loaders.customerById.clear(customer.id).prime(customer.id, customer);
    live.publish(customer.id);
    return customer;
  },
  // A no-op (the status it already has) announces nothing: nothing changed.
  async setCustomerStatus(_parent, { input }, { source, viewer, loaders, live }) {
    const { customer, change } = await source.setStatus(input.customerId, input.status, input.reason ?? null, viewer.subject);
    loaders.customerById.clear(customer.id).prime(customer.id, customer);
    if (change) live.publish(customer.id);
    return customer;
  },
  // Call logging (the call center's call-log outbox): idempotent by (customerId, callId).
  async logCall(_parent, { input }, { source, viewer, live }) {
    const activity = await source.recordCallLog({
      customerId: input.customerId,
      callId: input.callId,
      at: input.at,
      author: viewer.subject,
      durationSeconds: input.durationSeconds,
      agentId: input.agentId ?? null,
      disposition: input.disposition,
      recordingRef: input.recordingRef ?? null,
    });
    live.publish(input.customerId);
    return activity;
  },
};
