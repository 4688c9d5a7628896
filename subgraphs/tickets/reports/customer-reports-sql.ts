/**
 * Reports across systems, from the ticket system's side: they group by the requester key
 * and tier each ticket carries (`requester_id`, `requester_tier`), so nothing fans out per
 * customer. One statement each, identical for SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import { ratio, toNumber } from '../../shared/reporting/sql-fragments.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';
import { compareTiers } from '../../shared/reporting/tiers.js';
import type { TicketStatus } from '../source/records.js';
import { isBreached } from './ticket-definitions.js';
import type { ReportingTicketsDatabase } from './tables.js';

type Db = Kysely<ReportingTicketsDatabase>;

export interface CustomerTicketSummary {
  created: number;
  byStatus: { status: TicketStatus; count: number }[];
  slaBreached: number;
}

export interface TierTicketMetrics {
  tier: string | null;
  created: number;
  slaBreached: number;
  slaBreachRate: number | null;
}

const STATUSES: readonly TicketStatus[] = ['NEW', 'OPEN', 'PENDING', 'HOLD', 'SOLVED', 'CLOSED'];

/** Each customer's tickets created in the range, by status now; one statement for the batch. */
export async function ticketSummaries(db: Db, customerIds: readonly string[], range: ReportRange, now: string): Promise<CustomerTicketSummary[]> {
  const unique = [...new Set(customerIds)];
  const byCustomer = new Map<string, CustomerTicketSummary>();
  if (unique.length > 0) {
    const result = await sql<{ requester_id: string; status: TicketStatus; tickets: unknown; breached: unknown }>`
      SELECT t.requester_id, t.status, COUNT(*) AS tickets, SUM(CASE WHEN ${isBreached('t', now)} THEN 1 ELSE 0 END) AS breached
      FROM tickets t
      WHERE t.requester_id IN (${sql.join(unique)}) AND t.created_at >= ${range.from} AND t.created_at < ${range.to}
      GROUP BY t.requester_id, t.status`.execute(db);
    for (const row of result.rows) {
      let summary = byCustomer.get(row.requester_id);
      if (!summary) {
        summary = { created: 0, byStatus: [], slaBreached: 0 };
        byCustomer.set(row.requester_id, summary);
      }
      const count = toNumber(row.tickets);
      summary.created += count;
      summary.slaBreached += toNumber(row.breached);
      summary.byStatus.push({ status: row.status, count });
    }
    for (const summary of byCustomer.values()) summary.byStatus.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
  }
  return customerIds.map((id) => byCustomer.get(id) ?? { created: 0, byStatus: [], slaBreached: 0 });
}

/** Tickets created in the range and their SLA breaches, per requester tier at creation (null: not known). */
export async function ticketMetricsByTier(db: Db, range: ReportRange, now: string): Promise<TierTicketMetrics[]> {
  const result = await sql<{ tier: string | null; created: unknown; breached: unknown }>`
    SELECT t.requester_tier AS tier, COUNT(*) AS created, SUM(CASE WHEN ${isBreached('t', now)} THEN 1 ELSE 0 END) AS breached
    FROM tickets t
    WHERE t.created_at >= ${range.from} AND t.created_at < ${range.to}
    GROUP BY t.requester_tier`.execute(db);
  return result.rows
    .map((row) => {
      const created = toNumber(row.created);
      const slaBreached = toNumber(row.breached);
      return { tier: row.tier, created, slaBreached, slaBreachRate: ratio(slaBreached, created) };
    })
    .sort((a, b) => compareTiers(a.tier, b.tier));
}
