/**
 * The ticket system's reporting port: aggregates computed in the store (never rows pulled
 * into Node). `sql-reports.ts` is the one adapter.
 */
import type { TimeRangeArgument } from '../../shared/reporting/time-range.js';
import type { CustomerTicketSummary, TierTicketMetrics } from './customer-reports-sql.js';
import type { TicketMetricsArgs, TicketMetricsReport } from './ticket-metrics.js';
import type { CustomerWindowArgument, ReasonCount } from '../../shared/reporting/customer-windows.js';
import type { CustomerTicketJourney } from './cross-system-sql.js';

/**
 * How fresh a report is: absent or null when read from the ticket store itself; over a
 * synced copy (Request Tracker, source/rt/synced-reports.ts) the instant up to which the copy
 * holds every change (ISO-8601).
 */
export interface ReportFreshness {
  asOf?: string | null;
}

export interface TicketReportsSource {
  /** BAD_USER_INPUT for a bad range or zone, or too many groups (see callcenter/reports/time-range.ts). */
  ticketMetrics(args: TicketMetricsArgs): Promise<TicketMetricsReport & ReportFreshness>;
  /** One summary per customer id, in input order (empty summaries for customers without tickets). */
  ticketSummaries(customerIds: readonly string[], range: TimeRangeArgument): Promise<CustomerTicketSummary[]>;
  ticketMetricsByTier(range: TimeRangeArgument): Promise<(TierTicketMetrics & ReportFreshness)[]>;
  /** Contact reasons (cross-system-sql.ts): tickets created in the range by requester tier and category. */
  ticketReasonsByTier(range: TimeRangeArgument): Promise<ReasonCount[]>;
  /** Each customer's tickets in their window, in input order; BAD_USER_INPUT for bad windows (more than 1,000, bad instants). */
  ticketJourneys(windows: readonly CustomerWindowArgument[]): Promise<CustomerTicketJourney[]>;
}
