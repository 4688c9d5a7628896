/**
 * Contact gaps: for every identified contact (a contact, see call-definitions.ts, whose
 * caller is known: the CRM customer, else the calling number), the seconds since the same
 * caller's previous contact (`prev_contact_gap`, the latest one in a strictly earlier second)
 * and until their next one (`next_contact_gap`, the earliest in a strictly later second);
 * null when there is none, and for every call that is not an identified contact.
 *
 * With them the repeat-contact and first-contact-resolution figures of any window N (1..90
 * days, `firstContactResolutionDays`) are sums over the range's own contacts, with no look at
 * the calls before or after the range and no window function at report time:
 * - repeat contact: `prev_contact_gap <= N` (another contact of the caller in the N days
 *   before, as `RANGE BETWEEN N PRECEDING AND 1 PRECEDING` over offer seconds);
 * - resolved on first contact: answered and `next_contact_gap` null or `> N`.
 * The raw computation in call-metrics-sql.ts (`repeatBlock`) gives the same counts; the
 * roll-up test compares them.
 *
 * Maintained on write in the transaction of the change: a new or changed contact changes the
 * gaps of its caller's neighbours, so every write path (the seed loader, the CTI event store,
 * the customer write-back of the call-log outbox) calls `refreshContactGaps` with the callers
 * of the calls before and after the change; their contacts' gaps are computed again (a caller
 * has a few dozen contacts at most). `rebuildContactGaps` recomputes every call (migration
 * 0007, `npm run reports:rebuild`).
 */
import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { callerIdentity, isContact } from './call-definitions.js';
import { epochSeconds } from '../../shared/reporting/sql-fragments.js';
import { addCallsToHistograms, removeCallsFromHistograms } from './call-histograms.js';
import { StatementTemplate } from '../../shared/statement-template.js';

/** The gap columns of `calls` (migration 0007). */
export interface ContactGapColumns {
  /** Seconds since the caller's previous contact (strictly earlier second); null: none, or not an identified contact. */
  prev_contact_gap: number | null;
  /** Seconds until the caller's next contact (strictly later second); null: none, or not an identified contact. */
  next_contact_gap: number | null;
}

/** A call's caller as the gaps key it: customer id, else customer number (null: withheld). */
export interface CallerKeys {
  customerId?: string | null;
  customerNumber?: string | null;
}

/** The caller key of a call as `callerIdentity` spells it in SQL. */
export function callerKeyOf(call: CallerKeys): string | null {
  return call.customerId ?? call.customerNumber ?? null;
}

/** Adds the two columns (migration 0007). */
export async function createContactGaps(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('prev_contact_gap', 'integer').execute();
  await db.schema.alterTable('calls').addColumn('next_contact_gap', 'integer').execute();
}

/** Writes the gaps of the identified contacts `filter` selects (a predicate on `calls c`, see `gapsCte`) with one UPDATE … FROM, changed rows only. */
function computeGapsSql(filter: RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`
    WITH ${gapsCte(filter)}
    UPDATE calls SET prev_contact_gap = g.prev_gap, next_contact_gap = g.next_gap
    FROM g
    WHERE calls.id = g.id
      AND (calls.prev_contact_gap IS DISTINCT FROM g.prev_gap OR calls.next_contact_gap IS DISTINCT FROM g.next_gap)`;
}

/**
 * `k` and `g`: the identified contacts `filter` selects and their gaps, in one pass: per
 * caller, ordered by offer second, the latest earlier and the earliest later second (`RANGE`
 * frames exclude the same second).
 */
function gapsCte(filter: RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`
    k AS (
      SELECT c.id, ${callerIdentity('c')} AS caller, ${epochSeconds('c.started_at')} AS t
      FROM calls c
      WHERE ${isContact('c')} AND ${callerIdentity('c')} IS NOT NULL AND ${filter}
    ),
    g AS (
      SELECT id,
        t - MAX(t) OVER (PARTITION BY caller ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_gap,
        MIN(t) OVER (PARTITION BY caller ORDER BY t RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) - t AS next_gap
      FROM k
    )`;
}

/** Callers per statement: well under both dialects' bound-parameter limits. */
const CALLERS_PER_STATEMENT = 500;

/** The calls of the callers `keys`, spelled as two index lookups (customer id; number of calls without one), not as COALESCE. */
function ofCallers(keys: readonly string[]): RawBuilder<boolean> {
  const batch = sql.join(keys);
  return sql<boolean>`(c.customer_id IN (${batch}) OR (c.customer_id IS NULL AND c.customer_number IN (${batch})))`;
}

