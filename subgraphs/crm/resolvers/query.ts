import { notFound } from '../../../schema/errors.js';
import { pageArgs } from '../../shared/pagination.js';
import { requirePhoneNumber } from '../../shared/phone.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { CursorKind } from '../source/port.js';
import { identification } from './caller-identification.js';

export const Query: QueryResolvers = {
  async customer(_parent, { id }, { loaders }) {
    const customer = await loaders.customerById.load(id);
    if (!customer) throw notFound('Customer', id);
    return customer;
  },
  customers(_parent, { search, tier, first, after }, { source }) {
    return source.searchCustomers({ search, tier }, pageArgs(CursorKind.customers, first, after, 20));
  },
  async identifyCaller(_parent, { phone }, { loaders }) {
    // Matched on the main number: an extension in `phone` is read and left out.
    const { e164 } = requirePhoneNumber(phone, 'phone');
    return identification(e164, await loaders.customersByPhone.load(e164));
  },
};
