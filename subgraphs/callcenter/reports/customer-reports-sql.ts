/**
 * Reports across systems, from the call center's side: they group by the customer key and
 * tier each call carries (`customer_id`, `customer_tier`), so nothing fans out per customer.
 * One statement each, identical for SQLite and PostgreSQL.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { CallDisposition } from '../source/records.js';
import { isContact, isFirstLeg } from './call-definitions.js';
import { ratio, toNumber } from '../../shared/reporting/sql-fragments.js';
import type { ReportingCallCenterTables } from './tables.js';
import { compareTiers } from '../../shared/reporting/tiers.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';

type Db = Kysely<ReportingCallCenterTables>;

const DISPOSITIONS: readonly (CallDisposition | null)[] = ['ANSWERED', 'TRANSFERRED', 'ABANDONED', 'MISSED', 'VOICEMAIL', 'EXPIRED', null];
const dispositionOrder = (disposition: CallDisposition | null) => DISPOSITIONS.indexOf(disposition);

export interface CustomerContactVolume {
  customerId: string;
  /** Contacts (offered inbound calls, see call-definitions.ts) from the customer in the range. */
  contacts: number;
  /** Every call with the customer in the range: inbound, outbound and transfer legs. */
  calls: number;
  lastCallAt: string;
}

export interface CustomerCallSummary {
  total: number;
  inbound: number;
  outbound: number;
  byDisposition: { disposition: CallDisposition | null; count: number }[];
  lastCallAt: string | null;
}

export interface TierCallMetrics {
  tier: string | null;
  offered: number;
  answered: number;
  answerRate: number | null;
}

/**
 * The customers with the most contacts in the range (ties: more calls, then customer id).
 * On SQLite the statement reads the customer index (`calls_report_customer`, customer id then
 * offer time, covering) in customer order, so the grouping needs no sort: the planner's own
 * choice, the offer-time range then a sort of every call of it by customer, took 2.5 times as
 * long at 400,000 calls in the range (707 vs 281 ms, bench/reports). PostgreSQL plans it itself.
 */
export async function topContactingCustomers(db: Db, range: ReportRange, first: number): Promise<CustomerContactVolume[]> {
  if (first === 0) return [];
  const byCustomer = db.getExecutor().adapter instanceof SqliteAdapter ? sql`INDEXED BY calls_report_customer` : sql``;
  const result = await sql<{ customer_id: string; contacts: unknown; calls: unknown; last_call_at: string }>`
    SELECT c.customer_id,
      SUM(CASE WHEN ${isContact('c')} THEN 1 ELSE 0 END) AS contacts,
      COUNT(*) AS calls,
      MAX(c.started_at) AS last_call_at
    FROM calls c ${byCustomer}
    WHERE c.started_at >= ${range.from} AND c.started_at < ${range.to} AND c.customer_id IS NOT NULL
    GROUP BY c.customer_id
    ORDER BY contacts DESC, calls DESC, c.customer_id
    LIMIT ${first}`.execute(db);
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    contacts: toNumber(row.contacts),
    calls: toNumber(row.calls),
    lastCallAt: row.last_call_at,
  }));
}

/**
 * Each customer's calls in the range by direction and disposition, one statement for the
 * batch. Transfer legs are left out: a transferred call counts once, as TRANSFERRED.
 */
export async function callSummaries(db: Db, customerIds: readonly string[], range: ReportRange): Promise<CustomerCallSummary[]> {
  const summaries = customerIds.map((): CustomerCallSummary => ({ total: 0, inbound: 0, outbound: 0, byDisposition: [], lastCallAt: null }));
  const unique = [...new Set(customerIds)];
  if (unique.length === 0) return summaries;
  const result = await sql<{ customer_id: string; direction: string; disposition: CallDisposition | null; calls: unknown; last_call_at: string }>`
    SELECT c.customer_id, c.direction, c.disposition, COUNT(*) AS calls, MAX(c.started_at) AS last_call_at
    FROM calls c
    WHERE c.customer_id IN (${sql.join(unique)}) AND c.started_at >= ${range.from} AND c.started_at < ${range.to}
      AND ${isFirstLeg('c')}
    GROUP BY c.customer_id, c.direction, c.disposition`.execute(db);
  const byCustomer = new Map<string, CustomerCallSummary>();
  for (const row of result.rows) {
    let summary = byCustomer.get(row.customer_id);
    if (!summary) {
      summary = { total: 0, inbound: 0, outbound: 0, byDisposition: [], lastCallAt: null };
      byCustomer.set(row.customer_id, summary);
    }
    const calls = toNumber(row.calls);
    summary.total += calls;
    if (row.direction === 'INBOUND') summary.inbound += calls;
    else summary.outbound += calls;
    const entry = summary.byDisposition.find((d) => d.disposition === row.disposition);
    if (entry) entry.count += calls;
    else summary.byDisposition.push({ disposition: row.disposition, count: calls });
    if (summary.lastCallAt === null || row.last_call_at > summary.lastCallAt) summary.lastCallAt = row.last_call_at;
  }
  for (const summary of byCustomer.values()) summary.byDisposition.sort((a, b) => dispositionOrder(a.disposition) - dispositionOrder(b.disposition));
  return customerIds.map((id, index) => byCustomer.get(id) ?? (summaries[index] as CustomerCallSummary));
}

/** Contacts offered and answered per customer tier at the time of the call (null: unknown callers). */
export async function callMetricsByTier(db: Db, range: ReportRange): Promise<TierCallMetrics[]> {
  const result = await sql<{ tier: string | null; offered: unknown; answered: unknown }>`
    SELECT c.customer_tier AS tier, COUNT(*) AS offered,
      SUM(CASE WHEN c.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered
    FROM calls c
    WHERE c.started_at >= ${range.from} AND c.started_at < ${range.to} AND ${isContact('c')}
    GROUP BY c.customer_tier`.execute(db);
  return result.rows
    .map((row) => ({ tier: row.tier, offered: toNumber(row.offered), answered: toNumber(row.answered), answerRate: ratio(toNumber(row.answered), toNumber(row.offered)) }))
    .sort((a, b) => compareTiers(a.tier, b.tier));
}
