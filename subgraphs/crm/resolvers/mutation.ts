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
};
