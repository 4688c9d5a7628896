/** The call center's reporting adapter over its SQL store (SQLite or PostgreSQL, same SQL). */
import type { Kysely } from 'kysely';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';
import type { CallCenterTables } from '../source/tables.js';
import { callCenterMetrics, type CallCountsSource, type CallMetricsArgs } from './call-metrics.js';
import { callMetricsByTierFromRollups } from './call-metrics-by-tier.js';
import { callMetricsByTier, callSummaries, topContactingCustomers } from './customer-reports-sql.js';
import type { CallReportsSource } from './port.js';
import type { CallReportingColumns, ReportingCallCenterTables } from './tables.js';
import type { CallRollupTables } from './call-rollups.js';
import type { ContactGapColumns } from './contact-gaps.js';
import type { CallHistogramTables } from './call-histograms.js';
import { boundedInt, parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';

export class SqlCallReports implements CallReportsSource {
  private readonly db: Kysely<ReportingCallCenterTables>;

  /**
   * `counts`: where counts and sums come from (`rollups`, the default, or `raw` rows: the
   * reference the roll-up test and the benchmark compare against; see call-metrics.ts).
   */
  constructor(
    db: Kysely<CallCenterTables>,
    private readonly counts: CallCountsSource = 'rollups',
  ) {
    this.db = db.withTables<{ calls: CallReportingColumns & ContactGapColumns; call_rollups: CallRollupTables['call_rollups']; call_histograms: CallHistogramTables['call_histograms'] }>();
  }

  async callCenterMetrics(args: CallMetricsArgs) {
    return callCenterMetrics(this.db, args, this.counts);
  }

  async topContactingCustomers(range: TimeRangeArgument, first: number) {
    return topContactingCustomers(this.db, parseTimeRange(range), boundedInt(first, 'first', 0, MAX_PAGE_SIZE));
  }

  async callSummaries(customerIds: readonly string[], range: TimeRangeArgument) {
    return callSummaries(this.db, customerIds, parseTimeRange(range));
  }

  async callMetricsByTier(range: TimeRangeArgument) {
    const parsed = parseTimeRange(range);
    return this.counts === 'rollups' ? callMetricsByTierFromRollups(this.db, parsed) : callMetricsByTier(this.db, parsed);
  }
}
