/** The call center's reporting adapter over its SQL store (SQLite or PostgreSQL, same SQL). */
import type { Kysely } from 'kysely';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';
import type { CallCenterTables } from '../source/tables.js';
import { callCenterMetrics, type CallMetricsArgs } from './call-metrics.js';
import { callMetricsByTier, callSummaries, topContactingCustomers } from './customer-reports-sql.js';
import type { CallReportsSource } from './port.js';
import type { CallReportingColumns, ReportingCallCenterTables } from './tables.js';
import { boundedInt, parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';

export class SqlCallReports implements CallReportsSource {
  private readonly db: Kysely<ReportingCallCenterTables>;

  constructor(db: Kysely<CallCenterTables>) {
    this.db = db.withTables<{ calls: CallReportingColumns }>();
  }

  async callCenterMetrics(args: CallMetricsArgs) {
    return callCenterMetrics(this.db, args);
  }

  async topContactingCustomers(range: TimeRangeArgument, first: number) {
    return topContactingCustomers(this.db, parseTimeRange(range), boundedInt(first, 'first', 0, MAX_PAGE_SIZE));
  }

  async callSummaries(customerIds: readonly string[], range: TimeRangeArgument) {
    return callSummaries(this.db, customerIds, parseTimeRange(range));
  }

  async callMetricsByTier(range: TimeRangeArgument) {
    return callMetricsByTier(this.db, parseTimeRange(range));
  }
}
