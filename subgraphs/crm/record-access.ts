/**
 * Applies the record-level rule (`schema/record-access.ts`) to the CRM's Customer: wraps
 * every Customer field of the SDL outside `MINIMAL_CUSTOMER_FIELDS`, so a MINIMAL customer
 * resolves those fields to `null` with a `FORBIDDEN` / `RECORD_RESTRICTED` error, and adds
 * `Customer.recordAccess`. Built from the SDL, so a field added later is restricted unless
 * it is deliberately made minimal.
 */
import { Kind, parse, type GraphQLResolveInfo } from 'graphql';
import { customerRecordAccess, MINIMAL_CUSTOMER_FIELDS, recordRestricted, type RecordAccess } from '../../schema/record-access.js';
import { hasRecordRestriction } from '../../schema/viewer.js';
import { readSubgraphSdl } from '../shared/subgraph-server.js';
import type { CustomerResolvers } from './__generated__/resolvers-types.js';
import type { CrmContext } from './context.js';
import type { CustomerRecord } from './source/records.js';

type FieldResolver = (customer: CustomerRecord, args: unknown, context: CrmContext, info: GraphQLResolveInfo) => unknown;

/** The fields of `type Customer` (and its extensions) in the CRM's SDL. */
function customerFields(): string[] {
  const fields: string[] = [];
  for (const definition of parse(readSubgraphSdl('crm')).definitions) {
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Customer') {
      fields.push(...(definition.fields ?? []).map((field) => field.name.value));
    }
  }
  return fields;
}

/** Verdicts of one request (its context) by customer record: decided once per customer, not once per field. */
const verdicts = new WeakMap<CrmContext, WeakMap<CustomerRecord, Promise<RecordAccess>>>();

/** The current caller's access to `customer` (the owner lookup is batched and cached per request). */
export function recordAccessOf(customer: CustomerRecord, context: CrmContext): Promise<RecordAccess> {
  const { viewer, loaders } = context;
  if (!hasRecordRestriction(viewer)) return Promise.resolve('FULL');
  let byCustomer = verdicts.get(context);
  if (!byCustomer) verdicts.set(context, (byCustomer = new WeakMap()));
  let verdict = byCustomer.get(customer);
  if (!verdict) {
    const owner = customer.ownerId === null ? Promise.resolve(null) : loaders.ownerById.load(customer.ownerId);
    verdict = owner.then((found) => customerRecordAccess(viewer, { id: customer.id, ownerTeam: found?.team ?? null, phoneNumbers: customer.phones.map((phone) => phone.e164) }));
    byCustomer.set(customer, verdict);
  }
  return verdict;
}

function fieldResolver(resolvers: CustomerResolvers, field: string): FieldResolver {
  const own = (resolvers as Record<string, unknown>)[field];
  if (typeof own === 'function') return own as FieldResolver;
  if (own && typeof own === 'object' && typeof (own as { resolve?: unknown }).resolve === 'function') {
    return (own as { resolve: FieldResolver }).resolve;
  }
  return (customer) => (customer as unknown as Record<string, unknown>)[field];
}

export function withRecordAccess(resolvers: CustomerResolvers): CustomerResolvers {
  const wrapped: Record<string, unknown> = {
    ...resolvers,
    recordAccess: (customer: CustomerRecord, _args: unknown, context: CrmContext) => recordAccessOf(customer, context),
  };
  for (const field of customerFields()) {
    if (MINIMAL_CUSTOMER_FIELDS.has(field)) continue;
    const resolve = fieldResolver(resolvers, field);
    const coordinate = `Customer.${field}`;
    // Unrestricted callers (admins, services, …) resolve as if unwrapped: no promise per field and row.
    wrapped[field] = (customer: CustomerRecord, args: unknown, context: CrmContext, info: GraphQLResolveInfo) => {
      if (!hasRecordRestriction(context.viewer)) return resolve(customer, args, context, info);
      return recordAccessOf(customer, context).then((access) => {
        if (access === 'MINIMAL') throw recordRestricted(coordinate, customer.id);
        return resolve(customer, args, context, info);
      });
    };
  }
  return wrapped as CustomerResolvers;
}
