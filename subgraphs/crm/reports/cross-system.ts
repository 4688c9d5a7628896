/**
 * The CRM's parts of the gateway's cross-system reports (docs/reporting.md, "Questions across
 * systems"), read from the embedded store (over a connector FORBIDDEN, `SOURCE_NOT_SUPPORTED`):
 *
 * - `conversationReasonsByTier`: conversations started in the range, per the customer's tier
 *   now and intent;
 * - `churnedCustomers`: customers who stopped ordering in the range. A customer churned when
 *   their last order placed in `[from, to)` (orders of any status but CANCELLED), at
 *   `lastOrderAt`, is followed by no order within `quietDays` days (`placed_at` in
 *   `(lastOrderAt, lastOrderAt + quietDays]`), and that period is over (`lastOrderAt +
 *   quietDays` ≤ now). `churnedAt` = lastOrderAt + quietDays; the journey window is
 *   `[lastOrderAt − lookbackDays, churnedAt)`, with the customer's conversations in it.
 */
import { sql, type Kysely } from 'kysely';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { embeddedDatabase } from '../privacy/embedded-database.js';
import type { CrmTables } from '../source/embedded/tables.js';
import type { ReasonCount } from '../../shared/reporting/customer-windows.js';
import { epochSeconds, toNumber } from '../../shared/reporting/sql-fragments.js';
import { boundedInt, parseTimeRange, type ReportRange } from '../../shared/reporting/time-range.js';

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

export interface ChurnedCustomer {
  customerId: string;
  tier: string;
  lastOrderAt: string;
  churnedAt: string;
  windowStart: string;
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
}

/** The churn rule of the module comment; `now` decides whether the quiet period is over. */
export async function churnedCustomers(db: Db, range: ReportRange, args: ChurnArgs, now: string): Promise<ChurnedCustomers> {
  const quietSeconds = args.quietDays * 86_400;
  const nowSeconds = Math.floor(Date.parse(now) / 1000);
  const result = await sql<{ customer_id: string; tier: string; last_at: string; total: unknown }>`
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
    ),
    churned AS (
      SELECT l.customer_id, l.last_at
      FROM last_in_range l LEFT JOIN next_order n ON n.customer_id = l.customer_id
      WHERE ${epochSeconds('l.last_at')} + ${quietSeconds} <= ${nowSeconds}
        AND (n.next_at IS NULL OR ${epochSeconds('n.next_at')} - ${epochSeconds('l.last_at')} > ${quietSeconds})
    )
    SELECT ch.customer_id, cu.tier, ch.last_at, COUNT(*) OVER () AS total
    FROM churned ch JOIN customers cu ON cu.id = ch.customer_id
    ORDER BY ch.last_at, ch.customer_id`.execute(db);
  const total = result.rows.length === 0 ? 0 : toNumber(result.rows[0]!.total);
  const listed = result.rows.slice(0, args.first).map((row) => {
    const last = Date.parse(row.last_at);
    return {
      customerId: row.customer_id,
      tier: row.tier,
      lastOrderAt: new Date(last).toISOString(),
      churnedAt: new Date(last + args.quietDays * DAY_MS).toISOString(),
      windowStart: new Date(last - args.lookbackDays * DAY_MS).toISOString(),
      conversations: 0,
    };
  });
  for (let start = 0; start < listed.length; start += WINDOWS_PER_STATEMENT) {
    const part = listed.slice(start, start + WINDOWS_PER_STATEMENT);
    const rows = sql.join(part.map((c, i) => sql`(${sql.lit(i)}, ${c.customerId}, ${c.windowStart}, ${c.churnedAt})`));
    const counts = await sql<{ idx: unknown; conversations: unknown }>`
      WITH w (idx, customer_id, w_from, w_to) AS (VALUES ${rows})
      SELECT w.idx, COUNT(c.id) AS conversations
      FROM w LEFT JOIN conversations c ON c.customer_id = w.customer_id AND c.started_at >= w.w_from AND c.started_at < w.w_to
      GROUP BY w.idx`.execute(db);
    for (const row of counts.rows) part[Number(row.idx)]!.conversations = toNumber(row.conversations);
  }
  return { total, customers: listed };
}

export const QueryCrossSystem: Pick<QueryResolvers, 'conversationReasonsByTier' | 'churnedCustomers'> = {
  conversationReasonsByTier: (_parent, { range }, { source }) =>
    conversationReasonsByTier(embeddedDatabase(source, 'Contact reasons of conversations').db, parseTimeRange(range)),
  churnedCustomers: (_parent, { range, quietDays, lookbackDays, first }, { source }) => {
    const parsed = parseTimeRange(range);
    const args = {
      quietDays: boundedInt(quietDays, 'quietDays', 1, 365),
      lookbackDays: boundedInt(lookbackDays, 'lookbackDays', 1, 365),
      first: boundedInt(first, 'first', 0, 1000),
    };
    return churnedCustomers(embeddedDatabase(source, 'Churn (orders)').db, parsed, args, new Date().toISOString());
  },
};
