/**
 * Per-request DataLoaders: every entity and nested list the CRM resolves goes through one
 * of these, so a request touching 50 customers runs the same statements as one touching 5.
 * Keys that carry page arguments batch all parents asking with the same arguments together.
 */
import DataLoader from 'dataloader';
import type { Page, PageArgs } from '../shared/pagination.js';
import type { CrmSource } from './source/port.js';
import type { AccountOwnerRecord, ActivityRecord, ActivityType, CustomerRecord, CustomerStatusChangeRecord, OrderRecord } from './source/records.js';

/** Big enough that one request is one batch, small enough to stay under parameter limits. */
const MAX_BATCH = 1000;

export interface PageKey {
  customerId: string;
  page: PageArgs;
}

export interface ActivityPageKey extends PageKey {
  /** Null: all types. */
  types: ActivityType[] | null;
}

export interface CrmLoaders {
  customerById: DataLoader<string, CustomerRecord | null>;
  /** By E.164 number: every customer having it. */
  customersByPhone: DataLoader<string, CustomerRecord[]>;
  ownerById: DataLoader<string, AccountOwnerRecord | null>;
  /** `Customer.lifetimeValue` by customer id: one statement for all customers of a request. */
  lifetimeValueByCustomer: DataLoader<string, string>;
  ordersByCustomer: DataLoader<PageKey, Page<OrderRecord>, string>;
  activitiesByCustomer: DataLoader<ActivityPageKey, Page<ActivityRecord>, string>;
  /** `Customer.statusHistory`: one statement for every customer asking with the same page arguments. */
  statusChangesByCustomer: DataLoader<PageKey, Page<CustomerStatusChangeRecord>, string>;
}

export const pageSignature = (page: PageArgs) => JSON.stringify([page.first, page.after?.key ?? null, page.after?.id ?? null]);

/** Runs `load` once per distinct argument signature, for all keys sharing it. */
export async function groupedBy<K extends PageKey, V>(keys: readonly K[], signature: (key: K) => string, load: (ids: string[], first: K) => Promise<V[]>): Promise<V[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const sig = signature(key);
    const list = groups.get(sig) ?? [];
    list.push(index);
    groups.set(sig, list);
  });
  const results = new Array<V>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const first = keys[indexes[0]!]!;
      const values = await load(
        indexes.map((i) => keys[i]!.customerId),
        first,
      );
      indexes.forEach((keyIndex, i) => {
        results[keyIndex] = values[i]!;
      });
    }),
  );
  return results;
}

export function createLoaders(source: CrmSource): CrmLoaders {
  const customerById = new DataLoader<string, CustomerRecord | null>((ids) => source.customersByIds(ids), { maxBatchSize: MAX_BATCH });
  const customersByPhone = new DataLoader<string, CustomerRecord[]>(
    async (numbers) => {
      const lists = await source.customersByPhoneNumbers(numbers);
      // Candidates are complete customer records: later references to them need no query.
      for (const customer of lists.flat()) customerById.prime(customer.id, customer);
      return lists;
    },
    { maxBatchSize: MAX_BATCH },
  );
  const activitySignature = (key: ActivityPageKey) => JSON.stringify([key.types, pageSignature(key.page)]);
  return {
    customerById,
    customersByPhone,
    ownerById: new DataLoader((ids) => source.ownersByIds(ids), { maxBatchSize: MAX_BATCH }),
    lifetimeValueByCustomer: new DataLoader((ids) => source.lifetimeValuesByCustomerIds(ids), { maxBatchSize: MAX_BATCH }),
    ordersByCustomer: new DataLoader(
      (keys) => groupedBy(keys, (key) => pageSignature(key.page), (ids, key) => source.ordersByCustomerIds(ids, key.page)),
      { maxBatchSize: MAX_BATCH, cacheKeyFn: (key) => `${key.customerId}|${pageSignature(key.page)}` },
    ),
    activitiesByCustomer: new DataLoader(
      (keys) => groupedBy(keys, activitySignature, (ids, key) => source.activitiesByCustomerIds(ids, key.types, key.page)),
      { maxBatchSize: MAX_BATCH, cacheKeyFn: (key) => `${key.customerId}|${activitySignature(key)}` },
    ),
    statusChangesByCustomer: new DataLoader(
      (keys) => groupedBy(keys, (key) => pageSignature(key.page), (ids, key) => source.statusChangesByCustomerIds(ids, key.page)),
      { maxBatchSize: MAX_BATCH, cacheKeyFn: (key) => `${key.customerId}|${pageSignature(key.page)}` },
    ),
  };
}
