/**
 * The ticket system's parts of the gateway's cross-system reports (docs/reporting.md,
 * "Questions across systems"): contact reasons (tickets by requester tier and category) and
 * each churned customer's tickets in their window. One statement per part (per 300 windows),
 * the same for SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { CustomerWindow, ReasonCount } from '../../shared/reporting/customer-windows.js';
import { toNumber } from '../../shared/reporting/sql-fragments.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';
import { isBreached } from './ticket-definitions.js';
import type { ReportingTicketsDatabase } from './tables.js';

type Db = Kysely<ReportingTicketsDatabase>;
const WINDOWS_PER_STATEMENT = 300;

/** Tickets created in the range per requester tier at creation and category (null: not classified). */
export async function ticketReasonsByTier(db: Db, range: ReportRange): Promise<ReasonCount[]> {
  const result = await sql<{ tier: string | null; reason: string | null; tickets: unknown }>`
    SELECT t.requester_tier AS tier, t.category AS reason, COUNT(*) AS tickets
    FROM tickets t
    WHERE t.created_at >= ${range.from} AND t.created_at < ${range.to}
    GROUP BY t.requester_tier, t.category`.execute(db);
  return result.rows.map((row) => ({ tier: row.tier, reason: row.reason, count: toNumber(row.tickets) }));
}

export interface CustomerTicketJourney {
  customerId: string;
  /** Tickets the customer requested created in the window. */
  created: number;
  /** The customer's tickets open (NEW, OPEN, PENDING, HOLD) at the window's end, from the status history. */
  openAtEnd: number;
  /** Tickets created in the window whose SLA was breached (`isBreached`, as `Ticket.slaBreached`). */
  slaBreached: number;
}

/** Each window's figures, in input order. */
export async function ticketJourneys(db: Db, windows: readonly CustomerWindow[], now: string): Promise<CustomerTicketJourney[]> {
  const out: CustomerTicketJourney[] = [];
  for (let start = 0; start < windows.length; start += WINDOWS_PER_STATEMENT) {
    const part = windows.slice(start, start + WINDOWS_PER_STATEMENT);
    const rows = sql.join(part.map((w, i) => sql`(${sql.lit(i)}, ${w.customerId}, ${w.from}, ${w.to})`));
    const result = await sql<{ idx: unknown; created: unknown; breached: unknown; open_at_end: unknown }>`
      WITH w (idx, customer_id, w_from, w_to) AS (VALUES ${rows})
      SELECT w.idx,
        (SELECT COUNT(*) FROM tickets t
          WHERE t.requester_id = w.customer_id AND t.created_at >= w.w_from AND t.created_at < w.w_to) AS created,
        (SELECT COUNT(*) FROM tickets t
          WHERE t.requester_id = w.customer_id AND t.created_at >= w.w_from AND t.created_at < w.w_to AND ${isBreached('t', now)}) AS breached,
        (SELECT COALESCE(SUM(h.backlog_delta), 0) FROM tickets t JOIN ticket_status_history h ON h.ticket_id = t.id
          WHERE t.requester_id = w.customer_id AND h.at < w.w_to) AS open_at_end
      FROM w`.execute(db);
    const byIndex = new Map(result.rows.map((row) => [Number(row.idx), row]));
    part.forEach((w, i) => {
      const row = byIndex.get(i);
      out.push({ customerId: w.customerId, created: toNumber(row?.created), openAtEnd: toNumber(row?.open_at_end), slaBreached: toNumber(row?.breached) });
    });
  }
  return out;
}
