/**
 * The call-log outbox on the call center's own database (SQLite or PostgreSQL, each query
 * written once):
 * - `recordEndedCalls` reads the given calls as committed and inserts their rows with
 *   `ON CONFLICT (kind, call_id) DO NOTHING`: any number of calls to it (late duplicates,
 *   a second instance, the reconciliation sweep) leave one row per (kind, call);
 * - `claim` leases due rows (`shared/outbox/lease.ts`, the claim every outbox uses), so two
 *   dispatchers (instances on one PostgreSQL) never hold the same row;
 * - `complete` / `retryLater` / `reject` only touch a row the caller still holds.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../shared/database.js';
import { claimDue } from '../../shared/outbox/lease.js';
import { callFromRow } from '../source/call-rows.js';
import type { CtiTables } from '../events/tables.js';
import { CALL_COLUMNS, type CallCenterTables, type CallsTable } from '../source/tables.js';
import type { CallReportingColumns } from '../reports/tables.js';
import { addCallsToRollups, subtractCallsFromRollups } from '../reports/call-rollups.js';
import { refreshContactGapsOfCalls } from '../reports/contact-gaps.js';
import { outboxKindsFor, payloadOf, type CallbackRule, type OutboxPayload } from './rule.js';
import type { CallLogOutboxTable, CallLogOutboxTables, OutboxKind, OutboxOutcome, OutboxTables } from './tables.js';

const IN_LIST = 500;
const INSERT_ROWS = 200;

export interface OutboxRow {
  id: string;
  kind: OutboxKind;
  callId: string;
  payload: OutboxPayload;
  createdAt: string;
  attempts: number;
}

export interface OutboxCounts {
  pending: number;
  retrying: number;
  failed: number;
  done: number;
  /** `created_at` of the oldest PENDING row. */
  oldestPendingAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface DeliveryResult {
  outcome: OutboxOutcome;
  customerId: string | null;
  /** The matched customer's CRM tier now, written back to the call with its id (reports per tier). */
  customerTier?: string | null;
  resultRef: string | null;
}

