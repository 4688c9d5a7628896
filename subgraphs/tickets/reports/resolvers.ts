/**
 * The ticket system's reporting fields: root queries (each a separate field, so the gateway
 * can guard them with `@requiresScopes`), the group's assignee and `Customer.ticketSummary`
 * (batched per request: one statement for every customer asking the same range).
 */
import type { CustomerResolvers, QueryResolvers, TicketMetricsResolvers } from '../__generated__/resolvers-types.js';
import type { TicketsContext } from '../context.js';
import type { TimeRangeArgument } from '../../shared/reporting/time-range.js';
import type { TicketsSource } from '../source/port.js';
import type { CustomerTicketSummary } from './customer-reports-sql.js';
import type { TicketReportsSource } from './port.js';
import type { TicketGrouping } from './ticket-metrics-sql.js';
import { recordRestricted, representationRecordAccess } from '../../../schema/record-access.js';
import { rangeLoader } from '../../shared/reporting/range-loaders.js';
import type { CustomerWindowArgument } from '../../shared/reporting/customer-windows.js';

/** The reporting adapter of the source a request runs on (the source keeps one). */
export function ticketReportsOf(source: TicketsSource): TicketReportsSource {
  return source.reports();
}

/** Which grouping a returned group belongs to (for its `assignee` entity). */
const groupingOf = new WeakMap<object, TicketGrouping | null>();

function ticketSummaryLoader(context: TicketsContext, range: TimeRangeArgument) {
  return rangeLoader<CustomerTicketSummary>(context, 'ticketSummary', range, (ids) => ticketReportsOf(context.source).ticketSummaries(ids, range));
}

export const reportQueries: Pick<QueryResolvers, 'ticketMetrics' | 'ticketMetricsByTier' | 'ticketReasonsByTier' | 'ticketJourneys'> = {
  async ticketMetrics(_parent, args, { source }) {
    const report = await ticketReportsOf(source).ticketMetrics(args);
    for (const group of report.groups) groupingOf.set(group, report.groupBy);
    return { asOf: null, ...report };
  },
  ticketMetricsByTier: async (_parent, { range }, { source }) => (await ticketReportsOf(source).ticketMetricsByTier(range)).map((row) => ({ asOf: null, ...row })),
  // Parts of the gateway's cross-system reports (cross-system-sql.ts).
  ticketReasonsByTier: (_parent, { range }, { source }) => ticketReportsOf(source).ticketReasonsByTier(range),
  ticketJourneys: (_parent, { windows }, { source }) => ticketReportsOf(source).ticketJourneys(windows as CustomerWindowArgument[]),
};

export const TicketMetrics: TicketMetricsResolvers = {
  assignee: (metrics) => (groupingOf.get(metrics) === 'ASSIGNEE' && metrics.key ? { __typename: 'Agent', id: metrics.key } : null),
};

export const customerReportFields: Pick<CustomerResolvers, 'ticketSummary'> = {
  ticketSummary: (customer, { range }, context) => {
    if (representationRecordAccess(context.viewer, customer) === 'MINIMAL') throw recordRestricted('Customer.ticketSummary', customer.id);
    return ticketSummaryLoader(context, range).load(customer.id);
  },
};
