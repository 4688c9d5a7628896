/**
 * The CRM's parts of the gateway's cross-system reports (docs/reporting.md, "Questions across
 * systems"), read from the embedded store (over a connector FORBIDDEN, `SOURCE_NOT_SUPPORTED`):
 *
 * - `conversationReasonsByTier`: conversations started in the range, per the customer's tier
 *   now and intent;
 * - `churnedCustomers`: customers who churned in the range `[from, to)` by one of two rules.
 *   STOPPED_ORDERING: their last order placed in the range (orders of any status but
 *   CANCELLED), at `last`, is followed by no order within `quietDays` days (`placed_at` in
 *   `(last, last + quietDays]`), and that period is over (`last + quietDays` ≤ now);
 *   `churnedAt` = last + quietDays, the journey window `[last − lookbackDays, churnedAt)`.
 *   TURNED_INACTIVE: their last status change before `to` is a change to INACTIVE made at or
 *   after `from` (they turned inactive in the range and were still INACTIVE at its end; being
 *   reactivated after `to` does not undo it, as ordering again after the quiet period does not);
 *   `churnedAt` = that change, the window `[churnedAt − lookbackDays, churnedAt)`. A customer
 *   matching both is listed once, by the earlier `churnedAt` (TURNED_INACTIVE on a tie).
 *   Per customer: `lastOrderAt`, their last order (not CANCELLED) before `churnedAt` (null:
 *   none), and their conversations started in the window.
 */
import { sql, type Kysely } from 'kysely';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { embeddedDatabase } from '../privacy/embedded-database.js';
import type { CrmTables } from '../source/embedded/tables.js';
import type { ReasonCount } from '../../shared/reporting/customer-windows.js';
import { epochSeconds, toNumber } from '../../shared/reporting/sql-fragments.js';
import { boundedInt, parseTimeRange, type ReportRange } from '../../shared/reporting/time-range.js';
import { churnRules, type ChurnRule } from '../../shared/reporting/churn-rules.js';

type Db = Kysely<CrmTables>;
const DAY_MS = 86_400_000;
const WINDOWS_PER_STATEMENT = 300;

/** Conversations started in the range per the customer's tier now (null: no customer) and intent. */
export async function conversationReasonsByTier(db: Db, range: ReportRange): Promise<ReasonCount[]> {
  const result = await sql<{ tier: string | null; reason: string | null; conversations: unknown }>`
    SELECT cu.tier AS tier, c.intent AS reason, COUNT(*) AS conversations
    FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
    WHERE c.started_at >= ${range.from} AND c.started_at < ${range.to}
    GROUP BY cu.tier, c.intent`.execute(db);
  return result.rows.map((row) => ({ tier: row.tier, reason: row.reason, count: toNumber(row.conversations) }));
}

/** One churned customer, as `churnedCustomers` lists it. Instants are ISO-8601 UTC. */
export interface ChurnedCustomer {
  customerId: string;
  tier: string;
  /** The rule `churnedAt` comes from (see `churnedCustomers`). */
  rule: ChurnRule;
  /** The last order (not CANCELLED) placed before `churnedAt`; null when there is none. */
  lastOrderAt: string | null;
  churnedAt: string;
  /** The journey window is `[windowStart, churnedAt)`. */
  windowStart: string;
  /** Conversations with the customer started in the window. */
  conversations: number;
}

export interface ChurnedCustomers {
  total: number;
  customers: ChurnedCustomer[];
}

export interface ChurnArgs {
  quietDays: number;
  lookbackDays: number;
  first: number;
  /** Checked with `churnRules` (not empty). */
  rules: readonly ChurnRule[];
}

interface ChurnRow {
  customer_id: string;
  tier: string;
  /** STOPPED_ORDERING: the last order in the range; TURNED_INACTIVE: the change to INACTIVE. */
  at: string;
}

/** STOPPED_ORDERING: customers whose last order in the range is followed by none within `quietDays` days, those days being over at `nowSeconds`. */
async function stoppedOrdering(db: Db, range: ReportRange, quietDays: number, nowSeconds: number): Promise<ChurnRow[]> {
  const quietSeconds = quietDays * 86_400;
  const result = await sql<ChurnRow>`
    WITH last_in_range AS (
      SELECT o.customer_id, MAX(o.placed_at) AS last_at
      FROM orders o
      WHERE o.placed_at >= ${range.from} AND o.placed_at < ${range.to} AND o.status <> 'CANCELLED'
      GROUP BY o.customer_id
    ),
    next_order AS (
      SELECT o.customer_id, MIN(o.placed_at) AS next_at
      FROM orders o JOIN last_in_range l ON l.customer_id = o.customer_id
      WHERE o.placed_at > l.last_at AND o.status <> 'CANCELLED'
      GROUP BY o.customer_id
    )
    SELECT l.customer_id, cu.tier, l.last_at AS at
    FROM last_in_range l JOIN customers cu ON cu.id = l.customer_id LEFT JOIN next_order n ON n.customer_id = l.customer_id
    WHERE ${epochSeconds('l.last_at')} + ${quietSeconds} <= ${nowSeconds}
      AND (n.next_at IS NULL OR ${epochSeconds('n.next_at')} - ${epochSeconds('l.last_at')} > ${quietSeconds})`.execute(db);
  return result.rows;
}

