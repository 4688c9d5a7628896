/** The ticket system's reporting adapter over its SQL store (SQLite or PostgreSQL, same SQL). */
import type { Kysely } from 'kysely';
import { parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';
import type { TicketsDatabase } from '../source/embedded/tables.js';
import { ticketMetricsByTier, ticketSummaries } from './customer-reports-sql.js';
import type { TicketReportsSource } from './port.js';
import type { ReportingTicketsDatabase } from './tables.js';
import { ticketMetrics, type TicketMetricsArgs } from './ticket-metrics.js';
import { ticketJourneys, ticketReasonsByTier } from './cross-system-sql.js';
import { parseCustomerWindows, type CustomerWindowArgument } from '../../shared/reporting/customer-windows.js';

export class SqlTicketReports implements TicketReportsSource {
  private readonly db: Kysely<ReportingTicketsDatabase>;

  /** `now` decides which due SLA targets count as breached (as for `Ticket.slaBreached`). */
  constructor(db: Kysely<TicketsDatabase>, private readonly now: () => string = () => new Date().toISOString()) {
    this.db = db.withTables<Pick<ReportingTicketsDatabase, 'agent_teams'>>() as unknown as Kysely<ReportingTicketsDatabase>;
  }

  async ticketMetrics(args: TicketMetricsArgs) {
    return ticketMetrics(this.db, args, this.now());
  }

  async ticketSummaries(customerIds: readonly string[], range: TimeRangeArgument) {
    return ticketSummaries(this.db, customerIds, parseTimeRange(range), this.now());
  }

  async ticketMetricsByTier(range: TimeRangeArgument) {
    return ticketMetricsByTier(this.db, parseTimeRange(range), this.now());
  }

  async ticketReasonsByTier(range: TimeRangeArgument) {
    return ticketReasonsByTier(this.db, parseTimeRange(range));
  }

  async ticketJourneys(windows: readonly CustomerWindowArgument[]) {
    return ticketJourneys(this.db, parseCustomerWindows(windows), this.now());
  }
}
