/**
 * The incremental sync of Request Tracker tickets into a local copy, for what needs ticket
 * data at rest: the ticket reports and the reconciliation report. The copy is an embedded
 * ticket store's database (the same tables and migrations, `TICKETS_DATABASE_URL` or the
 * SQLite file), holding per ticket what those read: number, subject, status, priority,
 * channel, requester, assignee, related call, idempotency key and the times (created,
 * updated, first response, solved, SLA). Descriptions and comments are not copied (they are
 * read live).
 *
 * Cursor (RT's changed-since search): `{ updated, id, removalsFrom }`, RT's `LastUpdated` and
 * id of the last ticket copied, and where the search for removals resumes. A pass:
 *
 * 1. Removals first: tickets RT set to `deleted` or moved to another queue since
 *    `removalsFrom` (RT's transaction search) leave the copy (deleted tickets are invisible to
 *    ticket searches, so they would otherwise stay for ever).
 * 2. Changes: TicketSQL `LastUpdated` from the cursor minus `overlapSeconds` (RT's clock has
 *    one-second steps and a change may commit after a later one was read), ordered by
 *    (LastUpdated, id), `pageSize` tickets a request. Pages follow by keyset
 *    (`LastUpdated > t OR (LastUpdated >= t AND id > n)`), never by page number, so tickets
 *    changing during the pass shift nothing; a changed ticket comes again later in order.
 *
 * Each page is written in one transaction with the cursor it advances to (`SyncRunner`), so
 * a pass killed at any moment resumes from its last committed page. A ticket is one row keyed
 * by its id, replaced on every copy: seen twice, it is written twice, never duplicated.
 * Conflicting fields follow the mapping's `sync.owners` (`RT_COPY_FIELDS`), never the last write.
 */
import type { Kysely, Transaction } from 'kysely';
import { loggerFor } from '../../../shared/observability/logger.js';
import { mergeByOwner } from '../../../shared/sync/ownership.js';
import { comparable, COPY_RECONCILIATION_MAX_RECORDS, type CopyRecord } from '../../../shared/sync/reconcile.js';
import type { SyncJob, SyncPass } from '../../../shared/sync/runner.js';
import type { ReportingTicketsDatabase } from '../../reports/tables.js';
import type { TicketRecord, TicketStatus } from '../records.js';
import { nextSlaDueAt, targetMissed } from '../sla.js';
import { tsqlString, type RtClient, type RtItem } from './client.js';
import type { RtCopyField, RtCopyWriter, RtMapping } from './mapping.js';
import { addTicketsToRollups, removeTicketsFromRollups } from '../../reports/ticket-rollups.js';
import { toTicketRow } from '../embedded/sql-store.js';
import { impliedHistory } from '../embedded/status-history.js';
import type { TicketStatusHistoryTable } from '../embedded/tables.js';
import { TICKET_FIELDS, type RtTicketSource } from './rt-source.js';

const log = loggerFor('tickets-rt-sync');

/** The sync's persisted position (see the file comment). Times are RT's, `YYYY-MM-DD HH:MM:SS` UTC. */
export interface RtSyncCursor {
  updated: string;
  id: number;
  removalsFrom: string;
}

export interface RtSyncOptions {
  /** Tickets per request, 1-100 (RT's default page limit is 100). */
  pageSize: number;
  /** Seconds each pass reaches back before the cursor (re-copying is harmless; missing is not). */
  overlapSeconds: number;
  /** The clock (tests); default `Date.now`. */
  now?: () => number;
}