// The write path's statements, compiled once per id count (shared/statement-template.ts).
const WITH_GAPS = new StatementTemplate((ids) => sql<{ id: string }>`SELECT id FROM calls WHERE id IN (${sql.join(ids)}) AND (prev_contact_gap IS NOT NULL OR next_contact_gap IS NOT NULL)`);
const CLEAR_GAPS = new StatementTemplate((ids) => sql`UPDATE calls SET prev_contact_gap = NULL, next_contact_gap = NULL WHERE id IN (${sql.join(ids)}) AND (prev_contact_gap IS NOT NULL OR next_contact_gap IS NOT NULL)`);
const CALLERS_OF = new StatementTemplate((ids) => sql<{ caller: string | null }>`SELECT ${callerIdentity('c')} AS caller FROM calls c WHERE c.id IN (${sql.join(ids)})`);
/** The ids of the callers' calls whose stored gaps `COMPUTE_GAPS` would change. */
const GAPS_TO_CHANGE = new StatementTemplate(
  (keys) => sql<{ id: string }>`
    WITH ${gapsCte(ofCallers(keys))}
    SELECT g.id FROM g JOIN calls ON calls.id = g.id
    WHERE calls.prev_contact_gap IS DISTINCT FROM g.prev_gap OR calls.next_contact_gap IS DISTINCT FROM g.next_gap`,
);
const COMPUTE_GAPS = new StatementTemplate((keys) => computeGapsSql(ofCallers(keys)));

/**
 * Recomputes the gaps of every contact of `callers` (caller keys, `callerKeyOf`; nulls are
 * ignored) and clears them on `callIds` first (calls that may have stopped being an
 * identified contact, or changed caller). Pass the callers of the changed calls before and
 * after the change. The call histograms count the gaps (call-histograms.ts): every call whose
 * gaps may change is taken out of them before and put back after, except `handled`, calls the
 * caller itself removes before its write and adds after this. Run it in the transaction of
 * the change.
 */
export async function refreshContactGaps(
  db: QueryExecutorProvider,
  callers: Iterable<string | null>,
  callIds: readonly string[] = [],
  handled: ReadonlySet<string> = new Set(),
): Promise<void> {
  const keys = [...new Set([...callers].filter((key): key is string => key !== null))].sort();
  // The calls whose gaps change: those cleared below (no longer an identified contact, or a
  // new caller) and those of the callers whose recomputed gaps differ from the stored ones.
  // Only they move in the histograms (a caller's other contacts keep theirs).
  const changing = new Set<string>();
  for (let i = 0; i < callIds.length; i += CALLERS_PER_STATEMENT) {
    const ids = callIds.slice(i, i + CALLERS_PER_STATEMENT);
    const rows = await WITH_GAPS.execute(db, ids);
    for (const row of rows.rows) changing.add(row.id);
  }
  for (let i = 0; i < keys.length; i += CALLERS_PER_STATEMENT) {
    const rows = await GAPS_TO_CHANGE.execute(db, keys.slice(i, i + CALLERS_PER_STATEMENT));
    for (const row of rows.rows) changing.add(row.id);
  }
  const moved = [...changing].filter((id) => !handled.has(id));
  await removeCallsFromHistograms(db, moved);
  for (let i = 0; i < callIds.length; i += CALLERS_PER_STATEMENT) {
    const ids = callIds.slice(i, i + CALLERS_PER_STATEMENT);
    await CLEAR_GAPS.execute(db, ids);
  }
  for (let i = 0; i < keys.length; i += CALLERS_PER_STATEMENT) {
    await COMPUTE_GAPS.execute(db, keys.slice(i, i + CALLERS_PER_STATEMENT));
  }
  await addCallsToHistograms(db, moved);
}

/**
 * `refreshContactGaps` for calls just written (`callIds`, as stored now) plus `formerCallers`,
 * the caller keys they had before the change (a number replaced, a customer matched);
 * `handled` as there.
 */
export async function refreshContactGapsOfCalls(
  db: QueryExecutorProvider,
  callIds: readonly string[],
  formerCallers: Iterable<string | null> = [],
  handled: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (callIds.length === 0) return;
  const callers = new Set<string | null>(formerCallers);
  for (let i = 0; i < callIds.length; i += CALLERS_PER_STATEMENT) {
    const ids = callIds.slice(i, i + CALLERS_PER_STATEMENT);
    const rows = await CALLERS_OF.execute(db, ids);
    for (const row of rows.rows) callers.add(row.caller);
  }
  await refreshContactGaps(db, callers, callIds, handled);
}

/** Recomputes the gaps of every call (migration 0007, `npm run reports:rebuild`). */
export async function rebuildContactGaps(db: QueryExecutorProvider): Promise<void> {
  await sql`UPDATE calls SET prev_contact_gap = NULL, next_contact_gap = NULL WHERE prev_contact_gap IS NOT NULL OR next_contact_gap IS NOT NULL`.execute(db);
  await computeGapsSql(sql<boolean>`1 = 1`).execute(db);
}
