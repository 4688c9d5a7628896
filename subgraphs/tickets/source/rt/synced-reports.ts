/**
 * The ticket reports over RT: the same SQL as the embedded store's (`SqlTicketReports`), run
 * on the local copy the sync keeps (`sync.ts`), each answer saying how fresh it is:
 * `TicketMetricsReport.asOf` and `TierTicketMetrics.asOf` are the sync's `syncedThrough`
 * (every change made in RT before that instant is counted; later ones are not yet). Until
 * the first pass has reached the end the copy is incomplete, and the reports answer
 * `SUBGRAPH_UNAVAILABLE` with `extensions.reason: "SYNC_PENDING"` rather than wrong figures.
 */
import { switchboardError } from '../../../../schema/errors.js';
import type { SyncRunner } from '../../../shared/sync/runner.js';
import type { CustomerWindowArgument } from '../../../shared/reporting/customer-windows.js';
import type { TimeRangeArgument } from '../../../shared/reporting/time-range.js';
import type { TicketReportsSource } from '../../reports/port.js';
import { SqlTicketReports } from '../../reports/sql-reports.js';
import type { TicketMetricsArgs } from '../../reports/ticket-metrics.js';
import type { SqlTicketStore } from '../embedded/sql-store.js';

export class SyncedTicketReports implements TicketReportsSource {
  private readonly reports: SqlTicketReports;

  constructor(
    store: SqlTicketStore,
    private readonly runner: SyncRunner,
  ) {
    this.reports = new SqlTicketReports(store.database.db);
  }

  /** The copy's `syncedThrough`; SUBGRAPH_UNAVAILABLE (`SYNC_PENDING`) before the first complete pass. */
  private asOf(): string {
    const asOf = this.runner.syncedThrough;
    if (asOf === null) {
      throw switchboardError(
        'SUBGRAPH_UNAVAILABLE',
        'Ticket reports over Request Tracker read the local copy of its tickets, and the first sync from RT has not finished yet (see GET /health/sync on the tickets subgraph).',
        { system: 'rt', reason: 'SYNC_PENDING' },
      );
    }
    return asOf;
  }

  async ticketMetrics(args: TicketMetricsArgs) {
    const asOf = this.asOf();
    return { ...(await this.reports.ticketMetrics(args)), asOf };
  }

  async ticketSummaries(customerIds: readonly string[], range: TimeRangeArgument) {
    this.asOf();
    return this.reports.ticketSummaries(customerIds, range);
  }

  async ticketMetricsByTier(range: TimeRangeArgument) {
    const asOf = this.asOf();
    return (await this.reports.ticketMetricsByTier(range)).map((row) => ({ ...row, asOf }));
  }

  /** The cross-system reports' ticket parts, from the copy (RT keeps no requester tier: one `null` tier). */
  async ticketReasonsByTier(range: TimeRangeArgument) {
    this.asOf();
    return this.reports.ticketReasonsByTier(range);
  }

  async ticketJourneys(windows: readonly CustomerWindowArgument[]) {
    this.asOf();
    return this.reports.ticketJourneys(windows);
  }
}