/** `2026-11-30T17:22:38Z` (RT's JSON) or a Date → `2026-11-30 17:22:38` (UTC). */
export function rtSqlTime(value: string | number): string {
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

/** A UTC time as TicketSQL reads it whatever the token user's time zone: with an explicit offset. */
function tsqlTime(time: string): string {
  return tsqlString(`${time} +0000`);
}

/** Tickets per RT request when listing for the reconciliation (RT's page limit). */
const RECONCILE_PAGE = 100;

/** History rows per INSERT (6 columns: far below both dialects' parameter limits). */
const HISTORY_ROWS = 500;

const COPY_COLUMNS: Record<RtCopyField, keyof ReportingTicketsDatabase['tickets']> = {
  subject: 'subject',
  status: 'status',
  priority: 'priority',
  channel: 'channel',
  requesterId: 'requester_id',
  assigneeId: 'assignee_id',
  relatedCallId: 'related_call_id',
  idempotencyKey: 'idempotency_key',
  firstRespondedAt: 'first_responded_at',
  solvedAt: 'solved_at',
  category: 'category',
  assignedBy: 'assigned_by',
};

type CopyRow = ReportingTicketsDatabase['tickets'];

function rowOf(ticket: TicketRecord): CopyRow {
  // Descriptions and comments are read live, not copied; RT keeps no ticket tags (rt-source.ts refuses them).
  return toTicketRow({ ...ticket, description: '', tags: [] });
}

/**
 * The local copy of RT's tickets: written by the sync (writer `rt`) and by Switchboard's own
 * creates over RT (writer `switchboard`), each field as `owners` decides.
 */
export class RtTicketCopy {
  private readonly owners: Partial<Record<keyof CopyRow, RtCopyWriter>>;
  /** The copied fields RT owns with their columns: what the reconciliation compares. */
  readonly rtOwned: readonly (readonly [RtCopyField, keyof CopyRow])[];

  constructor(
    readonly db: Kysely<ReportingTicketsDatabase>,
    owners: Record<RtCopyField, RtCopyWriter>,
    private readonly now: () => number = Date.now,
  ) {
    this.owners = Object.fromEntries((Object.entries(owners) as [RtCopyField, RtCopyWriter][]).map(([field, owner]) => [COPY_COLUMNS[field], owner]));
    this.rtOwned = (Object.entries(owners) as [RtCopyField, RtCopyWriter][]).filter(([, owner]) => owner === 'rt').map(([field]) => [field, COPY_COLUMNS[field]] as const);
  }

  /** A row (as the copy keeps it, or as RT's ticket would be written) as the reconciliation compares it. */
  compared(row: CopyRow): CopyRecord {
    return { id: row.id, changedAt: row.updated_at, fields: Object.fromEntries(this.rtOwned.map(([field, column]) => [field, comparable(row[column])])) };
  }

  /**
   * Writes `tickets` as `writer` has them, in `trx` (or a transaction of its own): each field
   * from its owner, the SLA columns recomputed from the fields kept, and what the reports read
   * beside the rows kept with them: the roll-ups (`reports/ticket-rollups.ts`: the old rows
   * taken out, the new ones added) and each ticket's status history as its row implies it
   * (`impliedHistory`: RT's own history is not copied, so a reopened ticket's earlier solve is
   * not in the backlog over time). Returns rows written.
   */
  async write(tickets: readonly TicketRecord[], writer: RtCopyWriter, trx?: Transaction<ReportingTicketsDatabase>): Promise<number> {
    if (tickets.length === 0) return 0;
    if (!trx) return this.db.transaction().execute((t) => this.write(tickets, writer, t));
    const ids = tickets.map((t) => t.id);
    const existing = new Map((await trx.selectFrom('tickets').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, row as CopyRow]));
    const now = new Date(this.now()).toISOString();
    await removeTicketsFromRollups(trx, [...existing.keys()]);
    const history: TicketStatusHistoryTable[] = [];
    for (const ticket of tickets) {
      const merged = mergeByOwner(existing.get(ticket.id) ?? null, rowOf(ticket), writer, this.owners);
      const sla = { priority: merged.priority as TicketRecord['priority'], createdAt: merged.created_at, firstRespondedAt: merged.first_responded_at, solvedAt: merged.solved_at };
      merged.sla_due_at = nextSlaDueAt(sla);
      merged.sla_breached = targetMissed(sla, now) ? 1 : 0;
      const { id: _id, ...update } = merged;
      await trx
        .insertInto('tickets')
        .values(merged)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
      history.push(...impliedHistory({ id: merged.id, status: merged.status as TicketStatus, createdAt: merged.created_at, updatedAt: merged.updated_at, solvedAt: merged.solved_at }));
    }
    await trx.deleteFrom('ticket_status_history').where('ticket_id', 'in', ids).execute();
    for (let i = 0; i < history.length; i += HISTORY_ROWS) await trx.insertInto('ticket_status_history').values(history.slice(i, i + HISTORY_ROWS)).execute();
    await addTicketsToRollups(trx, ids);
    return tickets.length;
  }

  /** Removes tickets (by id) from the copy; returns how many were there. */
  async remove(ids: readonly string[], trx: Transaction<ReportingTicketsDatabase>): Promise<number> {
    if (ids.length === 0) return 0;
    await removeTicketsFromRollups(trx, ids);
    await trx.deleteFrom('ticket_status_history').where('ticket_id', 'in', [...ids]).execute();
    const result = await trx.deleteFrom('tickets').where('id', 'in', [...ids]).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** The sync job (`SyncJob`) of RT tickets, run by the shared `SyncRunner`. */
export class RtTicketSync implements SyncJob {
  readonly name = 'rt-tickets';
  readonly system = 'rt';
  /** RT keeps times to the second. */
  readonly clockResolutionMs = 1000;
  private readonly now: () => number;

  constructor(
    private readonly source: RtTicketSource,
    private readonly client: RtClient,
    private readonly mapping: RtMapping,
    private readonly copy: RtTicketCopy,
    private readonly options: RtSyncOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async run(pass: SyncPass): Promise<void> {
    const started = rtSqlTime(this.now());
    let cursor = pass.cursor as RtSyncCursor | null;
    if (cursor !== null) {
      await this.removals(pass, cursor, started);
      cursor = pass.cursor as RtSyncCursor;
    }
    const removalsFrom = cursor?.removalsFrom ?? started;
    const back = (time: string) => rtSqlTime(Date.parse(`${time.replace(' ', 'T')}Z`) - this.options.overlapSeconds * 1000);
    // The first page reaches back by the overlap; the following ones continue by keyset.
    let position: string | null = cursor === null ? null : `LastUpdated >= ${tsqlTime(back(cursor.updated))}`;
    for (;;) {
      if (pass.signal.aborted) return;
      const query = [this.source.queueClause(), ...(position === null ? [] : [`(${position})`])].join(' AND ');
      const items = await this.client.ticketsPage(query, TICKET_FIELDS, ['LastUpdated', 'id'], this.options.pageSize);
      if (items.length === 0) return;
      const records = items.map((item) => this.source.recordFromRt(item));
      const last = items[items.length - 1] as RtItem;
      const next: RtSyncCursor = { updated: rtSqlTime(String(last.LastUpdated)), id: Number(last.id), removalsFrom };
      await pass.commit((trx) => this.copy.write(records, 'rt', trx as Transaction<ReportingTicketsDatabase>), next);
      if (items.length < this.options.pageSize) return;
      position = `LastUpdated > ${tsqlTime(next.updated)} OR (LastUpdated >= ${tsqlTime(next.updated)} AND id > ${next.id})`;
    }
  }

  /**
   * The queue's tickets created in `[from, to)` as RT holds them now and as the copy holds
   * them (`SyncJob.records`; compared by `shared/sync/reconcile.ts` on the fields RT owns).
   * Both bounds are taken to the second, RT's resolution, on both sides. RT is paged by id
   * (keyset, 100 a request); each side stops one past the report's limit.
   */
  async records(from: string, to: string): Promise<{ source: CopyRecord[]; copy: CopyRecord[] }> {
    const [start, end] = [rtSqlTime(from), rtSqlTime(to)];
    const limit = COPY_RECONCILIATION_MAX_RECORDS + 1;
    const source: CopyRecord[] = [];
    for (let after = 0; source.length < limit; ) {
      const query = `${this.source.queueClause()} AND Created >= ${tsqlTime(start)} AND Created < ${tsqlTime(end)} AND id > ${after}`;
      const items = await this.client.ticketsPage(query, TICKET_FIELDS, ['id'], RECONCILE_PAGE);
      for (const item of items) source.push(this.copy.compared(rowOf(this.source.recordFromRt(item))));
      if (items.length < RECONCILE_PAGE) break;
      after = Number((items[items.length - 1] as RtItem).id);
    }
    const iso = (time: string) => `${time.replace(' ', 'T')}.000Z`;
    const rows = await this.copy.db.selectFrom('tickets').selectAll().where('created_at', '>=', iso(start)).where('created_at', '<', iso(end)).orderBy('id').limit(limit).execute();
    return { source, copy: rows.map((row) => this.copy.compared(row as CopyRow)) };
  }

  /**
   * Tickets deleted in RT or moved out of the queue since `cursor.removalsFrom` (minus the
   * overlap) leave the copy; the removal search then resumes from `started`.
   */
  private async removals(pass: SyncPass, cursor: RtSyncCursor, started: string): Promise<void> {
    const since = rtSqlTime(Date.parse(`${cursor.removalsFrom.replace(' ', 'T')}Z`) - this.options.overlapSeconds * 1000);
    const transactions = await this.client.searchJson(
      'transactions',
      [
        { field: 'ObjectType', value: 'RT::Ticket' },
        { field: 'Created', operator: '>=', value: since },
        { field: 'Type', operator: 'IN', value: ['Status', 'Set'] },
      ],
      'Type,Field,NewValue,ObjectId',
    );
    const candidates = [
      ...new Set(
        transactions
          .filter((t) => (t.Type === 'Status' && t.NewValue === 'deleted') || (t.Type === 'Set' && t.Field === 'Queue'))
          .map((t) => Number(t.ObjectId))
          .filter((id) => Number.isInteger(id) && id > 0),
      ),
    ];
    const gone: string[] = [];
    for (let i = 0; i < candidates.length; i += 40) {
      const part = candidates.slice(i, i + 40);
      const still = await this.client.searchTickets(`${this.source.queueClause()} AND (${part.map((id) => `id = ${id}`).join(' OR ')})`, 'id');
      const present = new Set(still.map((item) => Number(item.id)));
      for (const id of part) if (!present.has(id)) gone.push(`tkt_rt${id}`);
    }
    if (gone.length > 0) log.info({ tickets: gone.length, queue: this.mapping.queue }, 'RT tickets deleted or moved out of the queue leave the copy');
    await pass.commit((trx) => this.copy.remove(gone, trx as Transaction<ReportingTicketsDatabase>), { ...cursor, removalsFrom: started });
  }
}
