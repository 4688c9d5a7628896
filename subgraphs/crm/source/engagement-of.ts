/**
 * Where a CRM subgraph keeps conversations, leads, opportunities, channel identities and
 * shipment events (docs/bots.md): the embedded store's own tables. Over a connector
 * (`CRM_SOURCE=hubspot|sql-mapped`) the company's CRM keeps its own, which Switchboard does
 * not read yet: every engagement operation then fails with FORBIDDEN and
 * `extensions.reason: "SOURCE_NOT_SUPPORTED"`, naming the CRM source.
 */
import { switchboardError } from '../../../schema/errors.js';
import { SqlCrmStore } from './embedded/store.js';
import type { EngagementSource } from './engagement-port.js';
import { SqlEngagementStore } from './embedded/engagement-store.js';
import type { CrmSource } from './port.js';

/** The engagement store that goes with `source`. */
export function engagementOf(source: CrmSource): EngagementSource {
  if (source instanceof SqlCrmStore) return new SqlEngagementStore(source.database);
  const refuse = () =>
    Promise.reject(
      switchboardError('FORBIDDEN', "Conversations, leads and channel identities are kept by Switchboard's embedded CRM store only; this CRM subgraph reads a connected CRM.", {
        reason: 'SOURCE_NOT_SUPPORTED',
      }),
    );
  // Every method refuses; `then` stays undefined so the object is never taken for a promise.
  return new Proxy({} as EngagementSource, { get: (_target, name) => (name === 'then' ? undefined : refuse) });
}
