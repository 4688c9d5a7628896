/**
 * `Query.reconciliationCallLogs`: the CRM's part of the reconciliation report
 * (docs/reporting.md, "Reconciliation"): the CALL_LOG activities of the given call ids, on any
 * customer's timeline. Read from the embedded store; over a connector FORBIDDEN
 * (`SOURCE_NOT_SUPPORTED`), like the privacy fields. BAD_USER_INPUT for more than 10,000 ids.
 * `Query.crmCopyReconciliation`: the synced contact copy against HubSpot (see below).
 */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { badUserInput } from '../../../schema/errors.js';
import { instantRange } from '../../shared/reporting/time-range.js';
import { embeddedDatabase } from '../privacy/embedded-database.js';
import { HubSpotCrmSource } from '../source/hubspot/store.js';

const MAX_IDS = 10_000;
const IN_LIST = 500;

export const QueryReconciliation: Pick<QueryResolvers, 'reconciliationCallLogs' | 'crmCopyReconciliation'> = {
  /**
   * The synced copies' reconciliation (docs/reporting.md, "Synced copies"): over HubSpot with
   * a local copy, the contacts against HubSpot (`HubSpotContactJob.records`); none otherwise.
   */
  async crmCopyReconciliation(_parent, { from, to }, { source }) {
    const range = instantRange(from, to);
    const copy = source instanceof HubSpotCrmSource ? source.localCopy : null;
    return copy ? [await copy.sync.runner.reconcile(range.from, range.to)] : [];
  },
  async reconciliationCallLogs(_parent, { callIds }, { source }) {
    if (callIds.length > MAX_IDS) throw badUserInput(`At most ${MAX_IDS} call ids.`);
    const db = embeddedDatabase(source, 'Reconciliation of call logs').db;
    const ids = [...new Set(callIds)];
    const logs: { callId: string; activityId: string; customerId: string }[] = [];
    for (let i = 0; i < ids.length; i += IN_LIST) {
      const rows = await db
        .selectFrom('activities')
        .select(['id', 'customer_id', 'call_id'])
        .where('type', '=', 'CALL_LOG')
        .where('call_id', 'in', ids.slice(i, i + IN_LIST))
        .orderBy('call_id')
        .orderBy('id')
        .execute();
      for (const row of rows) logs.push({ callId: row.call_id!, activityId: row.id, customerId: row.customer_id });
    }
    return logs;
  },
};