/** The matched customer onto a call that has none (reporting columns), and the call's roll-ups. */
async function writeBackCustomer(trx: Transaction<CallLogOutboxTables & CtiTables>, callId: string, customerId: string, tier: string | null): Promise<void> {
  const calls = trx.withTables<{ calls: CallsTable & CallReportingColumns }>();
  // The per-tier roll-up row changes with the tier: out of the roll-ups as it stood, back in as written.
  const counted = await subtractCallsFromRollups(trx, [callId]);
  const updated = await calls
    .updateTable('calls')
    .set({ customer_id: customerId, customer_tier: tier })
    .where('id', '=', callId)
    .where('customer_id', 'is', null)
    .returning(['started_at', 'customer_number'])
    .executeTakeFirst();
  await addCallsToRollups(trx, [callId], counted);
  if (updated) {
    // The call's caller is now the customer, no longer its number: both callers' contact gaps change.
    await refreshContactGapsOfCalls(trx, [callId], [updated.customer_number]);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toRow(row: Selectable<CallLogOutboxTable>): OutboxRow {
  return {
    id: row.id,
    kind: row.kind,
    callId: row.call_id,
    payload: JSON.parse(row.payload) as OutboxPayload,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
  };
}

export class SqlOutboxStore {
  private readonly db: Kysely<CallLogOutboxTables & CtiTables>;

  constructor(database: Database<CallCenterTables>) {
    this.db = database.db.withTables<OutboxTables>().withTables<CtiTables>();
  }

  /** Queues the rows the given calls need (those that ended); returns how many rows were new. */
  async recordEndedCalls(callIds: readonly string[], rule: CallbackRule, now: string): Promise<number> {
    let inserted = 0;
    for (const part of chunks([...new Set(callIds)], IN_LIST)) {
      const calls = await this.db
        .selectFrom('calls')
        .select(CALL_COLUMNS)
        .where('id', 'in', part)
        .where('disposition', 'is not', null)
        .where('ended_at', 'is not', null)
        .where('customer_number', 'is not', null)
        .execute();
      const rows = calls.map(callFromRow).flatMap((call) =>
        outboxKindsFor(call, rule).map((kind) => ({
          id: `${kind}:${call.id}`,
          kind,
          call_id: call.id,
          payload: JSON.stringify(payloadOf(call)),
          created_at: now,
          status: 'PENDING' as const,
          attempts: 0,
          next_attempt_at: now,
        })),
      );
      for (const values of chunks(rows, INSERT_ROWS)) {
        const result = await this.db
          .insertInto('call_log_outbox')
          .values(values)
          .onConflict((oc) => oc.columns(['kind', 'call_id']).doNothing())
          .returning('id')
          .execute();
        inserted += result.length;
      }
    }
    return inserted;
  }

  /**
   * Calls whose events were applied since `since`, that have ended with a customer-side
   * number, and have no CALL_LOG row: what a crash between applying events and queueing
   * their rows left behind. Transferred-from legs are found through their TRANSFERRED event.
   */
  async endedCallsWithoutRows(since: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('calls as c')
      .select('c.id')
      .where('c.disposition', 'is not', null)
      .where('c.ended_at', 'is not', null)
      .where('c.customer_number', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('c.id', 'in', eb.selectFrom('cti_events').select('call_id').where('applied_at', '>=', since)),
          eb('c.id', 'in', eb.selectFrom('cti_events').select('parent_call_id').where('applied_at', '>=', since).where('type', '=', 'TRANSFERRED')),
        ]),
      )
      .where((eb) => eb.not(eb.exists(eb.selectFrom('call_log_outbox as o').select('o.id').where('o.kind', '=', 'CALL_LOG').whereRef('o.call_id', '=', 'c.id'))))
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /** Leases up to `limit` due rows to `owner` until `leaseUntil` (the shared claim, `shared/outbox/lease.ts`); returns them, oldest first. */
  async claim(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
    const rows = await claimDue<Selectable<CallLogOutboxTable>, CallLogOutboxTables & CtiTables>(this.db, 'call_log_outbox', { owner, now, leaseUntil, limit });
    return rows.map(toRow).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /**
   * Records the delivery's outcome. A matched customer is also written back to the call
   * (`customer_id`, `customer_tier`, unless the call has one already) in the same
   * transaction, with the call's hourly report roll-ups, so live calls count per customer
   * and tier like seeded ones (docs/reporting.md).
   */
  async complete(id: string, owner: string, result: DeliveryResult, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('call_log_outbox')
        .set({
          status: result.outcome === 'REJECTED' ? 'FAILED' : 'DONE',
          outcome: result.outcome,
          customer_id: result.customerId,
          result_ref: result.resultRef,
          done_at: now,
          last_attempt_at: now,
          lease_owner: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .returning('call_id')
        .executeTakeFirst();
      if (done && result.customerId !== null) await writeBackCustomer(trx, done.call_id, result.customerId, result.customerTier ?? null);
    });
  }

  /** Given up for good: the graph refused the input (kept as FAILED with the error). */
  async reject(id: string, owner: string, error: string, now: string): Promise<void> {
    await this.db
      .updateTable('call_log_outbox')
      .set((eb) => ({
        status: 'FAILED',
        outcome: 'REJECTED',
        attempts: eb('attempts', '+', 1),
        last_error: error,
        last_attempt_at: now,
        done_at: now,
        lease_owner: null,
        lease_until: null,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async retryLater(id: string, owner: string, error: string, now: string, nextAttemptAt: string): Promise<void> {
    await this.db
      .updateTable('call_log_outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error,
        last_attempt_at: now,
        next_attempt_at: nextAttemptAt,
        lease_owner: null,
        lease_until: null,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async counts(): Promise<OutboxCounts> {
    const groups = await this.db
      .selectFrom('call_log_outbox')
      .select((eb) => [
        'status',
        eb.fn.countAll<number | string>().as('total'),
        eb.fn.sum<number | string | null>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('retried'),
        eb.fn.min<string | null>('created_at').as('oldest'),
      ])
      .groupBy('status')
      .execute();
    const counts: OutboxCounts = { pending: 0, retrying: 0, failed: 0, done: 0, oldestPendingAt: null, lastError: null, lastErrorAt: null };
    for (const group of groups) {
      const total = Number(group.total);
      if (group.status === 'PENDING') {
        counts.pending = total;
        counts.retrying = Number(group.retried ?? 0);
        counts.oldestPendingAt = group.oldest;
      } else if (group.status === 'FAILED') counts.failed = total;
      else counts.done = total;
    }
    const last = await this.db
      .selectFrom('call_log_outbox')
      .select(['last_error', 'last_attempt_at'])
      .where('status', 'in', ['PENDING', 'FAILED'])
      .where('last_error', 'is not', null)
      .orderBy('last_attempt_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    counts.lastError = last?.last_error ?? null;
    counts.lastErrorAt = last?.last_attempt_at ?? null;
    return counts;
  }

  /** Deletes DONE rows finished before `before` (FAILED ones stay for inspection). */
  async purgeDone(before: string): Promise<number> {
    const result = await this.db.deleteFrom('call_log_outbox').where('status', '=', 'DONE').where('done_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * The reconciliation's part (docs/reporting.md, "Reconciliation"): calls that ended in
   * [from, to) with a customer-side number, oldest first, with their CALL_LOG and
   * CALLBACK_TICKET rows (null where none). At most `limit` calls.
   */
  async reconciliationCalls(from: string, to: string, limit: number): Promise<ReconciliationCallRow[]> {
    const calls = await this.db
      .selectFrom('calls')
      .select(['id', 'direction', 'disposition', 'ended_at'])
      .where('ended_at', '>=', from)
      .where('ended_at', '<', to)
      .where('disposition', 'is not', null)
      .where('customer_number', 'is not', null)
      .orderBy('ended_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const rows = new Map<string, Selectable<CallLogOutboxTable>>();
    for (const part of chunks(calls.map((call) => call.id), IN_LIST)) {
      const found = await this.db.selectFrom('call_log_outbox').selectAll().where('call_id', 'in', part).where('kind', 'in', ['CALL_LOG', 'CALLBACK_TICKET']).execute();
      for (const row of found) rows.set(row.id, row);
    }
    const outboxRow = (row: Selectable<CallLogOutboxTable> | undefined) =>
      row ? { status: row.status, outcome: row.outcome, customerId: row.customer_id, resultRef: row.result_ref } : null;
    return calls.map((call) => ({
      callId: call.id,
      direction: call.direction,
      disposition: call.disposition!,
      endedAt: call.ended_at!,
      callLog: outboxRow(rows.get(`CALL_LOG:${call.id}`)),
      callback: outboxRow(rows.get(`CALLBACK_TICKET:${call.id}`)),
    }));
  }

  /** Every row of a call (tests, support). */
  async rowsOfCall(callId: string): Promise<(OutboxRow & { status: string; outcome: OutboxOutcome | null; customerId: string | null; resultRef: string | null; lastError: string | null })[]> {
    const rows = await this.db.selectFrom('call_log_outbox').selectAll().where('call_id', '=', callId).orderBy('kind').execute();
    return rows.map((row) => ({ ...toRow(row), status: row.status, outcome: row.outcome, customerId: row.customer_id, resultRef: row.result_ref, lastError: row.last_error }));
  }
}

/** One outbox row as the reconciliation reads it. */
export interface ReconciliationOutboxRow {
  status: string;
  outcome: OutboxOutcome | null;
  customerId: string | null;
  resultRef: string | null;
}

/** An ended call with its outbox rows (`SqlOutboxStore.reconciliationCalls`). */
export interface ReconciliationCallRow {
  callId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  disposition: string;
  endedAt: string;
  callLog: ReconciliationOutboxRow | null;
  callback: ReconciliationOutboxRow | null;
}
