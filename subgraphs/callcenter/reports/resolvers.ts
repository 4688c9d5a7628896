/**
 * The call center's reporting fields: root queries (each a separate field, so the gateway
 * can guard them with `@requiresScopes`), the group entities and `Customer.callSummary`
 * (batched per request: one statement for every customer asking the same range).
 */
import type { CallMetricsResolvers, CustomerResolvers, QueryResolvers, ResolversTypes } from '../__generated__/resolvers-types.js';
import type { CallCenterContext } from '../context.js';
import type { CallGrouping } from './call-metrics-sql.js';
import type { CustomerCallSummary } from './customer-reports-sql.js';
import { reportsOf } from './reports-of.js';
import type { TimeRangeArgument } from '../../shared/reporting/time-range.js';
import { rangeLoader } from '../../shared/reporting/range-loaders.js';
import { recordRestricted, representationRecordAccess } from '../../../schema/record-access.js';

/** Which grouping a returned group belongs to (for its `queue` / `agent` entity). */
const groupingOf = new WeakMap<object, CallGrouping | null>();

function callSummaryLoader(context: CallCenterContext, range: TimeRangeArgument) {
  return rangeLoader<CustomerCallSummary>(context, 'callSummary', range, (ids) => reportsOf(context.source).callSummaries(ids, range));
}

/**
 * A Customer entity reference (`{ __typename, id }`): the gateway resolves the customer's
 * other fields through its key, in one batch per subgraph. The generated type describes a
 * full Customer (with `phones`, which the CRM owns), hence the cast.
 */
function customerReference(id: string): ResolversTypes['Customer'] {
  return { __typename: 'Customer', id } as unknown as ResolversTypes['Customer'];
}

export const reportQueries: Pick<QueryResolvers, 'callCenterMetrics' | 'topContactingCustomers' | 'callMetricsByTier'> = {
  async callCenterMetrics(_parent, args, { source }) {
    const report = await reportsOf(source).callCenterMetrics(args);
    for (const group of report.groups) groupingOf.set(group, report.groupBy);
    return report;
  },
  async topContactingCustomers(_parent, { range, first }, { source }) {
    const rows = await reportsOf(source).topContactingCustomers(range, first ?? 10);
    return rows.map(({ customerId, contacts, calls, lastCallAt }) => ({
      contacts,
      calls,
      lastCallAt,
      customer: customerReference(customerId),
    }));
  },
  callMetricsByTier: (_parent, { range }, { source }) => reportsOf(source).callMetricsByTier(range),
};

export const CallMetrics: CallMetricsResolvers = {
  queue: (metrics, _args, { loaders }) => (groupingOf.get(metrics) === 'QUEUE' && metrics.key ? loaders.queue.load(metrics.key) : null),
  agent: (metrics, _args, { loaders }) => (groupingOf.get(metrics) === 'AGENT' && metrics.key ? loaders.agent.load(metrics.key) : null),
};

export const customerReportFields: Pick<CustomerResolvers, 'callSummary'> = {
  callSummary: (customer, { range }, context) => {
    if (representationRecordAccess(context.viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.callSummary', customer.id);
    return callSummaryLoader(context, range).load(customer.id);
  },
};
