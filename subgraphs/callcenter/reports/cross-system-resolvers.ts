/**
 * The call center's cross-system fields (schema/callcenter.graphql, "Contact reasons and
 * journeys"): `setCallWrapUpCode`, `Call.wrapUpCode`, and the report parts
 * `callReasonsByTier` and `callJourneys` the gateway combines with the other systems'.
 */
import type { Kysely } from 'kysely';
import DataLoader from 'dataloader';
import type { CallResolvers, MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { notFound } from '../../../schema/errors.js';
import type { CallCenterContext } from '../context.js';
import type { CallCenterSource } from '../source/port.js';
import { SqlCallCenterStore } from '../source/sql-store.js';
import type { CallRecord } from '../source/records.js';
import { parseCustomerWindows, type CustomerWindowArgument } from '../../shared/reporting/customer-windows.js';
import { parseTimeRange } from '../../shared/reporting/time-range.js';
import { callJourneys, callReasonsByTier, contactOf, setWrapUpCode, wrapUpCodes, type WrapUpCodeTables } from './wrap-up-codes.js';

function dbOf(source: CallCenterSource): Kysely<WrapUpCodeTables> {
  if (!(source instanceof SqlCallCenterStore)) throw new Error('Wrap-up codes need the SQL store (source/sql-store.ts).');
  return source.database.db as unknown as Kysely<WrapUpCodeTables>;
}

/** One wrap-up code loader per request. */
const codeLoaders = new WeakMap<object, DataLoader<string, string | null>>();
function codeLoader(context: CallCenterContext): DataLoader<string, string | null> {
  let loader = codeLoaders.get(context);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => wrapUpCodes(dbOf(context.source), ids));
    codeLoaders.set(context, loader);
  }
  return loader;
}

const loadCall = (context: CallCenterContext) => (id: string) => context.loaders.call.load(id) as Promise<CallRecord | null>;

export const crossSystemQueries: Pick<QueryResolvers, 'callReasonsByTier' | 'callJourneys'> = {
  callReasonsByTier: (_parent, { range }, { source }) => callReasonsByTier(dbOf(source), parseTimeRange(range)),
  callJourneys: (_parent, { windows }, { source }) => callJourneys(dbOf(source), parseCustomerWindows(windows as CustomerWindowArgument[])),
};

export const crossSystemMutations: Pick<MutationResolvers, 'setCallWrapUpCode'> = {
  async setCallWrapUpCode(_parent, { callId, code }, context) {
    const call = await loadCall(context)(callId);
    if (call === null) throw notFound('Call', callId);
    const contact = await contactOf(call, loadCall(context));
    await setWrapUpCode(dbOf(context.source), context.viewer, call, contact, code ?? null);
    codeLoader(context).clear(contact.id);
    return call;
  },
};

export const callWrapUpCode: Pick<CallResolvers, 'wrapUpCode'> = {
  async wrapUpCode(call, _args, context) {
    const contact = await contactOf(call as CallRecord, loadCall(context));
    return codeLoader(context).load(contact.id);
  },
};
