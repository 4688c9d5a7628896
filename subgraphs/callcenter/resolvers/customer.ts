/**
 * The call center's part of a Customer (owned by the CRM): its calls, found by the
 * customer's phone numbers, which the gateway sends in the representation (@requires).
 */
import { recordRestricted, representationRecordAccess } from '../../../schema/record-access.js';
import { hasScope } from '../../../schema/viewer.js';
import { pageArgs } from '../../shared/pagination.js';
import { toE164 } from '../../shared/phone.js';
import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import type { NumberSet } from '../loaders.js';
import { CUSTOMER_CALLS_CURSOR } from '../source/port.js';

/** The customer's numbers from the representation, normalised, deduplicated and sorted. */
function numbersOf(customer: object): NumberSet {
  // Typed as a union that includes "no phones"; a representation without them has no calls.
  const phones = (customer as { phones?: unknown }).phones;
  const numbers = new Set<string>();
  for (const phone of Array.isArray(phones) ? phones : []) {
    const raw: unknown = (phone as { e164?: unknown } | null)?.e164;
    const e164 = typeof raw === 'string' ? toE164(raw) : null;
    if (e164) numbers.add(e164);
  }
  return [...numbers].sort();
}

/** How many of a customer's most recent calls the timeline merges (the CRM's `MAX_INTERACTION_STAMPS`). */
const INTERACTION_STAMPS = 1000;

export const Customer: CustomerResolvers = {
  // The representation carries everything needed here: `id` and, via @requires, `phones`
  // and `recordAccess` (the CRM's record-level verdict for the caller).
  __resolveReference: (reference) => reference,
  calls(customer, { first, after }, { loaders, viewer }) {
    if (representationRecordAccess(viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.calls', customer.id);
    const page = pageArgs(CUSTOMER_CALLS_CURSOR, first, after);
    return loaders.customerCalls(page).load(numbersOf(customer));
  },
  // Keys and start times for the CRM's merged timeline (`Customer.interactions`); none without `calls:read`.
  async callStamps(customer, _args, { loaders, viewer }) {
    if (representationRecordAccess(viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.callStamps', customer.id);
    if (!hasScope(viewer, 'calls:read')) return [];
    const page = await loaders.customerCalls({ first: INTERACTION_STAMPS, after: null }).load(numbersOf(customer));
    return page.nodes.map((call) => ({ id: call.id, at: call.startedAt }));
  },
  lastCall(customer, _args, { loaders, viewer }) {
    if (representationRecordAccess(viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.lastCall', customer.id);
    return loaders.lastCall.load(numbersOf(customer));
  },
};
