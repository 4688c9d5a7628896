/**
 * The CRM's privacy resolvers: `Customer.consents` / `Customer.erasedAt` (under the
 * record-level rule), `recordConsent`, and the CRM's part of export and erasure
 * (`crmPersonalData`, `crmEraseCustomer`), merged into the resolver map in ../resolvers/index.ts.
 */
import DataLoader from 'dataloader';
import type { CustomerResolvers, MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import type { CrmContext } from '../context.js';
import { recordAccessOf } from '../record-access.js';
import { recordRestricted } from '../../../schema/record-access.js';
import { recordToGraph, validSubject } from '../../shared/privacy/personal-data.js';
import { ConsentStore, type ConsentRecord } from './consents.js';
import { crmPersonalData } from './personal-data.js';
import { embeddedDatabase } from './embedded-database.js';
import type { CustomerRecord } from '../source/records.js';

interface PrivacyLoaders {
  consents: DataLoader<string, ConsentRecord[]>;
  erasedAt: DataLoader<string, string | null>;
}

const loadersByContext = new WeakMap<CrmContext, PrivacyLoaders>();

/** Per-request loaders, so a page of customers costs one statement per field. */
function loadersOf(context: CrmContext): PrivacyLoaders {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    const store = new ConsentStore(embeddedDatabase(context.source, 'Consent'));
    loaders = { consents: new DataLoader((ids) => store.byCustomerIds(ids)), erasedAt: new DataLoader((ids) => store.erasedAt(ids)) };
    loadersByContext.set(context, loaders);
  }
  return loaders;
}

async function unlessRestricted(customer: CustomerRecord, context: CrmContext, field: string): Promise<void> {
  if ((await recordAccessOf(customer, context)) === 'MINIMAL') throw recordRestricted(`Customer.${field}`, customer.id);
}

export const CustomerPrivacy: Pick<CustomerResolvers, 'consents' | 'erasedAt'> = {
  async consents(customer, _args, context) {
    await unlessRestricted(customer, context, 'consents');
    return loadersOf(context).consents.load(customer.id);
  },
  async erasedAt(customer, _args, context) {
    await unlessRestricted(customer, context, 'erasedAt');
    return loadersOf(context).erasedAt.load(customer.id);
  },
};

export const QueryPrivacy: Pick<QueryResolvers, 'crmPersonalData'> = {
  async crmPersonalData(_parent, { customerId }, { source }) {
    const records = await crmPersonalData(source).export(validSubject(customerId, []));
    return { source: 'crm', records: records.map(recordToGraph) };
  },
};

export const MutationPrivacy: Pick<MutationResolvers, 'recordConsent' | 'crmEraseCustomer'> = {
  recordConsent(_parent, { input }, { source, viewer }) {
    return new ConsentStore(embeddedDatabase(source, 'Consent')).record(input, viewer.subject);
  },
  async crmEraseCustomer(_parent, { customerId, erasureId }, { source, loaders }) {
    const outcome = await crmPersonalData(source).erase(validSubject(customerId, [], erasureId), erasureId);
    loaders.customerById.clear(customerId);
    return { source: 'crm', ...outcome };
  },
};
