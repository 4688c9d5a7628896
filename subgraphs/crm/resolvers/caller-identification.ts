import { toE164 } from '../../shared/phone.js';
import type { CallerIdentificationResolvers, IdentificationStatus } from '../__generated__/resolvers-types.js';
import type { CustomerRecord } from '../source/records.js';

/** Never picks one of several candidates: that choice is the agent's. */
export function identification(phone: string, candidates: CustomerRecord[]) {
  const status: IdentificationStatus = candidates.length === 0 ? 'NONE' : candidates.length === 1 ? 'SINGLE' : 'MULTIPLE';
  return { phone, status, candidates };
}

export const CallerIdentification: CallerIdentificationResolvers = {
  // Other subgraphs point here by number (the call center's `Call.caller`); batched like any lookup.
  async __resolveReference({ phone }, { loaders }) {
    const e164 = toE164(phone);
    if (e164 === null) return identification(phone, []);
    return identification(e164, await loaders.customersByPhone.load(e164));
  },
};
