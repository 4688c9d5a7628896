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
import { sql, type RawBuilder } from 'kysely';

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
