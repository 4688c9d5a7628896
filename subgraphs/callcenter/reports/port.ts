/**
 * The call center's reporting port: aggregates computed in the store (never rows pulled
 * into Node). `sql-reports.ts` is the one adapter; `reportsOf(source)` finds it for the
 * store a subgraph runs on.
 */
import type { CallMetricsArgs, CallMetricsReport } from './call-metrics.js';
import type { CustomerCallSummary, CustomerContactVolume, TierCallMetrics } from './customer-reports-sql.js';
import type { TimeRangeArgument } from '../../shared/reporting/time-range.js';

export interface CallReportsSource {
  /** BAD_USER_INPUT for a bad range, zone, grouping bound or argument (see time-range.ts). */
  callCenterMetrics(args: CallMetricsArgs): Promise<CallMetricsReport>;
  /** `first` is 0..100. */
  topContactingCustomers(range: TimeRangeArgument, first: number): Promise<CustomerContactVolume[]>;
  /** One summary per customer id, in input order (empty summaries for customers without calls). */
  callSummaries(customerIds: readonly string[], range: TimeRangeArgument): Promise<CustomerCallSummary[]>;
  callMetricsByTier(range: TimeRangeArgument): Promise<TierCallMetrics[]>;
}
