/**
 * The call-event store on the call center's own database (SQLite or PostgreSQL, each
 * query written once). Application is one transaction per batch:
 * 1. upsert a lock row per affected call (serialises instances sharing PostgreSQL),
 * 2. claim the batch's unapplied events (`applied_at IS NULL` → now; only claimed events
 *    are published, so each event is published by exactly one instance),
 * 3. read the affected calls' whole histories and current rows, fold them
 *    (`cti/state-machine.ts`), upsert the rows,
 * 4. create unknown agents and queues with placeholder names, update agents' presence.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../shared/database.js';
import { isCallEventType, type AcceptedEvent, type CtiEvent } from '../cti/event.js';
import { AGENT_BUSY_STATES, ACTIVE_STATES, compareEvents, foldCall } from '../cti/state-machine.js';
import type { CallRecord } from '../source/records.js';
import type { CallCenterTables, CallsTable } from '../source/tables.js';
import { CALL_COLUMNS } from '../source/tables.js';
import { callFromRow, callToRow } from '../source/call-rows.js';
import { addCallsToRollups, subtractCallsFromRollups } from '../reports/call-rollups.js';
import { refreshContactGapsOfCalls } from '../reports/contact-gaps.js';
import { addCallsToHistograms, removeCallsFromHistograms } from '../reports/call-histograms.js';
import { encodeEventCursor, type StreamPosition } from './cursor.js';
import { PreparedStatement } from '../../shared/statement-template.js';
import type { CallEventFilter, CallEventMessage } from './message.js';
import type { CallEventStore, SilentCall, StoredEvent } from './store.js';
import type { CallEventTables, CtiEventsTable, CtiTables } from './tables.js';

/** Rows per multi-row INSERT (16 columns: far below both dialects' parameter limits). */
const INSERT_ROWS = 500;
const IN_LIST = 500;
/** How many transfer levels below an applied call are recomputed with it. */
const MAX_LEG_DEPTH = 8;

