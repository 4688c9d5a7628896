/**
 * Per-customer pages of orders, activities, status changes, conversations or leads for many customers in one statement:
 * rows after the cursor are numbered per customer (`ROW_NUMBER()`), rows before it only
 * contribute one sentinel row carrying the total (`COUNT(*) OVER (PARTITION BY customer_id)`),
 * so a customer whose page is empty still gets the right `totalCount`. SQLite, PostgreSQL and
 * MySQL 8; used by the embedded store (orders, activities, status changes, and the engagement store's
 * conversations and leads) and the mapped-SQL adapter.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PageArgs } from '../../shared/pagination.js';
import { unique } from './validation.js';

/** Prefixed so they never collide with a table's own columns (orders have a `total`). */
interface WindowColumns {
  w_after: number | string;
  w_rn: number | string;
  w_total: number | string;
}

/**
 * Up to `page.first + 1` rows per customer id (newest first by `sortColumn`, then id) and
 * each customer's total; customers without rows are absent from the map. `from` is a table
 * (`sql.table('orders')`) or a parenthesised subquery; its rows need `id` and `customer_id`.
 */
export async function pagesByCustomer<Row extends { id: string; customer_id: string | null }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the rows are typed by `Row`
  db: Kysely<any>,
  from: RawBuilder<unknown>,
  sortColumn: 'placed_at' | 'at' | 'started_at' | 'created_at',
  ids: readonly string[],
  page: PageArgs,
  extraFilter: RawBuilder<unknown> | null,
): Promise<Map<string, { rows: Row[]; total: number }>> {
  const result = new Map<string, { rows: Row[]; total: number }>();
  const wanted = unique(ids);
  if (wanted.length === 0) return result;
  const sort = sql.ref(`t.${sortColumn}`);
  const after = page.after;
  const afterFlag = after
    ? sql`case when ${sort} < ${after.key} or (${sort} = ${after.key} and t.id < ${after.id}) then 1 else 0 end`
    : sql`1`;
  const partition = after ? sql`t.customer_id, ${afterFlag}` : sql`t.customer_id`;
  const { rows } = await sql<Row & WindowColumns>`
    select * from (
      select t.*, ${afterFlag} as w_after,
        row_number() over (partition by ${partition} order by ${sort} desc, t.id desc) as w_rn,
        count(*) over (partition by t.customer_id) as w_total
      from ${from} t
      where t.customer_id in (${sql.join(wanted)})${extraFilter ? sql` and ${extraFilter}` : sql``}
    ) w
    where (w.w_after = 1 and w.w_rn <= ${page.first + 1}) or (w.w_after = 0 and w.w_rn = 1)
    order by w.customer_id, w.w_after desc, w.w_rn`.execute(db);
  for (const row of rows) {
    // Never null: the rows were selected by customer id.
    const customerId = row.customer_id as string;
    let entry = result.get(customerId);
    if (!entry) {
      entry = { rows: [], total: Number(row.w_total) };
      result.set(customerId, entry);
    }
    if (Number(row.w_after) === 1) entry.rows.push(row);
  }
  return result;
}