/**
 * TURNED_INACTIVE: customers whose last status change before `to` is a change to INACTIVE made
 * at or after `from` (turned inactive in the range and still INACTIVE at its end; a later
 * reactivation does not undo it). Ties at the same instant are broken by change id.
 */
async function turnedInactive(db: Db, range: ReportRange): Promise<ChurnRow[]> {
  const result = await sql<ChurnRow>`
    SELECT s.customer_id, cu.tier, s.at
    FROM customer_status_changes s JOIN customers cu ON cu.id = s.customer_id
    WHERE s.to_status = 'INACTIVE' AND s.at >= ${range.from} AND s.at < ${range.to}
      AND NOT EXISTS (
        SELECT 1 FROM customer_status_changes l
        WHERE l.customer_id = s.customer_id AND l.at < ${range.to} AND (l.at > s.at OR (l.at = s.at AND l.id > s.id))
      )`.execute(db);
  return result.rows;
}

/**
 * The churn rule of the module comment, for `args.rules`; `now` decides whether a quiet period
 * is over. A customer matching both rules is listed once, by the rule with the earlier
 * `churnedAt` (TURNED_INACTIVE on a tie: the recorded change is the firmer fact). Oldest churn
 * first, then customer id; `total` counts every churned customer, `customers` the first `first`.
 */
export async function churnedCustomers(db: Db, range: ReportRange, args: ChurnArgs, now: string): Promise<ChurnedCustomers> {
  const nowSeconds = Math.floor(Date.parse(now) / 1000);
  const [stopped, inactive] = await Promise.all([
    args.rules.includes('STOPPED_ORDERING') ? stoppedOrdering(db, range, args.quietDays, nowSeconds) : [],
    args.rules.includes('TURNED_INACTIVE') ? turnedInactive(db, range) : [],
  ]);
  const churns = new Map<string, { tier: string; rule: ChurnRule; churnedMs: number; startMs: number }>();
  for (const row of stopped) {
    const last = Date.parse(row.at);
    churns.set(row.customer_id, { tier: row.tier, rule: 'STOPPED_ORDERING', churnedMs: last + args.quietDays * DAY_MS, startMs: last - args.lookbackDays * DAY_MS });
  }
  for (const row of inactive) {
    const at = Date.parse(row.at);
    const other = churns.get(row.customer_id);
    if (other && other.churnedMs < at) continue;
    churns.set(row.customer_id, { tier: row.tier, rule: 'TURNED_INACTIVE', churnedMs: at, startMs: at - args.lookbackDays * DAY_MS });
  }
  const ordered = [...churns].sort(([a, x], [b, y]) => x.churnedMs - y.churnedMs || (a < b ? -1 : a > b ? 1 : 0));
  const listed: ChurnedCustomer[] = ordered.slice(0, args.first).map(([customerId, churn]) => ({
    customerId,
    tier: churn.tier,
    rule: churn.rule,
    lastOrderAt: null,
    churnedAt: new Date(churn.churnedMs).toISOString(),
    windowStart: new Date(churn.startMs).toISOString(),
    conversations: 0,
  }));
  for (let start = 0; start < listed.length; start += WINDOWS_PER_STATEMENT) {
    const part = listed.slice(start, start + WINDOWS_PER_STATEMENT);
    const rows = sql.join(part.map((c, i) => sql`(${sql.lit(i)}, ${c.customerId}, ${c.windowStart}, ${c.churnedAt})`));
    const figures = await sql<{ idx: unknown; conversations: unknown; last_order_at: string | null }>`
      WITH w (idx, customer_id, w_from, w_to) AS (VALUES ${rows})
      SELECT w.idx,
        (SELECT COUNT(*) FROM conversations c WHERE c.customer_id = w.customer_id AND c.started_at >= w.w_from AND c.started_at < w.w_to) AS conversations,
        (SELECT MAX(o.placed_at) FROM orders o WHERE o.customer_id = w.customer_id AND o.status <> 'CANCELLED' AND o.placed_at < w.w_to) AS last_order_at
      FROM w`.execute(db);
    for (const row of figures.rows) {
      const customer = part[Number(row.idx)]!;
      customer.conversations = toNumber(row.conversations);
      customer.lastOrderAt = row.last_order_at === null ? null : new Date(Date.parse(row.last_order_at)).toISOString();
    }
  }
  return { total: churns.size, customers: listed };
}

export const QueryCrossSystem: Pick<QueryResolvers, 'conversationReasonsByTier' | 'churnedCustomers'> = {
  conversationReasonsByTier: (_parent, { range }, { source }) =>
    conversationReasonsByTier(embeddedDatabase(source, 'Contact reasons of conversations').db, parseTimeRange(range)),
  churnedCustomers: (_parent, { range, quietDays, lookbackDays, first, rules }, { source }) => {
    const parsed = parseTimeRange(range);
    const args = {
      quietDays: boundedInt(quietDays, 'quietDays', 1, 365),
      lookbackDays: boundedInt(lookbackDays, 'lookbackDays', 1, 365),
      first: boundedInt(first, 'first', 0, 1000),
      rules: churnRules(rules),
    };
    return churnedCustomers(embeddedDatabase(source, 'Churn (orders and status changes)').db, parsed, args, new Date().toISOString());
  },
};
