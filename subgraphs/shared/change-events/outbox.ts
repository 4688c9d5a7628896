/**
 * A store's change-event outbox as its reader (the gateway's webhook dispatcher) sees it:
 * claim due events with a lease (the shared claim, `shared/outbox/lease.ts`), acknowledge
 * the ones it has taken over (DONE, personal data cleared), purge old DONE rows.
 * Unacknowledged events come back when their lease runs out: the reader takes each event
 * at least once and makes that exactly once on its side (a unique key per event).
 */
import type { Kysely, Selectable } from 'kysely';
import { claimDue } from '../outbox/lease.js';
import type { ChangeEventType } from './registry.js';
import type { ChangeEventsTable, ChangeEventTables } from './tables.js';

/** One event as the reader receives it. */
export interface ChangeEvent {
  id: string;
  type: ChangeEventType;
  subjectId: string;
  data: Record<string, unknown>;
  personal: Record<string, unknown> | null;
  occurredAt: string;
}

export class ChangeEventOutbox {
  private readonly db: Kysely<ChangeEventTables>;

  private constructor(db: Kysely<ChangeEventTables>) {
    this.db = db;
  }

  /** The outbox in the store `db` opens (whose migrations created `change_events`). */
  static in<DB>(db: Kysely<DB>): ChangeEventOutbox {
    return new ChangeEventOutbox(db as unknown as Kysely<ChangeEventTables>);
  }

  /** Leases up to `limit` PENDING events to `owner` for `leaseMs`; oldest first. */
  async claim(owner: string, limit: number, leaseMs: number, now = new Date()): Promise<ChangeEvent[]> {
    const rows = await claimDue<Selectable<ChangeEventsTable>, ChangeEventTables>(this.db, 'change_events', {
      owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      limit,
    });
    return rows
      .map(
        (row): ChangeEvent => ({
          id: row.id,
          type: row.type,
          subjectId: row.subject_id,
          data: JSON.parse(row.data) as Record<string, unknown>,
          personal: row.personal === null ? null : (JSON.parse(row.personal) as Record<string, unknown>),
          occurredAt: row.occurred_at,
        }),
      )
      .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Marks events `owner` still holds as taken over (DONE) and clears their personal data; returns how many. */
  async acknowledge(owner: string, ids: readonly string[], now = new Date()): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable('change_events')
      .set({ status: 'DONE', done_at: now.toISOString(), personal: null, lease_owner: null, lease_until: null })
      .where('id', 'in', [...ids])
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Deletes DONE events acknowledged before `before`. */
  async purgeDone(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('change_events').where('status', '=', 'DONE').where('done_at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Every event about `subjectId`, oldest first (tests, support). */
  async eventsAbout(subjectId: string): Promise<(ChangeEvent & { status: string })[]> {
    const rows = await this.db.selectFrom('change_events').selectAll().where('subject_id', '=', subjectId).orderBy('occurred_at').orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      subjectId: row.subject_id,
      data: JSON.parse(row.data) as Record<string, unknown>,
      personal: row.personal === null ? null : (JSON.parse(row.personal) as Record<string, unknown>),
      occurredAt: row.occurred_at,
      status: row.status,
    }));
  }
}