/** `callIds` ordered so that a call comes after its parent (when the parent is among them); ties by id. */
function parentsFirst(callIds: readonly string[], parentOf: (callId: string) => string | null): string[] {
  const inBatch = new Set(callIds);
  const depth = (callId: string): number => {
    let level = 0;
    const seen = new Set([callId]);
    for (let parent = parentOf(callId); parent !== null && inBatch.has(parent) && !seen.has(parent); parent = parentOf(parent)) {
      seen.add(parent);
      level += 1;
    }
    return level;
  };
  const levels = new Map(callIds.map((id) => [id, depth(id)]));
  return [...callIds].sort((a, b) => levels.get(a)! - levels.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

type EventRow = Selectable<CtiEventsTable>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function eventFromRow(row: EventRow): CtiEvent {
  return {
    id: row.id,
    callId: row.call_id,
    parentCallId: row.parent_call_id,
    type: row.type,
    at: row.at,
    sequence: row.sequence === null ? null : Number(row.sequence),
    from: row.from_number,
    to: row.to_number,
    direction: row.direction,
    queueId: row.queue_id,
    agentId: row.agent_id,
    disconnectReason: row.disconnect_reason,
  };
}

/** The rows of accepted events (one per id, the first occurrence wins, like a later retry would), received at `receivedAt`. */
function eventRowsOf(events: readonly AcceptedEvent[], receivedAt: string): EventRow[] {
  const unique = [...new Map(events.map((e) => [e.event.id, e])).values()];
  return unique.map(({ event, source, raw }) => ({
    id: event.id,
    call_id: event.callId,
    parent_call_id: event.parentCallId,
    type: event.type,
    at: event.at,
    sequence: event.sequence,
    from_number: event.from,
    to_number: event.to,
    direction: event.direction,
    queue_id: event.queueId,
    agent_id: event.agentId,
    disconnect_reason: event.disconnectReason,
    source,
    raw: JSON.stringify(raw),
    received_at: receivedAt,
    applied_at: null,
  }));
}

/** The columns of `cti_events`, in the order the prepared statements take their values. */
const EVENT_COLUMNS = ['id', 'call_id', 'parent_call_id', 'type', 'at', 'sequence', 'from_number', 'to_number', 'direction', 'queue_id', 'agent_id', 'disconnect_reason', 'source', 'raw', 'received_at', 'applied_at'] as const satisfies readonly (keyof EventRow)[];

/** The stand-ins of `slots` as rows of `columns` (a prepared multi-row INSERT's VALUES). */
function slotRows<Row>(slots: readonly string[], columns: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < slots.length; i += columns.length) rows.push(Object.fromEntries(columns.map((column, c) => [column, slots[i + c]])) as Row);
  return rows;
}

/** A multi-row INSERT's values, row by row in `columns` order. */
function rowValues<Row>(rows: readonly Row[], columns: readonly (keyof Row)[]): unknown[] {
  return rows.flatMap((row) => columns.map((column) => row[column]));
}

// The per-event statements, compiled once per dialect and row or id count (shared/statement-template.ts):
// Kysely building them anew was a fifth of the call center's time per CTI event.
const INSERT_EVENTS = new PreparedStatement<Kysely<CallEventTables>, { id: string }>((db, slots) =>
  db.insertInto('cti_events').values(slotRows<Insertable<CtiEventsTable>>(slots, EVENT_COLUMNS)).onConflict((oc) => oc.column('id').doNothing()).returning('id'),
);
const UNAPPLIED_EVENTS = new PreparedStatement<Kysely<CallEventTables>, EventRow>((db, ids) => selectEvents(db).where('id', 'in', ids).where('applied_at', 'is', null));
/** Values: the lock time, then the call ids. */
const LOCK_CALLS = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, [at, ...ids]) =>
  db
    .insertInto('cti_call_locks')
    .values(ids.map((call_id) => ({ call_id, locked_at: at! })))
    .onConflict((oc) => oc.column('call_id').doUpdateSet({ locked_at: at! })),
);
/** Values: the application time, then the event ids. */
const CLAIM_EVENTS = new PreparedStatement<Kysely<CallEventTables>, { id: string }>((db, [at, ...ids]) =>
  db.updateTable('cti_events').set({ applied_at: at! }).where('id', 'in', ids).where('applied_at', 'is', null).returning('id'),
);
const HISTORIES = new PreparedStatement<Kysely<CallEventTables>, EventRow>((db, callIds) =>
  selectEvents(db).where((eb) => eb.or([eb('call_id', 'in', callIds), eb.and([eb('type', '=', 'TRANSFERRED'), eb('parent_call_id', 'in', callIds)])])),
);
const LEGS = new PreparedStatement<Kysely<CallEventTables>, { call_id: string }>((db, callIds) => db.selectFrom('cti_events').select('call_id').distinct().where('parent_call_id', 'in', callIds));
const CALL_ROWS = new PreparedStatement<Kysely<CallEventTables>, Selectable<CallsTable>>((db, ids) => db.selectFrom('calls').select(CALL_COLUMNS).where('id', 'in', ids));
const UPSERT_CALLS = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, slots) =>
  db
    .insertInto('calls')
    .values(slotRows<Insertable<CallsTable>>(slots, CALL_COLUMNS))
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(CALL_COLUMNS.filter((c) => c !== 'id').map((c) => [c, eb.ref(`excluded.${c}`)])))),
);
/** Values: id and name of each agent. */
const ENSURE_AGENTS = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, slots) =>
  db
    .insertInto('agents')
    .values(slotRows<{ id: string; name: string }>(slots, ['id', 'name']).map((row) => ({ ...row, team: PLACEHOLDER_TEAM, presence: 'AVAILABLE' as const })))
    .onConflict((oc) => oc.column('id').doNothing()),
);
/** Values: id and name of each queue. */
const ENSURE_QUEUES = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, slots) =>
  db.insertInto('queues').values(slotRows<{ id: string; name: string }>(slots, ['id', 'name'])).onConflict((oc) => oc.column('id').doNothing()),
);
const BUSY_AGENTS = new PreparedStatement<Kysely<CallEventTables>, { agent_id: string | null }>((db, ids) =>
  db.selectFrom('calls').select('agent_id').distinct().where('agent_id', 'in', ids).where('state', 'in', [...AGENT_BUSY_STATES]),
);
const MARK_BUSY = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, ids) => db.updateTable('agents').set({ presence: 'BUSY' }).where('id', 'in', ids));
const MARK_FREE = new PreparedStatement<Kysely<CallEventTables>, unknown>((db, ids) => db.updateTable('agents').set({ presence: 'AVAILABLE' }).where('id', 'in', ids).where('presence', '=', 'BUSY'));

