/**
 * The call-center report definitions as SQL predicates, each rule written once (the SDL
 * descriptions and docs/reporting.md say the same in words):
 *
 * - a *contact* (an offered call) is an inbound leg offered to a queue that is not the
 *   continuation of a transfer: `direction = INBOUND`, `queue_id` set, no `parent_call_id`.
 *   A transferred call is one contact; its new leg is not offered again;
 * - a *handled leg* is any inbound queue leg an agent answered (`answered_at` set),
 *   transfer legs included: each agent's work counts towards handle time;
 * - a contact's time is when it was offered (`started_at`), whatever its length.
 */
import { PostgresAdapter, sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';

/**
 * `direction = INBOUND` and "no parent", spelled as expressions (`COALESCE(…) = …`) so that
 * no planner takes them for index lookups: SQLite otherwise looked calls up through the
 * parent_call_id index, or built an automatic index on `direction` over the whole table,
 * instead of reading the started_at range (seconds instead of milliseconds).
 */
const inbound = (alias: string) => sql`COALESCE(${sql.ref(`${alias}.direction`)}, '') = 'INBOUND'`;

/** `alias` is not the new leg of a transfer (a transferred call counts once, by its first leg). */
export function isFirstLeg(alias: string): RawBuilder<boolean> {
  return sql<boolean>`COALESCE(${sql.ref(`${alias}.parent_call_id`)}, '') = ''`;
}

/** `alias` is a contact (see above). */
export function isContact(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${inbound(alias)} AND ${sql.ref(`${alias}.queue_id`)} IS NOT NULL AND ${isFirstLeg(alias)})`;
}

/** `alias` is a handled leg (see above). */
export function isHandledLeg(alias: string): RawBuilder<boolean> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(${inbound(alias)} AND ${c('queue_id')} IS NOT NULL AND ${c('answered_at')} IS NOT NULL)`;
}

/** Who a contact came from, for repeat contacts: the CRM customer, else the calling number; null when withheld. */
export function callerIdentity(alias: string): RawBuilder<string | null> {
  return sql<string | null>`COALESCE(${sql.ref(`${alias}.customer_id`)}, ${sql.ref(`${alias}.customer_number`)})`;
}

/** The name of the statistics object `createDefinitionStatistics` makes on `calls`. */
const STATISTICS = 'calls_report_definitions';

/**
 * PostgreSQL 14 and later: extended statistics (`CREATE STATISTICS`) on the expressions the
 * definitions above spell (`COALESCE(direction, '')`, `COALESCE(parent_call_id, '')`, the
 * caller identity), then `ANALYZE calls`, so the planner knows how many calls are contacts,
 * first legs or identified instead of assuming 0.5% per expression. Without them a month of
 * raw contacts at 200,000 calls was estimated at 2 rows, and PostgreSQL planned a nested loop
 * of every call against every slice, and of 9,856 earlier contacts against 16,573 callers it
 * estimated at 14: the raw DAY report took 9 s and HOUR 24 s; with them 1.2 and 1.3 s
 * (bench/reports/README.md, 2026-12-01). The expressions must stay exactly those of
 * `inbound`, `isFirstLeg` and `callerIdentity` (PostgreSQL matches them by expression).
 * No-op on SQLite and on older PostgreSQL.
 */
export async function createDefinitionStatistics(db: QueryExecutorProvider): Promise<void> {
  if (!(await supportsExpressionStatistics(db))) return;
  await sql`CREATE STATISTICS IF NOT EXISTS ${sql.id(STATISTICS)} ON (COALESCE(direction, '')), (COALESCE(parent_call_id, '')), (COALESCE(customer_id, customer_number)) FROM calls`.execute(db);
  await sql`ANALYZE calls`.execute(db);
}

/** Drops what `createDefinitionStatistics` made (a migration stepping down). */
export async function dropDefinitionStatistics(db: QueryExecutorProvider): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP STATISTICS IF EXISTS ${sql.id(STATISTICS)}`.execute(db);
}

async function supportsExpressionStatistics(db: QueryExecutorProvider): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return false;
  const { rows } = await sql<{ version: string }>`SELECT current_setting('server_version_num') AS version`.execute(db);
  return Number(rows[0]?.version ?? 0) >= 140_000;
}
