/**
 * The one claim mechanism of every outbox table (the call-log outbox, the change-event
 * outboxes of the CRM and the ticket system, the gateway's webhook deliveries): rows are
 * leased with one conditional `UPDATE … RETURNING`, so two workers (processes on one
 * PostgreSQL, or two loops in one process) never hold the same row: the second one's UPDATE
 * re-checks the lease on the row after the first one's commit and skips it. A worker that
 * dies holding rows loses them when the lease runs out (`leaseUntil`), and another takes them.
 *
 * A leased table has the columns of `LeasedRow` (ISO-8601 TEXT times, `status` 'PENDING'
 * while work remains); only rows whose `next_attempt_at` has come are claimed, oldest due first.
 */
import type { Kysely } from 'kysely';

/** The columns the claim reads and writes. */
export interface LeasedRow {
  id: string;
  status: string;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
}

/** A claim: who takes the rows, the time now and until when they are held, and at most how many. */
export interface Claim {
  owner: string;
  /** ISO-8601. */
  now: string;
  /** ISO-8601: after this another worker may take the rows. */
  leaseUntil: string;
  limit: number;
}

// Any table with the leased columns: Kysely's typing needs one table name to check against.
type AnyLeased = Record<string, LeasedRow>;

/**
 * Leases up to `claim.limit` due PENDING rows of `table` to `claim.owner`; returns the rows
 * as stored (all columns), in no particular order.
 */
export async function claimDue<Row extends LeasedRow, DB>(db: Kysely<DB>, table: string, claim: Claim): Promise<Row[]> {
  const leased = db as unknown as Kysely<AnyLeased>;
  const { now } = claim;
  const rows = await leased
    .updateTable(table)
    .set({ lease_owner: claim.owner, lease_until: claim.leaseUntil })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom(table)
        .select('id')
        .where('status', '=', 'PENDING')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
        .orderBy('next_attempt_at')
        .limit(claim.limit),
    )
    // Re-checked on the row itself: a concurrent claim that committed first wins.
    .where('status', '=', 'PENDING')
    .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
    .returningAll()
    .execute();
  return rows as unknown as Row[];
}
