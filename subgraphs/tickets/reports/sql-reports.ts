/** The ticket system's reporting adapter over its SQL store (SQLite or PostgreSQL, same SQL). */
import type { Kysely } from 'kysely';
import { parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';
import type { TicketsDatabase } from '../source/embedded/tables.js';
import { ticketMetricsByTier, ticketSummaries } from './customer-reports-sql.js';
import type { TicketReportsSource } from './port.js';
import type { ReportingTicketsDatabase } from './tables.js';
import { ticketMetrics, type TicketCountsSource, type TicketMetricsArgs } from './ticket-metrics.js';
import { ticketMetricsByTierFromRollups } from './ticket-metrics-rollups.js';
import { ticketJourneys, ticketReasonsByTier } from './cross-system-sql.js';
import { parseCustomerWindows, type CustomerWindowArgument } from '../../shared/reporting/customer-windows.js';

export class SqlTicketReports implements TicketReportsSource {
  private readonly db: Kysely<ReportingTicketsDatabase>;

  /**
   * `now` decides which due SLA targets count as breached (as for `Ticket.slaBreached`);
   * `counts`: from the roll-ups (the default) or from `raw` tickets (the reference the
   * roll-up test and the benchmark compare against; see ticket-metrics.ts).
   */
  constructor(
    db: Kysely<TicketsDatabase>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly counts: TicketCountsSource = 'rollups',
  ) {
    this.db = db.withTables<Pick<ReportingTicketsDatabase, 'agent_teams'>>() as unknown as Kysely<ReportingTicketsDatabase>;
  }

  async ticketMetrics(args: TicketMetricsArgs) {
    return ticketMetrics(this.db, args, this.now(), this.counts);
  }

  async ticketSummaries(customerIds: readonly string[], range: TimeRangeArgument) {
    return ticketSummaries(this.db, customerIds, parseTimeRange(range), this.now());
  }

  async ticketMetricsByTier(range: TimeRangeArgument) {
    const parsed = parseTimeRange(range);
    return this.counts === 'rollups' ? ticketMetricsByTierFromRollups(this.db, parsed, this.now()) : ticketMetricsByTier(this.db, parsed, this.now());
  }

  async ticketReasonsByTier(range: TimeRangeArgument) {
    return ticketReasonsByTier(this.db, parseTimeRange(range));
  }

  async ticketJourneys(windows: readonly CustomerWindowArgument[]) {
    return ticketJourneys(this.db, parseCustomerWindows(windows), this.now());
  }
}
