/** The call center's part of export and erasure (`callCenterPersonalData`, `callCenterEraseCustomer`). */
import type { Kysely } from 'kysely';
import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { recordToGraph, validSubject, type PersonalData } from '../../shared/privacy/personal-data.js';
import type { CallCenterSource } from '../source/port.js';
import { SqlCallCenterStore } from '../source/sql-store.js';
import { callCenterPersonalData } from './personal-data.js';
import type { CallCenterPrivacyTables } from './tables.js';

const adapters = new WeakMap<CallCenterSource, PersonalData>();

/** The `PersonalData` of the store a request runs on (one per store, made once). */
export function personalDataOf(source: CallCenterSource): PersonalData {
  let adapter = adapters.get(source);
  if (!adapter) {
    if (!(source instanceof SqlCallCenterStore)) throw new Error('Call-center personal data needs the SQL store (source/sql-store.ts).');
    adapter = callCenterPersonalData(source.database.db as unknown as Kysely<CallCenterPrivacyTables>);
    adapters.set(source, adapter);
  }
  return adapter;
}

export const QueryPrivacy: Pick<QueryResolvers, 'callCenterPersonalData'> = {
  async callCenterPersonalData(_parent, { customerId, phones }, { source }) {
    const records = await personalDataOf(source).export(validSubject(customerId, phones));
    return { source: 'callcenter', records: records.map(recordToGraph) };
  },
};

export const MutationPrivacy: Pick<MutationResolvers, 'callCenterEraseCustomer'> = {
  async callCenterEraseCustomer(_parent, { customerId, phones, erasureId }, { source }) {
    return { source: 'callcenter', ...(await personalDataOf(source).erase(validSubject(customerId, phones, erasureId), erasureId)) };
  },
};
