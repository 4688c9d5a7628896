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

/** The current caller's access to `customer` (the owner lookup is batched and cached per request). */
export async function recordAccessOf(customer: CustomerRecord, { viewer, loaders }: CrmContext): Promise<RecordAccess> {
  if (!hasRecordRestriction(viewer)) return 'FULL';
  const owner = customer.ownerId === null ? null : await loaders.ownerById.load(customer.ownerId);
  return customerRecordAccess(viewer, { id: customer.id, ownerTeam: owner?.team ?? null, phoneNumbers: customer.phones.map((phone) => phone.e164) });
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
    wrapped[field] = async (customer: CustomerRecord, args: unknown, context: CrmContext, info: GraphQLResolveInfo) => {
      if ((await recordAccessOf(customer, context)) === 'MINIMAL') throw recordRestricted(coordinate, customer.id);
      return resolve(customer, args, context, info);
    };
  }
  return wrapped as CustomerResolvers;
}