export const placeholderAgentName = (id: string) => `Agent ${id}`;
export const placeholderQueueName = (id: string) => `Queue ${id}`;
/** The team of agents first seen in an event. */
export const PLACEHOLDER_TEAM = 'unassigned';

export class SqlCallEventStore implements CallEventStore {
  private readonly db: Kysely<CallEventTables>;

  constructor(database: Database<CallCenterTables>) {
    this.db = database.db.withTables<CtiTables>();
  }

  async insertEvents(events: readonly AcceptedEvent[], receivedAt: string): Promise<string[]> {
    return this.db.transaction().execute((trx) => this.insertRows(trx, eventRowsOf(events, receivedAt)));
  }

  /** Inserts event rows (first occurrence of an id wins) skipping ids already stored; returns the ids inserted. */
  private async insertRows(trx: Transaction<CallEventTables>, rows: readonly EventRow[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const part of chunks(rows, INSERT_ROWS)) {
      const result = await INSERT_EVENTS.execute(trx, rowValues(part, EVENT_COLUMNS), String(part.length));
      inserted.push(...result.rows.map((row) => row.id));
    }
    return inserted;
  }

  async applyEvents(ids: readonly string[], appliedAt: string): Promise<CallEventMessage[]> {
    if (ids.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const batch: EventRow[] = [];
      for (const part of chunks(ids, IN_LIST)) batch.push(...(await UNAPPLIED_EVENTS.execute(trx, part)).rows);
      if (batch.length === 0) return [];
      return this.applyRows(trx, batch, appliedAt);
    });
  }

  /** Applies stored events `batch` in transaction `trx` (steps 1-4 of the file comment) and returns their messages. */
  private async applyRows(trx: Transaction<CallEventTables>, batch: readonly EventRow[], appliedAt: string): Promise<CallEventMessage[]> {
    const affected = new Set<string>();
    for (const row of batch) {
      affected.add(row.call_id);
      if (row.type === 'TRANSFERRED' && row.parent_call_id !== null) affected.add(row.parent_call_id);
    }
    // Legs that arrived before this call (their parent) are recomputed with it: they
    // inherit its numbers, whatever the delivery order.
    for (const leg of await this.legsOf(trx, affected)) affected.add(leg);
    const callIds = [...affected].sort();
    for (const rows of chunks(callIds, INSERT_ROWS)) await LOCK_CALLS.execute(trx, [appliedAt, ...rows]);
    const claimed = await this.claim(trx, batch, appliedAt);
    if (claimed.size === 0) return [];

    const { rows: history } = await HISTORIES.execute(trx, callIds);
    const eventsByCall = new Map<string, CtiEvent[]>(callIds.map((id) => [id, []]));
    const parentIds = new Set<string>();
    for (const row of history) {
      const event = eventFromRow(row);
      eventsByCall.get(event.callId)?.push(event);
      if (event.parentCallId !== null && event.parentCallId !== event.callId) {
        if (event.type === 'TRANSFERRED') eventsByCall.get(event.parentCallId)?.push(event);
        parentIds.add(event.parentCallId);
      }
    }
    const existing = await this.callRows(trx, [...new Set([...callIds, ...parentIds])]);

    // Parents before their legs (at any depth), so a leg inherits its parent as just folded.
    const parentOf = (callId: string) =>
      [...(eventsByCall.get(callId) ?? [])].sort(compareEvents).find((e) => e.callId === callId && e.parentCallId !== null && e.parentCallId !== callId)
        ?.parentCallId ?? null;
    const folded = new Map<string, CallRecord>();
    for (const callId of parentsFirst(callIds, parentOf)) {
      const events = eventsByCall.get(callId) ?? [];
      const parentId = parentOf(callId);
      const parent = parentId === null ? null : (folded.get(parentId) ?? existing.get(parentId) ?? null);
      const record = foldCall(callId, events, { existing: existing.get(callId) ?? null, parent });
      if (record) folded.set(callId, record);
    }
    const records = [...folded.values()];
    // The report roll-ups and call-time histograms lose these calls as they stood and gain them as folded (below).
    const foldedIds = records.map((r) => r.id);
    const counted = await subtractCallsFromRollups(trx, foldedIds);
    await removeCallsFromHistograms(trx, foldedIds);
    for (const rows of chunks(records, INSERT_ROWS)) await UPSERT_CALLS.execute(trx, rowValues(rows.map(callToRow), CALL_COLUMNS), String(rows.length));
    await addCallsToRollups(trx, foldedIds, counted);
    // And their callers' contact gaps (repeat contacts): the callers as stored now and the numbers they had.
    await refreshContactGapsOfCalls(trx, foldedIds, callIds.map((id) => existing.get(id)?.customerNumber ?? null), new Set(foldedIds));
    await addCallsToHistograms(trx, foldedIds);
    await this.ensureReferences(trx, batch);
    await this.updatePresence(trx, [...new Set([...records.map((r) => r.agentId), ...[...existing.values()].map((r) => r.agentId)])]);

    // Each event carries the call as it stood once that event was applied: everything
    // applied before plus this batch's events up to it (stream order).
    const applied = batch.filter((row) => claimed.has(row.id)).map(eventFromRow).sort(compareEvents);
    const messages = applied.flatMap((event) => {
      const final = folded.get(event.callId);
      if (!final) return [];
      const upTo = (eventsByCall.get(event.callId) ?? []).filter((e) => !claimed.has(e.id) || compareEvents(e, event) <= 0);
      const parentId = final.parentCallId;
      const parent = parentId === null ? null : (folded.get(parentId) ?? existing.get(parentId) ?? null);
      const call = foldCall(event.callId, upTo, { existing: existing.get(event.callId) ?? null, parent }) ?? final;
      const message: CallEventMessage = {
        id: event.id,
        type: event.type,
        at: event.at,
        cursor: encodeEventCursor({ appliedAt, at: event.at, id: event.id }),
        agentId: event.agentId,
        queueId: event.queueId,
        call,
      };
      return [message];
    });
    return [...messages, ...this.legUpdates(applied, folded, existing, eventsByCall, appliedAt)];
  }

  /** Claims the batch's events no one has applied yet (`applied_at` → now); returns their ids. */
  private async claim(trx: Transaction<CallEventTables>, batch: readonly EventRow[], appliedAt: string): Promise<Set<string>> {
    const claimed = new Set<string>();
    for (const part of chunks(batch.map((row) => row.id), IN_LIST)) {
      const result = await CLAIM_EVENTS.execute(trx, [appliedAt, ...part]);
      for (const row of result.rows) claimed.add(row.id);
    }
    return claimed;
  }

  /**
   * Legs recomputed only because their parent arrived now, whose caller changed (a leg that
   * came before its parent learns the parent's numbers): one message each, so screens showing
   * the leg get the caller at once. It repeats the leg's latest event (type, time, agent,
   * queue) under the id `<that event's id>+<appliedAt>` (not an event of its own: catch-up
   * with `callEventsSince` replays stored events only; `activeCalls` shows the update).
   */
  private legUpdates(
    applied: readonly CtiEvent[],
    folded: ReadonlyMap<string, CallRecord>,
    existing: ReadonlyMap<string, CallRecord>,
    eventsByCall: ReadonlyMap<string, CtiEvent[]>,
    appliedAt: string,
  ): CallEventMessage[] {
    const withOwnEvents = new Set(applied.map((event) => event.callId));
    const updates: CallEventMessage[] = [];
    for (const record of folded.values()) {
      if (withOwnEvents.has(record.id) || record.parentCallId === null) continue;
      const before = existing.get(record.id);
      if (before && before.from === record.from && before.to === record.to && before.customerNumber === record.customerNumber && before.direction === record.direction) continue;
      const latest = (eventsByCall.get(record.id) ?? []).filter((event) => event.callId === record.id).sort(compareEvents).at(-1);
      if (!latest) continue;
      const id = `${latest.id}+${appliedAt}`;
      updates.push({
        id,
        type: latest.type,
        at: latest.at,
        cursor: encodeEventCursor({ appliedAt, at: latest.at, id }),
        agentId: latest.agentId,
        queueId: latest.queueId,
        call: record,
      });
    }
    return updates;
  }

  async unappliedEvents(receivedBefore: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cti_events')
      .select('id')
      .where('applied_at', 'is', null)
      .where('received_at', '<', receivedBefore)
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async activeCalls(filter: { agentId?: string | null; queueId?: string | null; heardSince?: string; agentIds?: readonly string[] | null }): Promise<CallRecord[]> {
    if (filter.agentIds?.length === 0) return [];
    let query = this.db.selectFrom('calls').select(CALL_COLUMNS).where('state', 'in', [...ACTIVE_STATES]);
    if (filter.agentId != null) query = query.where('agent_id', '=', filter.agentId);
    if (filter.agentIds != null) query = query.where('agent_id', 'in', [...filter.agentIds]);
    if (filter.queueId != null) query = query.where('queue_id', '=', filter.queueId);
    if (filter.heardSince !== undefined) query = query.where(lastReceivedAt(), '>=', filter.heardSince);
    const rows = await query.orderBy('started_at').orderBy('id').execute();
    return rows.map(callFromRow);
  }

  async silentCalls(heardBefore: string, limit: number): Promise<SilentCall[]> {
    const rows = await this.db
      .selectFrom('calls')
      .select([
        'calls.id',
        'calls.state',
        sql<string>`COALESCE((SELECT MAX(e.at) FROM cti_events e WHERE e.call_id = calls.id), calls.started_at)`.as('last_event_at'),
        lastReceivedAt().as('last_received_at'),
      ])
      .where('calls.state', 'in', [...ACTIVE_STATES])
      .where(lastReceivedAt(), '<', heardBefore)
      .orderBy('calls.started_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, state: row.state, lastEventAt: String(row.last_event_at), lastReceivedAt: String(row.last_received_at) }));
  }

  async latestPosition(): Promise<StreamPosition | null> {
    const row = await this.db
      .selectFrom('cti_events')
      .select(['id', 'at', 'applied_at'])
      .where('applied_at', 'is not', null)
      .orderBy('applied_at', 'desc')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && row.applied_at ? { appliedAt: row.applied_at, at: row.at, id: row.id } : null;
  }

  async eventsSince(position: StreamPosition, filter: CallEventFilter, limit: number): Promise<StoredEvent[]> {
    if (filter.agentIds?.length === 0) return [];
    let query = this.db
      .selectFrom('cti_events as e')
      .leftJoin('calls as c', 'c.id', 'e.call_id')
      .select(['e.id', 'e.type', 'e.at', 'e.call_id', 'e.applied_at'])
      .where('e.applied_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('e.applied_at', '>', position.appliedAt),
          eb.and([
            eb('e.applied_at', '=', position.appliedAt),
            eb.or([eb('e.at', '>', position.at), eb.and([eb('e.at', '=', position.at), eb('e.id', '>', position.id)])]),
          ]),
        ]),
      );
    if (filter.types && filter.types.length > 0) {
      // Hand-off types are not in the event log (they are never replayed); only hand-off types: no rows.
      const callTypes = filter.types.filter(isCallEventType);
      if (callTypes.length === 0) return [];
      query = query.where('e.type', 'in', callTypes);
    }
    const { agentId, queueId } = filter;
    if (agentId != null) query = query.where((eb) => eb.or([eb('e.agent_id', '=', agentId), eb('c.agent_id', '=', agentId)]));
    if (queueId != null) query = query.where((eb) => eb.or([eb('e.queue_id', '=', queueId), eb('c.queue_id', '=', queueId)]));
    if (filter.agentIds != null) query = query.where('c.agent_id', 'in', [...filter.agentIds]);
    const rows = await query.orderBy('e.applied_at').orderBy('e.at').orderBy('e.id').limit(limit).execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      at: row.at,
      callId: row.call_id,
      position: { appliedAt: row.applied_at ?? position.appliedAt, at: row.at, id: row.id },
    }));
  }

  /**
   * The legs of `callIds` (calls whose events name one of them as parent), and their legs in
   * turn, at most `MAX_LEG_DEPTH` levels down; without `callIds` themselves.
   */
  private async legsOf(trx: Transaction<CallEventTables>, callIds: ReadonlySet<string>): Promise<string[]> {
    const found = new Set<string>();
    let frontier = [...callIds];
    for (let depth = 0; depth < MAX_LEG_DEPTH && frontier.length > 0; depth += 1) {
      const next: string[] = [];
      for (const part of chunks(frontier, IN_LIST)) {
        const result = await LEGS.execute(trx, part);
        for (const { call_id } of result.rows) {
          if (callIds.has(call_id) || found.has(call_id)) continue;
          found.add(call_id);
          next.push(call_id);
        }
      }
      frontier = next;
    }
    return [...found];
  }

  private async callRows(trx: Transaction<CallEventTables>, ids: string[]): Promise<Map<string, CallRecord>> {
    const out = new Map<string, CallRecord>();
    for (const part of chunks(ids, IN_LIST)) {
      const result = await CALL_ROWS.execute(trx, part);
      for (const row of result.rows) out.set(row.id, callFromRow(row));
    }
    return out;
  }

  /** Agents and queues named by events but unknown here are created with placeholder names. */
  private async ensureReferences(trx: Transaction<CallEventTables>, rows: readonly EventRow[]): Promise<void> {
    const agents = [...new Set(rows.map((r) => r.agent_id).filter((id): id is string => id !== null))];
    const queues = [...new Set(rows.map((r) => r.queue_id).filter((id): id is string => id !== null))];
    for (const part of chunks(agents, INSERT_ROWS)) await ENSURE_AGENTS.execute(trx, part.flatMap((id) => [id, placeholderAgentName(id)]));
    for (const part of chunks(queues, INSERT_ROWS)) await ENSURE_QUEUES.execute(trx, part.flatMap((id) => [id, placeholderQueueName(id)]));
  }

  /**
   * Presence follows calls: BUSY while the agent has a call connected, on hold or in
   * wrap-up; a BUSY agent without one becomes AVAILABLE. AWAY and OFFLINE are the agent's
   * own choice and only change when a call makes them busy.
   */
  private async updatePresence(trx: Transaction<CallEventTables>, agentIds: readonly (string | null)[]): Promise<void> {
    const ids = [...new Set(agentIds.filter((id): id is string => id !== null))];
    for (const part of chunks(ids, IN_LIST)) {
      const busyRows = await BUSY_AGENTS.execute(trx, part);
      const busy = busyRows.rows.map((row) => row.agent_id).filter((id): id is string => id !== null);
      const free = part.filter((id) => !busy.includes(id));
      if (busy.length > 0) await MARK_BUSY.execute(trx, busy);
      if (free.length > 0) await MARK_FREE.execute(trx, free);
    }
  }
}

/** When a call's last event was received; its start when it has none (a call known only from the seed or an import). */
function lastReceivedAt() {
  return sql<string>`COALESCE((SELECT MAX(e.received_at) FROM cti_events e WHERE e.call_id = calls.id), calls.started_at)`;
}

function selectEvents(db: Kysely<CallEventTables> | Transaction<CallEventTables>) {
  return db.selectFrom('cti_events').selectAll();
}
